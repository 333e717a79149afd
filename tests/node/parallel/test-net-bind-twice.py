"""Port of test/parallel/test-net-bind-twice.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_bind_twice() -> None:
    server1 = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        server2 = net.createServer(common.mustNotCall())
        server2.listen(server1.address()["port"], "127.0.0.1", common.mustNotCall())

        def on_error(e: BaseException) -> None:
            assert e.code == "EADDRINUSE"  # type: ignore[attr-defined]
            server1.close()

        server2.on("error", common.mustCall(on_error))

    server1.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
