"""Port of test/parallel/test-net-autoselectfamily-ipv4first.js.

Test that IPV6 is NOT reached if IPV4 is sorted first. The Node file does nothing without
IPv6; this machine has it (the port skips otherwise, and the manifest would then be wrong).
"""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_ipv4_first() -> None:
    if not common.hasIPv6:
        pytest.skip("the Node test does nothing without IPv6")

    def on_ipv4_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write("response-ipv4")
            socket.end()

        socket.on("data", common.mustCall(on_data))

    ipv4_server = net.createServer(on_ipv4_connection)

    def on_ipv6_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write("response-ipv6")
            socket.end()

        socket.on("data", common.mustNotCall(on_data))

    ipv6_server = net.createServer(on_ipv6_connection)

    def on_ipv4_listening() -> None:
        port = ipv4_server.address()["port"]

        def on_ipv6_listening() -> None:
            connection = net.createConnection(
                {
                    "host": "example.org",
                    "port": port,
                    "lookup": common.createMockedLookup("127.0.0.1", "::1"),
                    "autoSelectFamily": True,
                }
            )

            response = ""
            connection.setEncoding("utf-8")

            def on_data(chunk: str) -> None:
                nonlocal response
                response += chunk

            connection.on("data", on_data)

            def on_end() -> None:
                assert response == "response-ipv4"
                ipv4_server.close()
                ipv6_server.close()

            connection.on("end", common.mustCall(on_end))
            connection.write("request")

        ipv6_server.listen(port, "::1", common.mustCall(on_ipv6_listening))

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_ipv4_listening))
    run()
