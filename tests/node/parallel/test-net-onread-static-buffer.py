"""Port of test/parallel/test-net-onread-static-buffer.js.

``Buffer.alloc(n)`` and ``new Uint8Array(n)`` both become a ``bytearray`` (the only
mutable buffer Python has); the two Node variants differ only in how the test collects
the received bytes, and that difference is kept.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

MESSAGE = b"hello world"


def make_server(on_listening: Any) -> net.Server:
    server: net.Server

    def on_connection(socket: net.Socket) -> None:
        server.close()
        socket.end(MESSAGE)

    server = net.createServer(common.mustCall(on_connection))
    server.listen(0, lambda: on_listening(server))
    return server


def test_static_buffer() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        buffers: list[bytes] = []
        sock_buf = bytearray(8)

        def callback(nread: int, buf: Any) -> None:
            assert buf is sock_buf
            received[0] += nread
            buffers.append(bytes(buf[:nread]))

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert b"".join(buffers) == MESSAGE

        net.connect(
            {
                "port": server.address()["port"],
                "onread": {"buffer": sock_buf, "callback": callback},
            }
        ).on("data", common.mustNotCall()).on("end", common.mustCall(on_end))

    make_server(on_listening)
    run()


def test_static_uint8array() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        incoming = [bytearray(0)]
        sock_buf = bytearray(8)

        def callback(nread: int, buf: Any) -> None:
            assert buf is sock_buf
            received[0] += nread
            new_incoming = bytearray(len(incoming[0]) + nread)
            new_incoming[: len(incoming[0])] = incoming[0]
            new_incoming[len(incoming[0]) :] = buf[:nread]
            incoming[0] = new_incoming

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert incoming[0] == bytearray(MESSAGE)

        net.connect(
            {
                "port": server.address()["port"],
                "onread": {"buffer": sock_buf, "callback": callback},
            }
        ).on("data", common.mustNotCall()).on("end", common.mustCall(on_end))

    make_server(on_listening)
    run()


def test_buffer_generator() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        incoming: list[bytes] = []
        buf_pool = [bytearray(2), bytearray(2), bytearray(2)]
        state = {"idx": -1, "usage": 0}

        def buffer() -> bytearray:
            state["usage"] += 1
            state["idx"] = (state["idx"] + 1) % len(buf_pool)
            return buf_pool[state["idx"]]

        def callback(nread: int, buf: Any) -> None:
            assert buf is buf_pool[state["idx"]]
            received[0] += nread
            incoming.append(bytes(buf[:nread]))

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert b"".join(incoming) == MESSAGE
            assert state["usage"] == 7

        net.connect(
            {
                "port": server.address()["port"],
                "onread": {"buffer": buffer, "callback": callback},
            }
        ).on("data", common.mustNotCall()).on("end", common.mustCall(on_end))

    make_server(on_listening)
    run()


def test_uint8array_generator() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        incoming = [bytearray(0)]
        buf_pool = [bytearray(2), bytearray(2), bytearray(2)]
        state = {"idx": -1, "usage": 0}

        def buffer() -> bytearray:
            state["usage"] += 1
            state["idx"] = (state["idx"] + 1) % len(buf_pool)
            return buf_pool[state["idx"]]

        def callback(nread: int, buf: Any) -> None:
            assert buf is buf_pool[state["idx"]]
            received[0] += nread
            new_incoming = bytearray(len(incoming[0]) + nread)
            new_incoming[: len(incoming[0])] = incoming[0]
            new_incoming[len(incoming[0]) :] = buf[:nread]
            incoming[0] = new_incoming

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert incoming[0] == bytearray(MESSAGE)
            assert state["usage"] == 7

        net.connect(
            {
                "port": server.address()["port"],
                "onread": {"buffer": buffer, "callback": callback},
            }
        ).on("data", common.mustNotCall()).on("end", common.mustCall(on_end))

    make_server(on_listening)
    run()


def test_pause_in_callback() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        buffers: list[bytes] = []
        sock_buf = bytearray(8)
        paused = [False]
        sock: list[net.Socket] = []

        def callback(nread: int, buf: Any) -> None:
            this = sock[0]  # Node calls the callback with `this` = the socket
            assert paused[0] is False
            assert buf is sock_buf
            received[0] += nread
            buffers.append(bytes(buf[:nread]))
            paused[0] = True
            this.pause()

            def resume() -> None:
                paused[0] = False
                this.resume()

            setTimeout(resume, 100)

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert b"".join(buffers) == MESSAGE

        sock.append(
            net.connect(
                {
                    "port": server.address()["port"],
                    "onread": {"buffer": sock_buf, "callback": callback},
                }
            )
            .on("data", common.mustNotCall())
            .on("end", common.mustCall(on_end))
        )

    make_server(on_listening)
    run()


def test_return_false_from_callback() -> None:
    def on_listening(server: net.Server) -> None:
        received = [0]
        buffers: list[bytes] = []
        sock_buf = bytearray(8)
        paused = [False]
        sock: list[net.Socket] = []

        def callback(nread: int, buf: Any) -> bool:
            this = sock[0]  # Node calls the callback with `this` = the socket
            assert paused[0] is False
            assert buf is sock_buf
            received[0] += nread
            buffers.append(bytes(buf[:nread]))
            paused[0] = True

            def resume() -> None:
                paused[0] = False
                this.resume()

            setTimeout(resume, 100)
            return False

        def on_end() -> None:
            assert received[0] == len(MESSAGE)
            assert b"".join(buffers) == MESSAGE

        sock.append(
            net.connect(
                {
                    "port": server.address()["port"],
                    "onread": {"buffer": sock_buf, "callback": callback},
                }
            )
            .on("data", common.mustNotCall())
            .on("end", common.mustCall(on_end))
        )

    make_server(on_listening)
    run()
