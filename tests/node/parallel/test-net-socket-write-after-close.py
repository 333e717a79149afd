"""Port of test/parallel/test-net-socket-write-after-close.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_after_handle_close_is_ebadf() -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]

        def on_connect() -> None:
            def on_error(err: BaseException) -> None:
                server.close()
                # JS: err.constructor === Error (a plain system error, not a subclass
                # with extra Node semantics); Python: a Node system error instance.
                assert getattr(err, "name", None) == "Error"
                assert str(err) == "write EBADF"

            client.on("error", common.mustCall(on_error))

            client._handle.close()
            client.write("foo")

        client = net.connect({"port": port}, common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    run()


def test_write_without_handle_is_socket_closed() -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]

        def on_connect() -> None:
            client.on(
                "error",
                common.expectsError(
                    {"code": "ERR_SOCKET_CLOSED", "message": "Socket is closed", "name": "Error"}
                ),
            )

            server.close()

            client._handle.close()
            client._handle = None
            client.write("foo")

        client = net.connect({"port": port}, common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    run()
