"""Port of test/pummel/test-net-timeout.js. The ``process.on('exit')`` check runs after
the loop; ``new Date()`` is ``time.monotonic()`` in ms."""

import time
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

TIMEOUT = 1000


def _now() -> float:
    return time.monotonic() * 1000


def test_timeout() -> None:
    exchanges = 0
    starttime: float | None = None
    timeouttime: float | None = None

    def on_connection(socket: net.Socket) -> None:
        socket.setTimeout(TIMEOUT)

        def on_timeout() -> None:
            nonlocal timeouttime
            timeouttime = _now()
            socket.destroy()

        socket.on("timeout", on_timeout)

        def on_error(e: Any) -> None:
            raise Exception("Server side socket should not get error. We disconnect willingly.")

        socket.on("error", on_error)
        socket.on("data", lambda d: socket.write(d))
        socket.on("end", lambda: socket.end())

    echo_server = net.createServer(on_connection)

    def on_listening() -> None:
        port = echo_server.address()["port"]
        client = net.createConnection(port)
        client.setEncoding("UTF8")
        client.setTimeout(0)  # Disable the timeout for client
        client.on("connect", lambda: client.write("hello\r\n"))

        def on_data(chunk: str) -> None:
            nonlocal exchanges, starttime
            assert chunk == "hello\r\n"
            exchanges += 1
            if exchanges - 1 < 5:
                setTimeout(lambda: client.write("hello\r\n"), 500)
                if exchanges == 5:
                    starttime = _now()

        client.on("data", common.mustCallAtLeast(on_data))

        def on_timeout() -> None:
            raise Exception("client timeout - this shouldn't happen")

        client.on("timeout", on_timeout)
        client.on("end", lambda: client.end())
        client.on("close", lambda *_: echo_server.close())

    echo_server.listen(0, common.mustCall(on_listening))
    run()
    assert starttime is not None
    assert timeouttime is not None
    diff = timeouttime - starttime
    assert TIMEOUT < diff
