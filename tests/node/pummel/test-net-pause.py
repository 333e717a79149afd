"""Port of test/pummel/test-net-pause.js. The ``process.on('exit')`` check runs after
the loop."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

N = 200


def test_pause() -> None:
    recv = ""
    chars_recved = 0

    def on_connection(connection: net.Socket) -> None:
        def write(j: int) -> None:
            if j >= N:
                connection.end()
                return

            def later() -> None:
                connection.write("C")
                write(j + 1)

            setTimeout(later, 10)

        write(0)

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])
        client.setEncoding("ascii")

        def on_data(d: str) -> None:
            nonlocal recv
            recv += d

        client.on("data", on_data)

        def pause1() -> None:
            nonlocal chars_recved
            chars_recved = len(recv)
            assert chars_recved > 1
            client.pause()
            setTimeout(common.mustCall(resume1), 500)

        def resume1() -> None:
            nonlocal chars_recved
            assert chars_recved == len(recv)
            client.resume()
            setTimeout(common.mustCall(pause2), 500)

        def pause2() -> None:
            nonlocal chars_recved
            chars_recved = len(recv)
            client.pause()
            setTimeout(common.mustCall(resume2), 500)

        def resume2() -> None:
            assert chars_recved == len(recv)
            client.resume()

        setTimeout(common.mustCall(pause1), 500)

        def on_end() -> None:
            server.close()
            client.end()

        client.on("end", on_end)

    server.on("listening", common.mustCall(on_listening))
    server.listen(0)
    run()
    assert len(recv) == N
