"""Port of test/sequential/test-net-GH-5504.js.

A server child writes 64 MB to a client child that destroys its socket as soon as it is
connected; the server must not keep trying to read or write after the abrupt end, so both
children exit. Both children are Python processes running nodenet_uv (Node spawns itself);
the server listens on port 0 and reports the port on its 'listening' stdout line instead
of using ``common.PORT``. ``NODE_DEBUG=net`` output has no equivalent and is not checked.
"""

import subprocess
import sys

from nodenet_uv.testing import common

SERVER = """
import sys
from nodenet_uv import net, run

content = b'#' * (64 * 1024 * 1024)

def on_connection(socket):
    server.close()
    socket.on('end', lambda: print('end', file=sys.stderr, flush=True))
    socket.on('_socketEnd', lambda: print('_socketEnd', file=sys.stderr, flush=True))
    socket.on('error', lambda err: print('error', err.code, file=sys.stderr, flush=True))
    socket.write(content)

server = net.createServer(on_connection)
server.listen(0, '127.0.0.1', lambda: print('listening', server.address()['port'], flush=True))
run()
"""

CLIENT = """
import sys
from nodenet_uv import net, run

client = net.connect({'host': '127.0.0.1', 'port': int(sys.argv[1])},
                     lambda: client.destroy())
run()
"""


def test_abrupt_client_death_does_not_make_the_server_spin() -> None:
    s = subprocess.Popen(
        [sys.executable, "-c", SERVER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    c = None
    try:
        assert s.stdout is not None
        line = s.stdout.readline()  # s.stdout.once('data')
        assert line.startswith("listening "), s.stderr.read() if s.stderr else line
        port = line.split()[1]
        c = subprocess.Popen(
            [sys.executable, "-c", CLIENT, port],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        _, c_err = c.communicate(timeout=30)
        common.mustCall(lambda: None)()  # c.on('exit')
        assert c.returncode == 0, c_err
        _, s_err = s.communicate(timeout=30)
        common.mustCall(lambda: None)()  # s.on('exit')
        # Either an error (ECONNRESET/EPIPE) or an EOF ends it; what matters is the exit.
        assert s.returncode == 0, s_err
    finally:
        for p in (s, c):
            if p is not None and p.poll() is None:
                p.kill()
                p.communicate()
