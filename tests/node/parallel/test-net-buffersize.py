"""Port of test/parallel/test-net-buffersize.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common

ITER = 10


def test_buffersize() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket.on("readable", lambda: socket.read())
        socket.on("end", lambda: server.close())

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.connect(server.address()["port"])

        def on_finish() -> None:
            assert client.bufferSize == 0

        client.on("finish", common.mustCall(on_finish))

        for i in range(1, ITER):
            client.write("a")
            assert client.bufferSize == i

        client.end()

    server.listen(0, common.mustCall(on_listening))
    run()
