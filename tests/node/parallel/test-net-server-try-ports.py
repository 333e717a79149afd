"""Port of test/parallel/test-net-server-try-ports.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_eaddrinuse_then_listen_elsewhere() -> None:
    server1 = net.Server()
    server2 = net.Server()

    def on_error(e: BaseException) -> None:
        assert e.code == "EADDRINUSE"  # type: ignore[attr-defined]

        def on_listening() -> None:
            server1.close()
            server2.close()

        server2.listen(0, common.mustCall(on_listening))

    server2.on("error", common.mustCall(on_error))

    def on_listening1() -> None:
        # This should make server2 emit EADDRINUSE
        server2.listen(server1.address()["port"])

    server1.listen(0, common.mustCall(on_listening1))
    run()
