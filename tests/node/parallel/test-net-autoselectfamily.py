"""Port of test/parallel/test-net-autoselectfamily.js.

Test that happy eyeballs algorithm is properly implemented. All blocks run in one loop, as
in the Node file.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv._internal.inspect import js_constructor_name
from nodenet_uv.testing import common


def _server(response: str, must_call: bool = True) -> net.Server:
    def on_connection(socket: net.Socket) -> None:
        def on_data(*_: Any) -> None:
            socket.write(response)
            socket.end()

        socket.on("data", common.mustCall(on_data) if must_call else common.mustNotCall(on_data))

    return net.createServer(on_connection)


def _check_unreachable_ipv6_error(error: Any, port: int) -> None:
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


def _connect_and_expect(
    port: int,
    lookup: Any,
    attempted: list[str],
    response_expected: str,
    on_done: Any,
    timeout: float,
) -> None:
    connection = net.createConnection(
        {
            "host": "example.org",
            "port": port,
            "lookup": lookup,
            "autoSelectFamily": True,
            "autoSelectFamilyAttemptTimeout": timeout,
        }
    )

    response = ""
    connection.setEncoding("utf-8")

    def on_ready() -> None:
        assert connection.autoSelectFamilyAttemptedAddresses == attempted

    connection.on("ready", common.mustCall(on_ready))

    def on_data(chunk: str) -> None:
        nonlocal response
        response += chunk

    connection.on("data", on_data)

    def on_end() -> None:
        assert response == response_expected
        on_done()

    connection.on("end", common.mustCall(on_end))
    connection.write("request")


def test_autoselectfamily() -> None:
    # Some of the machines in the CI need more time to establish connection
    auto_select_family_attempt_timeout = common.defaultAutoSelectFamilyAttemptTimeout()

    # Test that IPV4 is reached if IPV6 is not reachable
    ipv4_server1 = _server("response-ipv4")

    def on_listening1() -> None:
        port = ipv4_server1.address()["port"]
        _connect_and_expect(
            port,
            common.createMockedLookup("::1", "127.0.0.1"),
            [f"::1:{port}", f"127.0.0.1:{port}"],
            "response-ipv4",
            ipv4_server1.close,
            auto_select_family_attempt_timeout,
        )

    ipv4_server1.listen(0, "127.0.0.1", common.mustCall(on_listening1))

    # Test that only the last successful connection is established.
    ipv4_server2 = _server("response-ipv4")

    def on_listening2() -> None:
        port = ipv4_server2.address()["port"]
        _connect_and_expect(
            port,
            common.createMockedLookup(
                "2606:4700::6810:85e5",
                "2606:4700::6810:84e5",
                "::1",
                "104.20.22.46",
                "104.20.23.46",
                "127.0.0.1",
            ),
            [
                f"2606:4700::6810:85e5:{port}",
                f"104.20.22.46:{port}",
                f"2606:4700::6810:84e5:{port}",
                f"104.20.23.46:{port}",
                f"::1:{port}",
                f"127.0.0.1:{port}",
            ],
            "response-ipv4",
            ipv4_server2.close,
            auto_select_family_attempt_timeout,
        )

    ipv4_server2.listen(0, "127.0.0.1", common.mustCall(on_listening2))

    # Test that IPV4 is NOT reached if IPV6 is reachable
    if common.hasIPv6:
        ipv4_server3 = _server("response-ipv4", must_call=False)
        ipv6_server3 = _server("response-ipv6")

        def on_listening3() -> None:
            port = ipv4_server3.address()["port"]

            def on_ipv6_listening() -> None:
                def done() -> None:
                    ipv4_server3.close()
                    ipv6_server3.close()

                _connect_and_expect(
                    port,
                    common.createMockedLookup("::1", "127.0.0.1"),
                    [f"::1:{port}"],
                    "response-ipv6",
                    done,
                    auto_select_family_attempt_timeout,
                )

            ipv6_server3.listen(port, "::1", common.mustCall(on_ipv6_listening))

        ipv4_server3.listen(0, "127.0.0.1", common.mustCall(on_listening3))

    # Test that when all errors are returned when no connections succeeded
    connection = net.createConnection(
        {
            "host": "example.org",
            "port": 10,
            "lookup": common.createMockedLookup("::1", "127.0.0.1"),
            "autoSelectFamily": True,
            "autoSelectFamilyAttemptTimeout": auto_select_family_attempt_timeout,
        }
    )

    connection.on("ready", common.mustNotCall())

    def on_error4(error: Any) -> None:
        assert connection.autoSelectFamilyAttemptedAddresses == ["::1:10", "127.0.0.1:10"]
        assert js_constructor_name(error) == "AggregateError"
        assert len(error.errors) == 2

        errors = [str(e) for e in error.errors]
        assert "connect ECONNREFUSED 127.0.0.1:10" in errors

        if common.hasIPv6:
            assert "connect ECONNREFUSED ::1:10" in errors

    connection.on("error", common.mustCall(on_error4))

    # Test that the option can be disabled
    ipv4_server5 = _server("response-ipv4")

    def on_listening5() -> None:
        port = ipv4_server5.address()["port"]

        connection = net.createConnection(
            {
                "host": "example.org",
                "port": port,
                "lookup": common.createMockedLookup("::1", "127.0.0.1"),
                "autoSelectFamily": False,
            }
        )

        connection.on("ready", common.mustNotCall())

        def on_error(error: Any) -> None:
            assert connection.autoSelectFamilyAttemptedAddresses is None
            _check_unreachable_ipv6_error(error, port)
            ipv4_server5.close()

        connection.on("error", common.mustCall(on_error))

    ipv4_server5.listen(0, "127.0.0.1", common.mustCall(on_listening5))
    run()
