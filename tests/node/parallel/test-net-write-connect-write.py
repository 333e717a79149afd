"""Port of test/parallel/test-net-write-connect-write.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_connect_write() -> None:
    server = net.createServer(lambda socket: socket.pipe(socket))

    def on_listening() -> None:
        conn = net.connect(server.address()["port"])
        received = ""

        conn.setEncoding("utf8")
        conn.write("before")
        conn.on("connect", lambda: conn.write(" after"))

        def on_data(buf: str) -> None:
            nonlocal received
            received += buf
            conn.end()

        conn.on("data", on_data)

        def on_end() -> None:
            server.close()
            assert received == "before after"

        conn.on("end", common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    run()
