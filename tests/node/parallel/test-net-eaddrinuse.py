"""Port of test/parallel/test-net-eaddrinuse.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_eaddrinuse() -> None:
    server1 = net.createServer(common.mustNotCall())
    server2 = net.createServer(common.mustNotCall())

    def on_listening() -> None:
        def on_error(error: BaseException) -> None:
            assert ("EADDRINUSE" in str(error)) is True
            server1.close()

        server2.on("error", on_error)
        server2.listen(server1.address()["port"])

    server1.listen(0, common.mustCall(on_listening))
    run()
