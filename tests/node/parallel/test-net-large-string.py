"""Port of test/parallel/test-net-large-string.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common

K_POOL_SIZE = 40 * 1024
DATA = "あ" * K_POOL_SIZE
ENCODING = "UTF-8"


def test_large_utf8_string_write() -> None:
    def on_connection(socket: net.Socket) -> None:
        received = [0]
        socket.setEncoding(ENCODING)

        def on_data(data: str) -> None:
            received[0] += len(data)

        def on_end() -> None:
            assert received[0] == K_POOL_SIZE
            socket.end()

        socket.on("data", on_data)
        socket.on("end", common.mustCall(on_end))

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.createConnection(server.address()["port"])
        client.on("end", lambda: server.close())
        client.write(DATA, ENCODING)
        client.end()

    server.listen(0, on_listening)
    run()
