"""Port of test/parallel/test-net-reconnect.js."""

from nodenet_uv import net, run

N = 50


def test_reconnect_after_close() -> None:
    counts = {"client_recv": 0, "client_end": 0, "disconnect": 0}

    def on_connection(socket: net.Socket) -> None:
        socket.resume()
        socket.write("hello\r\n")
        socket.on("end", lambda: socket.end())

        def on_close(had_error: bool) -> None:
            assert had_error is False

        socket.on("close", on_close)

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])
        client.setEncoding("UTF8")
        client.on("connect", lambda: None)

        def on_data(chunk: str) -> None:
            counts["client_recv"] += 1
            assert chunk == "hello\r\n"
            client.end()

        def on_end() -> None:
            counts["client_end"] += 1

        def on_close(had_error: bool) -> None:
            assert had_error is False
            counts["disconnect"] += 1
            if counts["disconnect"] - 1 < N:
                client.connect(server.address()["port"])  # reconnect
            else:
                server.close()

        client.on("data", on_data)
        client.on("end", on_end)
        client.on("close", on_close)

    server.listen(0, on_listening)
    run()
    # process.on('exit')
    assert counts["disconnect"] == N + 1
    assert counts["client_recv"] == N + 1
    assert counts["client_end"] == N + 1
