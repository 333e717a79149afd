"""Port of test/parallel/test-net-child-process-connect-reset.js.

The child is a Python process running a nodenet_uv server (Node spawns itself with an IPC
channel); it reports its port on a stdout line instead of ``process.send``. The parent's
``cp.on('exit')`` check runs once the loop is done, on the reaped child.
"""

import json
import signal
import subprocess
import sys

from nodenet_uv import net, run
from nodenet_uv.testing import common

CHILD = """
import json, sys
from nodenet_uv import net, run

def on_listening():
    print(json.dumps({"type": "ready", "data": {"port": server.address()["port"]}}), flush=True)

server = net.createServer(lambda sock: None)
server.listen(0, on_listening)
run()
"""


def test_connection_to_killed_child() -> None:
    cp = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL
    )
    try:

        def on_exit(code: int | None, sig: str | None) -> None:
            assert code is None
            assert sig == "SIGKILL"

        on_exit_checked = common.mustCall(on_exit)

        def on_message(msg: dict[str, object]) -> None:
            assert msg["type"] == "ready"
            port = msg["data"]["port"]  # type: ignore[index]

            conn = net.createConnection(
                {
                    "port": port,
                    "onread": {"buffer": bytearray(65536), "callback": lambda *a: None},
                }
            )

            def on_error(err: BaseException) -> None:
                # Error emitted on Windows.
                assert getattr(err, "code", None) == "ECONNRESET"

            conn.on("error", on_error)
            conn.on("connect", common.mustCall(lambda: cp.kill()))  # SIGKILL

        assert cp.stdout is not None
        common.mustCall(on_message)(json.loads(cp.stdout.readline()))
        run()
        rc = cp.wait(timeout=10)
        on_exit_checked(None if rc < 0 else rc, signal.Signals(-rc).name if rc < 0 else None)
    finally:
        if cp.poll() is None:
            cp.kill()
            cp.wait()
        assert cp.stdout is not None
        cp.stdout.close()
