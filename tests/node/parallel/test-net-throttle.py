"""Port of test/parallel/test-net-throttle.js.

Node's ``process.on('exit')`` checks run after ``run()`` returns.
"""

from nodenet_uv import net, run
from nodenet_uv.timers import setTimeout


def test_throttle() -> None:
    chars_recved = 0
    npauses = 0
    total_length = 0

    def on_connection(connection: net.Socket) -> None:
        nonlocal total_length
        body = "C" * 1024
        n = 1
        while connection.write(body):
            n += 1
        # Now that we're throttled, do some more writes to make sure the data isn't
        # lost.
        connection.write(body)
        connection.write(body)
        n += 2
        total_length = n * len(body)
        assert connection.bufferSize >= 0, f"bufferSize: {connection.bufferSize}"
        assert connection.writableLength <= total_length, (
            f"writableLength: {connection.writableLength}, totalLength: {total_length}"
        )
        connection.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        port = server.address()["port"]
        paused = False
        client = net.createConnection(port)
        client.setEncoding("ascii")

        def on_data(d: str) -> None:
            nonlocal chars_recved, npauses, paused
            chars_recved += len(d)
            if not paused:
                client.pause()
                npauses += 1
                paused = True
                x = chars_recved

                def resume() -> None:
                    nonlocal paused
                    assert chars_recved == x
                    client.resume()
                    paused = False

                setTimeout(resume, 100)

        client.on("data", on_data)

        def on_end() -> None:
            server.close()
            client.end()

        client.on("end", on_end)

    server.listen(0, on_listening)
    run()

    # process.on('exit')
    assert chars_recved == total_length
    assert npauses > 1, f"{npauses} > 1"
