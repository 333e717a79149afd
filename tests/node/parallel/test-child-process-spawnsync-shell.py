"""Port of test/parallel/test-child-process-spawnsync-shell.js (``--expose-internals``'s
internal/child_process spawnSync is ``child_process._internal_spawnSync``, replaced with
monkeypatch; ``node -pe process.env.BAZ`` is ``python -c`` printing it; process.platform is
patched on the process object as Node redefines its getter)."""

import re
import sys
from typing import Any

import pytest

from nodenet_uv import child_process as cp
from nodenet_uv.process import process
from nodenet_uv.testing import common


def test_a_shell_is_executed() -> None:
    # Verify that a shell is, in fact, executed
    doesNotExist = cp.spawnSync("does-not-exist", {"shell": True})
    assert doesNotExist.get("file") != "does-not-exist"
    assert doesNotExist.get("error") is None
    assert doesNotExist["signal"] is None
    assert doesNotExist["status"] == 127  # Exit code of /bin/sh


def test_passing_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    # Verify that passing arguments works
    common.expectWarning(
        "DeprecationWarning",
        "Passing args to a child process with shell option true can lead to security "
        "vulnerabilities, as the arguments are not escaped, only concatenated.",
        "DEP0190",
    )
    monkeypatch.setattr(cp, "_emittedDEP0190Already", False)  # once per process
    oldSpawnSync = cp._internal_spawnSync

    def spy(opts: dict[str, Any]) -> Any:
        assert opts["args"][-1].replace('"', "") == "echo foo"
        return oldSpawnSync(opts)

    monkeypatch.setattr(cp, "_internal_spawnSync", common.mustCall(spy))
    echo = cp.spawnSync("echo", ["foo"], {"shell": True})
    monkeypatch.setattr(cp, "_internal_spawnSync", oldSpawnSync)
    assert echo["stdout"].decode().strip() == "foo"
    from nodenet_uv import run

    run()  # the warning is emitted on a tick


def test_shell_features() -> None:
    # Verify that shell features can be used
    command = cp.spawnSync("echo bar | cat", {"shell": True})
    assert command["stdout"].decode().strip() == "bar"


def test_environment_is_inherited() -> None:
    import os

    env = cp.spawnSync(
        '"$PY" -c "import os; print(os.environ[\'BAZ\'])"',
        {"env": {**os.environ, "BAZ": "buzz", "PY": sys.executable}, "shell": True},
    )
    assert env["stdout"].decode().strip() == "buzz"


def test_shell_internals_across_platforms(monkeypatch: pytest.MonkeyPatch) -> None:
    # Verify that the shell internals work properly across platforms.
    def test(testPlatform: str, shell: Any, shellOutput: str) -> None:
        monkeypatch.setattr(process, "platform", testPlatform)
        isCmd = re.match(r"^(?:.*\\)?cmd(?:\.exe)?$", shellOutput, re.IGNORECASE) is not None
        cmd = "not_a_real_command"
        shellFlags = ["/d", "/s", "/c"] if isCmd else ["-c"]
        outputCmd = f'"{cmd}"' if isCmd else cmd
        windowsVerbatim = True if isCmd else None

        def spy(opts: dict[str, Any]) -> None:
            assert opts["file"] == shellOutput
            assert opts["args"] == [shellOutput, *shellFlags, outputCmd]
            assert opts["shell"] == shell
            assert opts["windowsHide"] is False
            assert opts["windowsVerbatimArguments"] is bool(windowsVerbatim)

        monkeypatch.setattr(cp, "_internal_spawnSync", common.mustCall(spy))
        cp.spawnSync(cmd, {"shell": shell})
        monkeypatch.undo()

    # Test Unix platforms with the default shell.
    test("darwin", True, "/bin/sh")
    # Test Unix platforms with a user specified shell.
    test("darwin", "/bin/csh", "/bin/csh")
    # Test Android platforms.
    test("android", True, "/system/bin/sh")
    # Test Windows platforms with a user specified shell.
    test("win32", "powershell.exe", "powershell.exe")
    # Test Windows platforms with the default shell and no comspec.
    monkeypatch.delenv("comspec", raising=False)
    test("win32", True, "cmd.exe")
    # Test Windows platforms with the default shell and a comspec value.
    monkeypatch.setenv("comspec", "powershell.exe")
    test("win32", True, "powershell.exe")
