"""Port of test/parallel/test-net-autoselectfamily-default.js.

Both blocks run in one loop, as in the Node file. ``setDefaultAutoSelectFamily`` is
restored after the test (Node's process ends instead).
"""

from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


@pytest.fixture(autouse=True)
def _restore_default() -> Iterator[None]:
    saved = net.getDefaultAutoSelectFamily()
    yield
    net.setDefaultAutoSelectFamily(saved)


def _ipv4_server() -> net.Server:
    def on_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write("response-ipv4")
            socket.end()

        socket.on("data", common.mustCall(on_data))

    return net.createServer(on_connection)


def test_autoselectfamily_default() -> None:
    auto_select_family_attempt_timeout = common.defaultAutoSelectFamilyAttemptTimeout()

    # Test that IPV4 is reached by default if IPV6 is not reachable and the default is enabled
    ipv4_server1 = _ipv4_server()

    def on_listening1() -> None:
        net.setDefaultAutoSelectFamily(True)

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": ipv4_server1.address()["port"],
                "lookup": common.createMockedLookup("::1", "127.0.0.1"),
                "autoSelectFamilyAttemptTimeout": auto_select_family_attempt_timeout,
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
            ipv4_server1.close()

        connection.on("end", common.mustCall(on_end))
        connection.write("request")

    ipv4_server1.listen(0, "127.0.0.1", common.mustCall(on_listening1))

    # Test that IPV4 is not reached by default if IPV6 is not reachable and the default is
    # disabled
    ipv4_server2 = _ipv4_server()

    def on_listening2() -> None:
        net.setDefaultAutoSelectFamily(False)

        port = ipv4_server2.address()["port"]

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": port,
                "lookup": common.createMockedLookup("::1", "127.0.0.1"),
            }
        )

        connection.on("ready", common.mustNotCall())

        def on_error(error: Any) -> None:
            if common.hasIPv6:
                assert error.code == "ECONNREFUSED"
                assert str(error) == f"connect ECONNREFUSED ::1:{port}"
            elif error.code == "EAFNOSUPPORT":
                assert (
                    str(error) == f"connect EAFNOSUPPORT ::1:{port} - Local (undefined:undefined)"
                )
            elif error.code == "EUNATCH":
                assert str(error) == f"connect EUNATCH ::1:{port} - Local (:::0)"
            else:
                assert error.code == "EADDRNOTAVAIL"
                assert str(error) == f"connect EADDRNOTAVAIL ::1:{port} - Local (:::0)"

            ipv4_server2.close()

        connection.on("error", common.mustCall(on_error))

    ipv4_server2.listen(0, "127.0.0.1", common.mustCall(on_listening2))
    run()
