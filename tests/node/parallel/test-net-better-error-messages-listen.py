"""Port of test/parallel/test-net-better-error-messages-listen.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_error_has_address_port_syscall() -> None:
    server = net.createServer(common.mustNotCall())
    server.listen(1, "1.1.1.1", common.mustNotCall())

    def on_error(e: BaseException) -> None:
        assert e.address == "1.1.1.1"  # type: ignore[attr-defined]
        assert e.port == 1  # type: ignore[attr-defined]
        assert e.syscall == "listen"  # type: ignore[attr-defined]

    server.on("error", common.mustCall(on_error))
    run()
