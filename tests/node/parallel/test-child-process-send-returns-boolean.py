"""Port of test/parallel/test-child-process-send-returns-boolean.js (the fixture
child-process-persistent.js is the same program in Python, with nodenet_uv's channel so
that it acknowledges handles as a node child does)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, run
from nodenet_uv.testing import common

# The child runs this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}

PERSISTENT = """
import nodenet_uv.child_process
from nodenet_uv import run
from nodenet_uv.timers import setInterval
setInterval(lambda: None, 500)
run()
"""


def ifError(err: Any = None) -> None:
    if err is not None:
        raise err


def test_send_returns_boolean(tmp_path: Path) -> None:
    subScript = tmp_path / "child-process-persistent.py"
    subScript.write_text(PERSISTENT)
    n = child_process.fork(str(subScript), {"env": ENV})
    rv = n.send({"h": "w"}, ifError)
    assert rv is True
    n.kill("SIGKILL")

    spawnOptions = {"stdio": ["pipe", "pipe", "pipe", "ipc"], "env": ENV}
    s = child_process.spawn(sys.executable, [str(subScript)], spawnOptions)

    def on_listening() -> None:
        handle = server._handle
        rv1 = s.send("one", handle, ifError)
        assert rv1 is True
        rv2 = s.send("two", ifError)
        assert rv2 is True
        rv3 = s.send("three", ifError)
        assert rv3 is False

        def after_four() -> None:
            rv5 = s.send("5", handle, ifError)
            assert rv5 is True
            s.kill()
            handle.close()
            server.close()

        rv4 = s.send("four", common.mustSucceed(after_four))
        assert rv4 is False

    server = net.createServer(common.mustNotCall()).listen(0, common.mustCall(on_listening))
    run()
