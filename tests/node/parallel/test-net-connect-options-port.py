"""Port of test/parallel/test-net-connect-options-port.js.

``syncFailToConnect(null, ...)`` has no Python twin: ``None`` plays JS ``undefined``
(docs/python-rules.md), and ``{port: undefined}`` is a different case (ERR_MISSING_ARGS,
covered by test-net-connect-no-arg).
"""

import math
import re
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import dns, net, run
from nodenet_uv.testing import common


def do_connect(args: list[Any], get_cb: Callable[[], Any]) -> list[Callable[[], net.Socket]]:
    def create_connection_with_cb() -> net.Socket:
        return net.createConnection(*args, get_cb()).resume()

    def create_connection_without_cb() -> net.Socket:
        return net.createConnection(*args).on("connect", get_cb()).resume()

    def connect_with_cb() -> net.Socket:
        return net.connect(*args, get_cb()).resume()

    def connect_without_cb() -> net.Socket:
        return net.connect(*args).on("connect", get_cb()).resume()

    def socket_connect_with_cb() -> net.Socket:
        socket = net.Socket()
        return socket.connect(*args, get_cb()).resume()

    def socket_connect_without_cb() -> net.Socket:
        socket = net.Socket()
        return socket.connect(*args).on("connect", get_cb()).resume()

    return [
        create_connection_with_cb,
        create_connection_without_cb,
        connect_with_cb,
        connect_without_cb,
        socket_connect_with_cb,
        socket_connect_without_cb,
    ]


def _assert_throws(fn: Callable[[], Any], assert_err: dict[str, Any], what: str) -> None:
    with pytest.raises(Exception) as info:
        fn()
    try:
        common.check_error(info.value, assert_err)
    except AssertionError as e:
        raise AssertionError(f"{what}: {e}") from None


def sync_fail_to_connect(port: Any, assert_err: dict[str, Any], opt_only: bool = False) -> None:
    family = 4
    if not opt_only:
        # connect(port, cb) and connect(port)
        for fn in do_connect([{"port": port, "family": family}], lambda: common.mustNotCall()):
            _assert_throws(fn, assert_err, f"{fn.__name__}({port!r})")

        # connect(port, host, cb) and connect(port, host)
        for fn in do_connect(
            [{"port": port, "host": "localhost", "family": family}],
            lambda: common.mustNotCall(),
        ):
            _assert_throws(fn, assert_err, f"{fn.__name__}({port!r}, 'localhost')")
    # connect({port}, cb) and connect({port})
    for fn in do_connect([{"port": port, "family": family}], lambda: common.mustNotCall()):
        _assert_throws(fn, assert_err, f"{fn.__name__}({{port: {port!r}}})")

    # connect({port, host}, cb) and connect({port, host})
    for fn in do_connect(
        [{"port": port, "host": "localhost", "family": family}],
        lambda: common.mustNotCall(),
    ):
        _assert_throws(fn, assert_err, f"{fn.__name__}({{port: {port!r}, host: 'localhost'}})")


def test_port_type_errors() -> None:
    port_type_error = {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}

    sync_fail_to_connect(True, port_type_error)
    sync_fail_to_connect(False, port_type_error)
    sync_fail_to_connect([], port_type_error, True)
    sync_fail_to_connect({}, port_type_error, True)
    # syncFailToConnect(null, portTypeError): no Python twin (see the docstring).


def test_port_range_errors() -> None:
    port_range_error = {"code": "ERR_SOCKET_BAD_PORT", "name": "RangeError"}

    sync_fail_to_connect("", port_range_error)
    sync_fail_to_connect(" ", port_range_error)
    sync_fail_to_connect("0x", port_range_error, True)
    sync_fail_to_connect("-0x1", port_range_error, True)
    sync_fail_to_connect(math.nan, port_range_error)
    sync_fail_to_connect(math.inf, port_range_error)
    sync_fail_to_connect(-1, port_range_error)
    sync_fail_to_connect(65536, port_range_error)


def test_invalid_hints() -> None:
    # connect({hint}, cb) and connect({hint})
    hints = (dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL) + 42
    hint_opt_blocks = do_connect([{"port": 42, "hints": hints}], lambda: common.mustNotCall())
    for fn in hint_opt_blocks:
        _assert_throws(
            fn,
            {
                "code": "ERR_INVALID_ARG_VALUE",
                "name": "TypeError",
                "message": re.compile(r"The argument 'hints' is invalid\. Received \d+"),
            },
            fn.__name__,
        )
    run()


def can_connect(port: Any) -> None:
    def noop() -> Any:
        return common.mustCall()

    family = 4

    # connect(port, cb) and connect(port)
    for fn in do_connect([{"port": port, "family": family}], noop):
        fn()

    # connect(port, host, cb) and connect(port, host)
    for fn in do_connect([{"port": port, "host": "localhost", "family": family}], noop):
        fn()

    # connect({port}, cb) and connect({port})
    for fn in do_connect([{"port": port, "family": family}], noop):
        fn()

    # connect({port, host}, cb) and connect({port, host})
    for fn in do_connect([{"port": port, "host": "localhost", "family": family}], noop):
        fn()


def async_fail_to_connect(port: Any) -> None:
    def on_error() -> Any:
        def check(err: BaseException) -> None:
            regexp = re.compile(r"^Error: connect E\w+.+$")
            # JS String(err): `${err.name}: ${err.message}`
            assert regexp.search(f"{getattr(err, 'name', type(err).__name__)}: {err}")

        return common.mustCall(check)

    def dont() -> Any:
        return common.mustNotCall()

    family = 4
    # connect(port, cb) and connect(port)
    for fn in do_connect([{"port": port, "family": family}], dont):
        fn().on("error", on_error())

    # connect({port}, cb) and connect({port})
    for fn in do_connect([{"port": port, "family": family}], dont):
        fn().on("error", on_error())

    # connect({port, host}, cb) and connect({port, host})
    for fn in do_connect([{"port": port, "host": "localhost", "family": family}], dont):
        fn().on("error", on_error())


def test_can_connect_then_fail() -> None:
    expected_connections = 72
    server_connected = [0]

    def on_connection(socket: net.Socket) -> None:
        socket.end("ok")
        server_connected[0] += 1
        if server_connected[0] == expected_connections:
            server.close()

    server = net.createServer(common.mustCall(on_connection, expected_connections))

    def on_listening() -> None:
        port = server.address()["port"]

        # Total connections = 3 * 4(canConnect) * 6(doConnect) = 72
        can_connect(port)
        can_connect(str(port))
        can_connect(f"0x{port:x}")

    server.listen(0, common.localhostIPv4, common.mustCall(on_listening))

    # Try connecting to random ports, but do so once the server is closed
    server.on("close", lambda: async_fail_to_connect(0))
    run()
