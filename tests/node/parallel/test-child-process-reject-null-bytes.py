"""Port of test/parallel/test-child-process-reject-null-bytes.js."""

import sys
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv.child_process import (
    exec,
    execFile,
    execFileSync,
    execSync,
    fork,
    spawn,
    spawnSync,
)
from nodenet_uv.testing import common

execPath = sys.executable
__filename = __file__


def _throws(fn: Callable[[], Any]) -> None:
    with pytest.raises(TypeError) as info:
        fn()
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_VALUE", "name": "TypeError"})


def test_command_argument() -> None:
    _throws(lambda: exec(f"{execPath} {__filename} AAA BBB\0XXX CCC", common.mustNotCall()))
    _throws(lambda: exec("BBB\0XXX AAA CCC", common.mustNotCall()))
    _throws(lambda: execSync(f"{execPath} {__filename} AAA BBB\0XXX CCC"))
    _throws(lambda: execSync("BBB\0XXX AAA CCC"))


def test_file_argument() -> None:
    _throws(lambda: spawn("BBB\0XXX"))
    _throws(lambda: execFile("BBB\0XXX", common.mustNotCall()))
    _throws(lambda: execFileSync("BBB\0XXX"))
    _throws(lambda: spawn("BBB\0XXX"))
    _throws(lambda: spawnSync("BBB\0XXX"))


def test_module_path_argument() -> None:
    _throws(lambda: fork("BBB\0XXX"))


def test_args_argument() -> None:
    # Not testing exec() and execSync() because these accept 'args' as a part of
    # 'command' as space-separated arguments.
    args = [__filename, "AAA", "BBB\0XXX", "CCC"]
    _throws(lambda: execFile(execPath, args, common.mustNotCall()))
    _throws(lambda: execFileSync(execPath, args))
    _throws(lambda: fork(__filename, ["AAA", "BBB\0XXX", "CCC"]))
    _throws(lambda: spawn(execPath, args))
    _throws(lambda: spawnSync(execPath, args))


def _option_cases(options: dict[str, Any], fork_too: bool = True) -> None:
    _throws(lambda: exec(execPath, options, common.mustNotCall()))
    _throws(lambda: execFile(execPath, options, common.mustNotCall()))
    _throws(lambda: execFileSync(execPath, options))
    _throws(lambda: execSync(execPath, options))
    if fork_too:
        _throws(lambda: fork(__filename, options))
    _throws(lambda: spawn(execPath, options))
    _throws(lambda: spawnSync(execPath, options))


def test_options_cwd() -> None:
    _option_cases({"cwd": "BBB\0XXX"})


def test_options_argv0() -> None:
    _option_cases({"argv0": "BBB\0XXX"})


def test_options_shell() -> None:
    # Not testing fork() because it doesn't accept the shell option (internally it
    # explicitly sets shell to false).
    _option_cases({"shell": "BBB\0XXX"}, fork_too=False)


def test_options_env() -> None:
    _option_cases({"env": {"AAA": "BBB\0XXX"}})
    _option_cases({"env": {"BBB\0XXX": "AAA"}})


def test_options_exec_path() -> None:
    _throws(lambda: fork(__filename, {"execPath": "BBB\0XXX"}))


def test_options_exec_argv() -> None:
    _throws(lambda: fork(__filename, {"execArgv": ["AAA", "BBB\0XXX", "CCC"]}))
