"""Port of test/parallel/test-net-socket-destroy-send.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_after_destroy() -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address()["port"]
        conn = net.createConnection(port)

        def on_connect() -> None:
            # Test destroy returns this, even on multiple calls when it short-circuits.
            assert conn is conn.destroy().destroy()
            conn.on("error", common.mustNotCall())

            conn.write(
                b"kaboom",
                common.expectsError(
                    {
                        "code": "ERR_STREAM_DESTROYED",
                        "message": "Cannot call write after a stream was destroyed",
                        "name": "Error",
                    }
                ),
            )
            server.close()

        conn.on("connect", common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    run()
