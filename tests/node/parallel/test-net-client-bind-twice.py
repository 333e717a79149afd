"""Port of test/parallel/test-net-client-bind-twice.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_client_bind_twice() -> None:
    server1 = net.createServer(common.mustNotCall())

    def on_listening1() -> None:
        server2 = net.createServer(common.mustNotCall())

        def on_listening2() -> None:
            client = net.connect(
                {
                    "host": common.localhostIPv4,
                    "port": server1.address()["port"],
                    "localAddress": common.localhostIPv4,
                    "localPort": server2.address()["port"],
                },
                common.mustNotCall(),
            )

            def on_error(err: BaseException) -> None:
                assert err.code == "EADDRINUSE"  # type: ignore[attr-defined]
                server1.close()
                server2.close()

            client.on("error", common.mustCall(on_error))

        server2.listen(0, common.localhostIPv4, common.mustCall(on_listening2))

    server1.listen(0, common.localhostIPv4, common.mustCall(on_listening1))
    run()
