"""Port of test/sequential/test-net-connect-local-error.js.

``common.PORT`` is Node's fixed test port, 12346.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

PORT = 12346

# EADDRINUSE is expected to occur on FreeBSD
# Ref: https://github.com/nodejs/node/issues/25460
EXPECTED_ERROR_CODES = ["ECONNREFUSED", "EADDRINUSE"]


def on_error(err: Any, options: dict[str, Any]) -> None:
    assert err.code in EXPECTED_ERROR_CODES
    assert err.syscall == "connect"
    assert err.localPort == options["localPort"]
    assert err.localAddress == options["localAddress"]
    assert str(err) == (
        f"connect {err.code} {err.address}:{err.port} - Local ({err.localAddress}:{err.localPort})"
    )


def test_connect_local_error() -> None:
    options_ipv4 = {
        "port": PORT,
        "family": 4,
        "localPort": PORT + 1,
        "localAddress": common.localhostIPv4,
    }

    options_ipv6 = {
        "host": "::1",
        "family": 6,
        "port": PORT + 2,
        "localPort": PORT + 3,
        "localAddress": "::1",
    }

    client_ipv4 = net.connect(options_ipv4)
    client_ipv4.on("error", common.mustCall(lambda err: on_error(err, options_ipv4)))

    if common.hasIPv6:
        client_ipv6 = net.connect(options_ipv6)
        client_ipv6.on("error", common.mustCall(lambda err: on_error(err, options_ipv6)))
    else:
        print("ipv6 part of test, no IPv6 support")
    run()
