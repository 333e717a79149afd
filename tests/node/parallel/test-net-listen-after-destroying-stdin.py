"""Port of test/parallel/test-net-listen-after-destroying-stdin.js.

``process.stdin.destroy()`` closes fd 0, so the server's socket may get fd 0 (the
node-v0.x #746 regression). pytest's own process cannot lose its stdin, so the test body
runs in a Python child that closes fd 0 first; the child checks its own mustCall counts
and prints the same lines as Node's test.
"""

import subprocess
import sys

CHILD = """
import os
from nodenet_uv import net, run
from nodenet_uv.testing import common

os.close(0)  # process.stdin.destroy()

def on_connection(socket):
    print('accepted...', flush=True)
    socket.end(common.mustCall(lambda: print('finished...', flush=True)))
    server.close(common.mustCall(lambda: print('closed', flush=True)))

server = net.createServer(common.mustCall(on_connection))

def on_listening():
    print('listening...', flush=True)
    net.createConnection(server.address()['port'])

server.listen(0, common.mustCall(on_listening))
run()
common.check_must_call()
"""


def test_listen_after_destroying_stdin() -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["listening...", "accepted...", "finished...", "closed"]
