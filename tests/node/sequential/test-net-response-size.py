"""Port of test/sequential/test-net-response-size.js.

The server child is a Python process running nodenet_uv (Node spawns itself); it listens
on port 0 and reports the port on its first stdout line instead of using ``common.PORT``.
Node's test only requires that the server survives very small and very large client
writes; the port also checks that every byte arrived.
"""

import re
import subprocess
import sys
import time

from nodenet_uv import net, run

SERVER = """
from nodenet_uv import net, run

def on_connection(conn):
    conn.on('data', lambda data: print(f'server received {len(data)} bytes', flush=True))
    conn.on('close', lambda: server.close())

server = net.createServer(on_connection)
server.listen(0, '127.0.0.1', lambda: print('Server running.', server.address()['port'], flush=True))
run()
"""


def test_small_and_large_writes() -> None:
    server_process = subprocess.Popen(
        [sys.executable, "-c", SERVER],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server_process.stdout is not None
        first = server_process.stdout.readline()
        assert first.startswith("Server running."), first
        port = int(first.split()[-1])

        client = net.createConnection(port, "127.0.0.1")

        def on_connect() -> None:
            alot = bytes(1024)
            alittle = bytes(1)

            for _ in range(100):
                client.write(alot)

            # Block the event loop for 1 second
            start = time.monotonic()
            while time.monotonic() < start + 1:
                pass

            client.write(alittle)

            client.destroySoon()

        client.on("connect", on_connect)
        run()
        out, _ = server_process.communicate(timeout=30)
        assert server_process.returncode == 0, out
        sizes = [int(n) for n in re.findall(r"server received (\d+) bytes", out)]
        assert sum(sizes) == 100 * 1024 + 1, out
    finally:
        if server_process.poll() is None:
            server_process.kill()
            server_process.communicate()
