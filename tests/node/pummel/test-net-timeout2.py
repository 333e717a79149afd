"""Port of test/pummel/test-net-timeout2.js.

``s.pipe(process.stdout)``: nodenet_uv has no process.stdout; the port pipes into a
Writable that writes to ``sys.stdout``, which is what the Node test's output is.
"""

import sys
import time
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval

SECONDS = 5


def test_timeout2() -> None:
    counter = 0

    def on_connection(socket: net.Socket) -> None:
        socket.setTimeout((SECONDS / 2) * 1000, common.mustNotCall())

        def tick() -> None:
            nonlocal counter
            counter += 1
            if counter == SECONDS:
                clearInterval(interval)
                server.close()
                socket.destroy()
            if socket.writable:
                socket.write(f"{int(time.time() * 1000)}\n")

        interval = setInterval(tick, 1000)

    server = net.createServer(on_connection)

    def write(chunk: Any, encoding: Any, callback: Any) -> None:
        sys.stdout.write(chunk.decode() if isinstance(chunk, bytes) else chunk)
        callback()

    stdout = Writable({"write": write})

    def on_listening() -> None:
        s = net.connect(server.address()["port"])
        s.pipe(stdout)

    server.listen(0, on_listening)
    run()
