"""Port of test/parallel/test-net-autoselectfamily-default.js.

Adaptation: Node's test runs a dgram DNS server answering an AAAA then an A record and
resolves through ``dns.Resolver``; here the custom ``lookup`` option answers the same
addresses directly (one lookup per connection, as the DNS server's ``mustCall``
'message' handler requires), asynchronously through ``setImmediate``. That lookup
function is what these tests exercise. ``setDefaultAutoSelectFamily`` is restored after
each test (Node's process ends instead).
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT = common.platformTimeout(2500)


@pytest.fixture(autouse=True)
def _restore_default() -> Iterator[None]:
    saved = net.getDefaultAutoSelectFamily()
    yield
    net.setDefaultAutoSelectFamily(saved)


def create_lookup(ipv6_addr: str, ipv4_addr: str) -> Callable[..., None]:
    """The DNS server's answers (AAAA record, then A record) + the test's _lookup."""
    replies = [{"type": "AAAA", "address": ipv6_addr}, {"type": "A", "address": ipv4_addr}]

    def _lookup(hostname: str, options: dict[str, Any], cb: Any) -> None:
        # The DNS server: assert.strictEqual(domain, 'example.org')
        assert hostname == "example.org"

        def resolved() -> None:
            assert options.get("family") != 4
            hosts = [
                {"address": r["address"], "family": 6 if r["type"] == "AAAA" else 4}
                for r in replies
            ]
            hosts.sort(key=lambda h: -h["family"])  # .sort((a, b) => b.family - a.family)
            if options.get("all") is True:
                cb(None, hosts)
                return
            cb(None, hosts[0]["address"], hosts[0]["family"])

        setImmediate(resolved)

    return common.mustCall(_lookup)


def _ipv4_server() -> net.Server:
    def on_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write("response-ipv4")
            socket.end()

        socket.on("data", common.mustCall(on_data))

    return net.createServer(on_connection)


def test_default_true() -> None:
    lookup = create_lookup("::1", "127.0.0.1")
    ipv4_server = _ipv4_server()

    def on_listening() -> None:
        net.setDefaultAutoSelectFamily(True)

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": ipv4_server.address()["port"],
                "lookup": lookup,
                "autoSelectFamilyAttemptTimeout": AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT,
            }
        )

        response = [""]
        connection.setEncoding("utf-8")

        def on_data(chunk: str) -> None:
            response[0] += chunk

        connection.on("data", on_data)

        def on_end() -> None:
            assert response[0] == "response-ipv4"
            ipv4_server.close()

        connection.on("end", common.mustCall(on_end))

        connection.write("request")

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()


def test_default_false() -> None:
    lookup = create_lookup("::1", "127.0.0.1")
    ipv4_server = _ipv4_server()

    def on_listening() -> None:
        net.setDefaultAutoSelectFamily(False)

        port = ipv4_server.address()["port"]

        connection = net.createConnection({"host": "example.org", "port": port, "lookup": lookup})

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

            ipv4_server.close()

        connection.on("error", common.mustCall(on_error))

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
