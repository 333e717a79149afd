"""Port of test/parallel/test-net-bytes-stats.js.

The ``process.on('exit')`` checks run after ``run()`` returns.
"""

from nodenet_uv import net, run


def test_bytes_stats() -> None:
    state = {"bytesRead": 0, "bytesWritten": 0, "count": 0}

    def on_connection(s: net.Socket) -> None:
        # trigger old mode.
        s.resume()

        def on_end() -> None:
            state["bytesRead"] += s.bytesRead

        s.on("end", on_end)

    tcp = net.Server(on_connection)

    def do_test() -> None:
        socket = net.createConnection(tcp.address()["port"])

        def on_connect() -> None:
            state["count"] += 1
            socket.write("foo", lambda *_: socket.end("bar"))

        def on_finish() -> None:
            state["bytesWritten"] += socket.bytesWritten

        def on_close() -> None:
            if state["count"] < 2:
                socket.connect(tcp.address()["port"])
            else:
                tcp.close()

        socket.on("connect", on_connect)
        socket.on("finish", on_finish)
        socket.on("close", on_close)

    tcp.listen(0, do_test)
    run()

    # process.on('exit')
    assert state["bytesRead"] == 12
    assert state["bytesWritten"] == 12
