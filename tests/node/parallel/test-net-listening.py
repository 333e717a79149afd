"""Port of test/parallel/test-net-listening.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listening_property() -> None:
    server = net.createServer()
    assert server.listening is False

    def on_listening() -> None:
        assert server.listening is True

        def on_close() -> None:
            assert server.listening is False

        server.close(common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    run()
