"""Port of test/parallel/test-child-process-spawn-shell.js (``$NODE -pe process.env.BAZ``
becomes ``$PYTHON -c`` printing BAZ)."""

import os
import sys
from typing import Any

import pytest

from nodenet_uv import child_process as cp
from nodenet_uv import run
from nodenet_uv.testing import common


def test_spawn_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    # DEP0190 is emitted once per process: this test must see it.
    monkeypatch.setattr(cp, "_emittedDEP0190Already", False)
    doesNotExist = cp.spawn("does-not-exist", {"shell": True})
    assert doesNotExist.spawnfile != "does-not-exist"
    doesNotExist.on("error", common.mustNotCall())

    def on_exit(code: Any, signal: Any) -> None:
        assert signal is None
        assert code == 127  # Exit code of /bin/sh

    doesNotExist.on("exit", common.mustCall(on_exit))

    common.expectWarning(
        "DeprecationWarning",
        "Passing args to a child process with shell option true can lead to security "
        "vulnerabilities, as the arguments are not escaped, only concatenated.",
        "DEP0190",
    )
    echo = cp.spawn("echo", ["foo"], {"encoding": "utf8", "shell": True})
    echoOutput: list[bytes] = []
    assert echo.spawnargs[-1].replace('"', "") == "echo foo"
    echo.stdout.on("data", echoOutput.append)
    echo.on("close", common.mustCall(lambda *a: _eq(b"".join(echoOutput).strip(), b"foo")))

    cmd = "echo bar | cat"
    command = cp.spawn(cmd, {"encoding": "utf8", "shell": True})
    commandOutput: list[bytes] = []
    command.stdout.on("data", commandOutput.append)
    command.on("close", common.mustCall(lambda *a: _eq(b"".join(commandOutput).strip(), b"bar")))

    env = cp.spawn(
        '"$PYTHON" -c "import os; print(os.environ[\'BAZ\'])"',
        {
            "env": {**os.environ, "BAZ": "buzz", "PYTHON": sys.executable},
            "encoding": "utf8",
            "shell": True,
        },
    )
    envOutput: list[bytes] = []
    env.stdout.on("data", envOutput.append)
    env.on("close", common.mustCall(lambda *a: _eq(b"".join(envOutput).strip(), b"buzz")))
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b
