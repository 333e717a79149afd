"""Port of test/parallel/test-net-connect-options-ipv6.js.

Test that the family option of https.connect is honored when connecting to IPv6
addresses via a custom lookup.
"""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

HOST_ADDR_IPV6 = "::1"
HOSTNAME = "dummy"


@pytest.mark.skipif(not common.hasIPv6, reason="no IPv6 support")
def test_connect_options_ipv6() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket.resume()
        socket.on("end", common.mustCall())
        socket.end()

    server = net.createServer({"allowHalfOpen": True}, on_connection)

    def try_connect() -> None:
        def lookup(addr: str, opt: dict[str, Any], cb: Any) -> None:
            assert addr == HOSTNAME
            assert opt["family"] == 6
            cb(None, HOST_ADDR_IPV6, opt["family"])

        connect_opt = {
            "host": HOSTNAME,
            "port": server.address()["port"],
            "family": 6,
            "allowHalfOpen": True,
            "lookup": common.mustCall(lookup),
        }

        # No `mustCall`, since test could skip, and it's the only path to `close`.
        def on_connect() -> None:
            client.resume()

            def on_end() -> None:
                # Wait for next uv tick and make sure the socket stream is writable.
                def later() -> None:
                    assert client.writable
                    client.end()

                setTimeout(later, 10)

            client.on("end", on_end)
            client.on("close", lambda: server.close())

        client = net.connect(connect_opt, on_connect)

    server.listen(0, HOST_ADDR_IPV6, try_connect)
    run()
