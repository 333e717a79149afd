"""Port of test/parallel/test-net-server-listen-options.js."""

import math
import re
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def make_close(get_server: Callable[[], net.Server]) -> Callable[[], None]:
    # JS: function close() { this.close(); } -- `this` is the server.
    return lambda: get_server().close()


def test_listen_overloads() -> None:
    # Test listen()
    s1 = net.createServer()
    s1.listen().on("listening", common.mustCall(make_close(lambda: s1)))
    # Test listen(cb)
    s2 = net.createServer()
    s2.listen(common.mustCall(make_close(lambda: s2)))
    # Test listen(port)
    s3 = net.createServer()
    s3.listen(0).on("listening", common.mustCall(make_close(lambda: s3)))
    # Test listen({port})
    s4 = net.createServer()
    s4.listen({"port": 0}).on("listening", common.mustCall(make_close(lambda: s4)))
    run()


def listen_with_options(port: Any, cb: Callable[[net.Server], Any]) -> net.Server:
    server = net.createServer()
    return server.listen({"port": port}, lambda: cb(server))


def listen_with_port(port: Any, cb: Callable[[net.Server], Any]) -> net.Server:
    server = net.createServer()
    return server.listen(port, lambda: cb(server))


BAD_PORT = {"code": "ERR_SOCKET_BAD_PORT", "name": "RangeError"}


def test_ports() -> None:
    def close(server: net.Server) -> None:
        server.close()

    for listen in (listen_with_options, listen_with_port):
        # Arbitrary unused ports
        listen("0", common.mustCall(close))
        listen(0, common.mustCall(close))
        listen(None, common.mustCall(close))  # undefined
        listen(None, common.mustCall(close))  # null: `None` plays both
        # Test invalid ports
        for bad in (-1, math.nan, 123.456, 65536, math.inf, -math.inf):
            with pytest.raises(ValueError) as info:
                listen(bad, common.mustNotCall())
            common.check_error(info.value, BAD_PORT)
    # In listen(options, cb), port takes precedence over path
    with pytest.raises(ValueError) as info:
        net.createServer().listen({"port": -1, "path": common.PIPE}, common.mustNotCall())
    common.check_error(info.value, BAD_PORT)
    run()


def should_fail_to_listen(options: Any) -> None:
    def fn() -> None:
        net.createServer().listen(options, common.mustNotCall())

    with pytest.raises(TypeError) as info:
        fn()
    if isinstance(options, dict) and not ("port" in options or "path" in options):
        common.check_error(
            info.value,
            {
                "code": "ERR_INVALID_ARG_VALUE",
                "name": "TypeError",
                "message": re.compile(
                    r"^The argument 'options' must have the property \"port\" or \"path\"\. "
                    r"Received .+$"
                ),
            },
        )
    else:
        common.check_error(
            info.value,
            {
                "code": "ERR_INVALID_ARG_VALUE",
                "name": "TypeError",
                "message": re.compile(r"^The argument 'options' is invalid\. Received .+$"),
            },
        )


def test_invalid_options() -> None:
    should_fail_to_listen(False)
    should_fail_to_listen({"port": False})
    should_fail_to_listen(True)
    should_fail_to_listen({"port": True})
    # Invalid fd as listen(handle)
    should_fail_to_listen({"fd": -1})
    # Invalid path in listen(options)
    should_fail_to_listen({"path": -1})

    # Neither port or path are specified in options
    should_fail_to_listen({})
    should_fail_to_listen({"host": "localhost"})
    should_fail_to_listen({"host": "localhost:3000"})
    should_fail_to_listen({"host": {"port": 3000}})
    should_fail_to_listen({"exclusive": True})
