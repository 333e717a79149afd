"""Port of test/parallel/test-net-autoselectfamily.js.

Adaptation: Node's test runs a dgram DNS server answering AAAA then A records and
resolves through ``dns.Resolver``; here the custom ``lookup`` option answers the same
addresses directly (one lookup per connection, as the DNS server's ``mustCall``
'message' handler requires), asynchronously through ``setImmediate``. That lookup
function is what these tests exercise.
"""

from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv._internal.inspect import js_constructor_name
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate

AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT = common.platformTimeout(2500)


def create_lookup(ipv6_addrs: Any, ipv4_addrs: Any) -> Callable[..., None]:
    """The DNS server's answers (AAAA records, then A records) + the test's _lookup."""
    if not isinstance(ipv6_addrs, list):
        ipv6_addrs = [ipv6_addrs]
    if not isinstance(ipv4_addrs, list):
        ipv4_addrs = [ipv4_addrs]
    replies = [{"type": "AAAA", "address": a} for a in ipv6_addrs] + [
        {"type": "A", "address": a} for a in ipv4_addrs
    ]

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


def _server(response: str | None) -> net.Server:
    def on_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write(response)
            socket.end()

        socket.on("data", common.mustCall(on_data) if response else common.mustNotCall())

    return net.createServer(on_connection)


def _check_response(connection: net.Socket, expected: str, after: Callable[[], None]) -> None:
    response = [""]
    connection.setEncoding("utf-8")

    def on_data(chunk: str) -> None:
        response[0] += chunk

    connection.on("data", on_data)

    def on_end() -> None:
        assert response[0] == expected
        after()

    connection.on("end", common.mustCall(on_end))


def test_ipv6_fails_then_ipv4() -> None:
    lookup = create_lookup("::1", "127.0.0.1")
    ipv4_server = _server("response-ipv4")

    def on_listening() -> None:
        port = ipv4_server.address()["port"]

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": port,
                "lookup": lookup,
                "autoSelectFamily": True,
                "autoSelectFamilyAttemptTimeout": AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT,
            }
        )

        def on_ready() -> None:
            assert connection.autoSelectFamilyAttemptedAddresses == [
                f"::1:{port}",
                f"127.0.0.1:{port}",
            ]

        connection.on("ready", common.mustCall(on_ready))
        _check_response(connection, "response-ipv4", lambda: ipv4_server.close())
        connection.write("request")

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()


def test_many_addresses_interleaved() -> None:
    lookup = create_lookup(
        ["2606:4700::6810:85e5", "2606:4700::6810:84e5", "::1"],
        ["104.20.22.46", "104.20.23.46", "127.0.0.1"],
    )
    ipv4_server = _server("response-ipv4")

    def on_listening() -> None:
        port = ipv4_server.address()["port"]

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": port,
                "lookup": lookup,
                "autoSelectFamily": True,
                "autoSelectFamilyAttemptTimeout": AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT,
            }
        )

        def on_ready() -> None:
            assert connection.autoSelectFamilyAttemptedAddresses == [
                f"2606:4700::6810:85e5:{port}",
                f"104.20.22.46:{port}",
                f"2606:4700::6810:84e5:{port}",
                f"104.20.23.46:{port}",
                f"::1:{port}",
                f"127.0.0.1:{port}",
            ]

        connection.on("ready", common.mustCall(on_ready))
        _check_response(connection, "response-ipv4", lambda: ipv4_server.close())
        connection.write("request")

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()


def test_ipv6_first_when_available() -> None:
    if not common.hasIPv6:
        return
    lookup = create_lookup("::1", "127.0.0.1")
    ipv4_server = _server(None)
    ipv6_server = _server("response-ipv6")

    def on_listening4() -> None:
        port = ipv4_server.address()["port"]

        def on_listening6() -> None:
            connection = net.createConnection(
                {
                    "host": "example.org",
                    "port": port,
                    "lookup": lookup,
                    "autoSelectFamily": True,
                    "autoSelectFamilyAttemptTimeout": AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT,
                }
            )

            def on_ready() -> None:
                assert connection.autoSelectFamilyAttemptedAddresses == [f"::1:{port}"]

            connection.on("ready", common.mustCall(on_ready))

            def after() -> None:
                ipv4_server.close()
                ipv6_server.close()

            _check_response(connection, "response-ipv6", after)
            connection.write("request")

        ipv6_server.listen(port, "::1", common.mustCall(on_listening6))

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening4))
    run()


def test_all_fail_aggregate_error() -> None:
    lookup = create_lookup("::1", "127.0.0.1")
    connection = net.createConnection(
        {
            "host": "example.org",
            "port": 10,
            "lookup": lookup,
            "autoSelectFamily": True,
            "autoSelectFamilyAttemptTimeout": AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT,
        }
    )

    connection.on("ready", common.mustNotCall())

    def on_error(error: Any) -> None:
        assert connection.autoSelectFamilyAttemptedAddresses == ["::1:10", "127.0.0.1:10"]
        assert js_constructor_name(error) == "AggregateError"
        assert len(error.errors) == 2

        errors = [str(e) for e in error.errors]
        assert "connect ECONNREFUSED 127.0.0.1:10" in errors

        if common.hasIPv6:
            assert "connect ECONNREFUSED ::1:10" in errors

    connection.on("error", common.mustCall(on_error))
    run()


def check_ipv6_error(error: Any, port: int) -> None:
    if common.hasIPv6:
        assert error.code == "ECONNREFUSED"
        assert str(error) == f"connect ECONNREFUSED ::1:{port}"
    elif error.code == "EAFNOSUPPORT":
        assert str(error) == f"connect EAFNOSUPPORT ::1:{port} - Local (undefined:undefined)"
    elif error.code == "EUNATCH":
        assert str(error) == f"connect EUNATCH ::1:{port} - Local (:::0)"
    else:
        assert error.code == "EADDRNOTAVAIL"
        assert str(error) == f"connect EADDRNOTAVAIL ::1:{port} - Local (:::0)"


def test_auto_select_family_false() -> None:
    lookup = create_lookup("::1", "127.0.0.1")
    ipv4_server = _server("response-ipv4")

    def on_listening() -> None:
        port = ipv4_server.address()["port"]

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": port,
                "lookup": lookup,
                "autoSelectFamily": False,
            }
        )

        connection.on("ready", common.mustNotCall())

        def on_error(error: Any) -> None:
            assert connection.autoSelectFamilyAttemptedAddresses is None
            check_ipv6_error(error, port)
            ipv4_server.close()

        connection.on("error", common.mustCall(on_error))

    ipv4_server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
