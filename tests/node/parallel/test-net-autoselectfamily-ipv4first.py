"""Port of test/parallel/test-net-autoselectfamily-ipv4first.js.

Adaptation: Node's test runs a dgram DNS server answering an A then an AAAA record and
resolves through ``dns.Resolver``; here the custom ``lookup`` option answers the same
addresses directly, in the same order (no sort: IPv4 first), once (as the DNS server's
``mustCall`` 'message' handler requires), asynchronously through ``setImmediate``.
"""

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def create_lookup(ipv6_addr: str, ipv4_addr: str) -> Callable[..., None]:
    """The DNS server's answers (A record, then AAAA record) + the test's _lookup."""
    replies = [{"type": "A", "address": ipv4_addr}, {"type": "AAAA", "address": ipv6_addr}]

    def _lookup(hostname: str, options: dict[str, Any], cb: Any) -> None:
        # The DNS server: assert.strictEqual(domain, 'example.org')
        assert hostname == "example.org"

        def resolved() -> None:
            assert options.get("family") != 4
            hosts = [
                {"address": r["address"], "family": 6 if r["type"] == "AAAA" else 4}
                for r in replies
            ]
            if options.get("all") is True:
                cb(None, hosts)
                return
            cb(None, hosts[0]["address"], hosts[0]["family"])

        setImmediate(resolved)

    return common.mustCall(_lookup)


@pytest.mark.skipif(not common.hasIPv6, reason="no IPv6 support")
def test_ipv4_first() -> None:
    lookup = create_lookup("::1", "127.0.0.1")

    def on_connection4(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write("response-ipv4")
            socket.end()

        socket.on("data", common.mustCall(on_data))

    def on_connection6(socket: net.Socket) -> None:
        socket.on("data", common.mustNotCall())

    ipv4_server = net.createServer(on_connection4)
    ipv6_server = net.createServer(on_connection6)

    def on_listening4() -> None:
        port = ipv4_server.address()["port"]

        def on_listening6() -> None:
            connection = net.createConnection(
                {"host": "example.org", "port": port, "lookup": lookup, "autoSelectFamily": True}
            )

            response = [""]
            connection.setEncoding("utf-8")

            def on_data(chunk: str) -> None:
                response[0] += chunk

            connection.on("data", on_data)

            def on_end() -> None:
                assert response[0] == "response-ipv4"
                ipv4_server.close()
                ipv6_server.close()

            connection.on("end", common.mustCall(on_end))

            connection.write("request")

        ipv6_server.listen(port, "::1", common.mustCall(on_listening6))

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening4))
    run()
