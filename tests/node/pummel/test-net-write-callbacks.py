"""Port of test/pummel/test-net-write-callbacks.js. The ``process.on('exit')`` check runs
after the loop."""

from typing import Any

from nodenet_uv import net, run

N = 500000


def test_write_callbacks() -> None:
    cbcount = 0
    last_called = -1

    def on_connection(socket: net.Socket) -> None:
        def on_end() -> None:
            socket.destroy()
            server.close()

        socket.on("data", lambda d: None)
        socket.on("end", on_end)

    server = net.Server(on_connection)

    def make_callback(c: int) -> Any:
        called = False

        def cb(*_: Any) -> None:
            nonlocal called, last_called, cbcount
            if called:
                raise Exception(f"called callback #{c} more than once")
            called = True
            if c < last_called:
                raise Exception(f"callbacks out of order. last={last_called} current={c}")
            last_called = c
            cbcount += 1

        return cb

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])

        def on_connect() -> None:
            for i in range(N):
                client.write("hello world", make_callback(i))
            client.end()

        client.on("connect", on_connect)

    server.listen(0, on_listening)
    run()
    assert cbcount == N
