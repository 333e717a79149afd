"""Port of test/parallel/test-net-connect-buffer2.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_buffer() -> None:
    def on_connection(s: net.Socket) -> None:
        tcp.close()

        buf = [""]
        s.setEncoding("utf8")

        def on_data(d: Any) -> None:
            buf[0] += d

        s.on("data", on_data)

        def on_end() -> None:
            assert buf[0] == "L'État, c'est moi"
            s.end()

        s.on("end", common.mustCall(on_end))

    tcp = net.Server(common.mustCall(on_connection))

    def on_listening() -> None:
        socket = net.Stream({"highWaterMark": 0})

        connected = [False]
        assert socket.pending is True

        def on_connect() -> None:
            connected[0] = True

        socket.connect(tcp.address()["port"], common.mustCall(on_connect))

        assert socket.pending is True
        assert socket.connecting is True
        assert socket.readyState == "opening"

        # Write a string that contains a multi-byte character sequence to test that
        # `bytesWritten` is incremented with the # of bytes, not # of characters.
        a = "L'État, c'est "
        b = "moi"

        # We're still connecting at this point so the datagram is first pushed onto
        # the connect queue. Make sure that it's not added to `bytesWritten` again
        # when the actual write happens.
        def on_write(er: Any) -> None:
            assert connected[0]
            assert socket.bytesWritten == len((a + b).encode())
            assert socket.pending is False

        r = socket.write(a, common.mustCall(on_write))

        def on_close() -> None:
            assert socket.pending is True

        socket.on("close", common.mustCall(on_close))

        assert socket.bytesWritten == len(a.encode())
        assert r is False
        socket.end(b)

        assert socket.readyState == "opening"

    tcp.listen(0, common.mustCall(on_listening))
    run()
