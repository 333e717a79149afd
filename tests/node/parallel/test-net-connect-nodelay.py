"""Port of test/parallel/test-net-connect-nodelay.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

TRUTHY_VALUES: list[Any] = [True, 1, "true", {}, []]
FALSEY_VALUES: list[Any] = [False, 0, ""]


def gen_set_no_delay(desired_arg: bool) -> Any:
    def set_no_delay(enable: Any) -> None:
        assert enable is desired_arg

    return set_no_delay


def test_connect_nodelay() -> None:
    for value in TRUTHY_VALUES:
        server = net.createServer()

        def on_listening(server: net.Server = server, value: Any = value) -> None:
            port = server.address()["port"]

            client = net.connect(
                {"port": port, "noDelay": value},
                common.mustCall(lambda: client.end()),
            )

            client._handle.setNoDelay = common.mustCall(gen_set_no_delay(True))

            client.on("end", common.mustCall(lambda: server.close()))

        server.listen(0, common.mustCall(on_listening))

    for value in FALSEY_VALUES:
        server = net.createServer()

        def on_listening2(server: net.Server = server, value: Any = value) -> None:
            port = server.address()["port"]

            client = net.connect(
                {"port": port, "noDelay": value},
                common.mustCall(lambda: client.end()),
            )

            client._handle.setNoDelay = common.mustNotCall()

            client.on("end", common.mustCall(lambda: server.close()))

        server.listen(0, common.mustCall(on_listening2))

    run()
