"""Port of test/sequential/test-child-process-execsync.js (``node -e`` children are
``python -c`` programs doing the same; $NODE is the Python interpreter)."""

import os
import re
import sys
import time
from typing import Any

import pytest

from nodenet_uv import errors
from nodenet_uv.child_process import execFileSync, execSync, spawnSync
from nodenet_uv.testing import common

TIMER = 200
SLEEP = 2000
execPath = sys.executable


def test_bad_shell_does_not_access_stderr() -> None:
    # Verify that stderr is not accessed when a bad shell is used
    with pytest.raises(Exception, match="spawnSync bad_shell ENOENT"):
        execSync("exit -1", {"shell": "bad_shell"})
    with pytest.raises(Exception, match="spawnSync bad_shell ENOENT"):
        execFileSync("exit -1", {"shell": "bad_shell"})


def test_timeout() -> None:
    caught = False
    ret = err = None
    start = time.monotonic()
    try:
        cmd = f'"$NODE" -c "import time; time.sleep({SLEEP / 1000})"'
        ret = execSync(cmd, {"env": {**os.environ, "NODE": execPath}, "timeout": TIMER})
    except Exception as e:
        caught = True
        assert errors.getSystemErrorName(e.errno) == "ETIMEDOUT"  # type: ignore[attr-defined]
        err = e
    finally:
        assert ret is None, f"should not have a return value, received {ret}"
        assert caught, "execSync should throw"
        end = (time.monotonic() - start) * 1000
        assert end < SLEEP
        status, signal = getattr(err, "status", None), getattr(err, "signal", None)
        assert (status is not None and status > 128) or signal, (
            f"status: {status}, signal: {signal}"
        )


def test_bad_command() -> None:
    with pytest.raises(Exception, match="Command failed: iamabadcommand"):
        execSync("iamabadcommand")


msg = "foobar"
msgBuf = f"{msg}\n".encode()


def test_output() -> None:
    cmd = f'"$NODE" -c "print(\'{msg}\')"'
    env = {**os.environ, "NODE": execPath}
    ret = execSync(cmd, {"env": env})
    assert len(ret) == len(msgBuf)
    assert ret == msgBuf
    ret = execSync(cmd, {"encoding": "utf8", "env": env})
    assert ret == f"{msg}\n"

    args = ["-c", f'print("{msg}")']
    assert execFileSync(execPath, args) == msgBuf
    assert execFileSync(execPath, args, {"encoding": "utf8"}) == f"{msg}\n"


def test_cwd(tmp_path: Any) -> None:
    # Verify that the cwd option works.
    cwd = str(tmp_path)
    response = execSync("pwd", {"cwd": cwd})
    assert response.decode().strip() == cwd


def test_stdio_ignore_does_not_access_stderr() -> None:
    with pytest.raises(Exception, match=re.escape("Command failed: exit -1")):
        execSync("exit -1", {"stdio": "ignore"})


def test_exec_file_sync_non_zero_exit() -> None:
    args = ["-c", "import sys; sys.exit(1)"]
    spawnSyncResult = spawnSync(execPath, args)
    spawnSyncKeys = sorted(spawnSyncResult.keys())
    assert spawnSyncKeys == ["output", "pid", "signal", "status", "stderr", "stdout"]
    with pytest.raises(Exception) as info:
        execFileSync(execPath, args)
    err: Any = info.value
    assert isinstance(err, Exception)
    assert err.message == f"Command failed: {execPath} {' '.join(args)}"
    assert err.status == 1
    assert isinstance(err.pid, int)
    check = common.mustCallAtLeast(lambda key: _eq(getattr(err, key), spawnSyncResult[key]))
    for key in spawnSyncKeys:
        if key != "pid":
            check(key)


def _eq(a: Any, b: Any) -> None:
    assert a == b


def test_shell_option() -> None:
    # Verify the shell option works properly
    execFileSync(
        '"$NODE"', [], {"encoding": "utf8", "shell": True, "env": {**os.environ, "NODE": execPath}}
    )
