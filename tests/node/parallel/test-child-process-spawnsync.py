"""Port of test/parallel/test-child-process-spawnsync.js."""

import tempfile
from pathlib import Path

from nodenet_uv import errors
from nodenet_uv.child_process import spawnSync

pwdCommand = ("pwd", [])


def test_spawn_sync() -> None:
    ret = spawnSync("sleep", ["0"])
    assert ret["status"] == 0
    ret_err = spawnSync("command_does_not_exist", ["bar"])["error"]
    assert ret_err.code == "ENOENT"
    assert errors.getSystemErrorName(ret_err.errno) == "ENOENT"
    assert ret_err.syscall == "spawnSync command_does_not_exist"
    assert ret_err.path == "command_does_not_exist"
    assert ret_err.spawnargs == ["bar"]

    with tempfile.TemporaryDirectory() as tmp:
        cwd = str(Path(tmp).resolve())
        response = spawnSync(*pwdCommand, {"cwd": cwd})
        assert response["stdout"].decode().strip() == cwd

    retDefault = spawnSync(*pwdCommand)
    retBuffer = spawnSync(*pwdCommand, {"encoding": "buffer"})
    assert retDefault["output"] == retBuffer["output"]
    retUTF8 = spawnSync(*pwdCommand, {"encoding": "utf8"})
    stringifiedDefault = [None, retDefault["stdout"].decode(), retDefault["stderr"].decode()]
    assert retUTF8["output"] == stringifiedDefault
