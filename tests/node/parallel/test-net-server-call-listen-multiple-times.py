"""Port of test/parallel/test-net-server-call-listen-multiple-times.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_listen_again_after_eaddrinuse() -> None:
    dummy_server = net.Server()
    server = net.Server()

    # Run some server in order to simulate EADDRINUSE error.
    def on_dummy_listening() -> None:
        # Try to listen used port.
        server.listen(dummy_server.address()["port"])

    dummy_server.listen(common.mustCall(on_dummy_listening))

    def on_error(e: BaseException) -> None:
        def on_listening() -> None:
            dummy_server.close()
            server.close()

        server.listen(common.mustCall(on_listening))

    server.on("error", common.mustCall(on_error))
    run()


def test_listen_twice_throws() -> None:
    server = net.Server()
    server.listen(common.mustCall(lambda: server.close()))

    with pytest.raises(Exception) as info:
        server.listen()
    common.check_error(info.value, {"code": "ERR_SERVER_ALREADY_LISTEN", "name": "Error"})
    run()


def test_listen_again_after_close() -> None:
    server = net.Server()

    def on_listening() -> None:
        server.close()
        server.listen(common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    run()
