"""Port of test/parallel/test-net-connect-keepalive.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

TRUTHY_VALUES: list[Any] = [True, 1, "true", {}, []]
DELAYS: list[tuple[Any, int]] = [(123, 0), (456123, 456), (-123000, 0), (None, 0)]
FALSEY_VALUES: list[Any] = [False, 0, ""]


def gen_set_keep_alive(desired_enable: bool, desired_delay: int) -> Any:
    def set_keep_alive(enable: Any, delay: Any) -> None:
        assert enable is desired_enable
        assert delay == desired_delay

    return set_keep_alive


def test_connect_keepalive() -> None:
    for value in TRUTHY_VALUES:
        for delay in DELAYS:
            server = net.createServer()

            def on_listening(
                server: net.Server = server, value: Any = value, delay: Any = delay
            ) -> None:
                port = server.address()["port"]

                client = net.connect(
                    {"port": port, "keepAlive": value, "keepAliveInitialDelay": delay[0]},
                    common.mustCall(lambda: client.end()),
                )

                client._handle.setKeepAlive = common.mustCall(gen_set_keep_alive(True, delay[1]))

                client.on("end", common.mustCall(lambda: server.close()))

            server.listen(0, common.mustCall(on_listening))

    for value in FALSEY_VALUES:
        server = net.createServer()

        def on_listening2(server: net.Server = server, value: Any = value) -> None:
            port = server.address()["port"]

            client = net.connect(
                {"port": port, "keepAlive": value},
                common.mustCall(lambda: client.end()),
            )

            client._handle.setKeepAlive = common.mustNotCall()

            client.on("end", common.mustCall(lambda: server.close()))

        server.listen(0, common.mustCall(on_listening2))

    run()
