"""Port of test/parallel/test-child-process-spawn-error.js."""

import os
from typing import Any

from nodenet_uv import child_process, errors, run
from nodenet_uv.testing import common


def test_spawn_enoent() -> None:
    enoentPath = "foo123"
    spawnargs = ["bar"]
    assert not os.path.exists(enoentPath)
    enoentChild = child_process.spawn(enoentPath, spawnargs)
    assert enoentChild.stdin is not None
    assert enoentChild.stdout is not None
    assert enoentChild.stderr is not None
    assert isinstance(enoentChild.stdio, list)
    assert enoentChild.stdio[0] is enoentChild.stdin
    assert enoentChild.stdio[1] is enoentChild.stdout
    assert enoentChild.stdio[2] is enoentChild.stderr
    assert enoentChild.pid is None
    enoentChild.on("spawn", common.mustNotCall())

    def on_error(err: Any) -> None:
        assert err.code == "ENOENT"
        assert errors.getSystemErrorName(err.errno) == "ENOENT"
        assert err.syscall == f"spawn {enoentPath}"
        assert err.path == enoentPath
        assert err.spawnargs == spawnargs

    enoentChild.on("error", common.mustCall(on_error))
    run()
