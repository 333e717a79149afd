"""Port of test/parallel/test-net-connect-custom-lookup-non-string-address.mjs.

Each node:test ``it(..., (t, done) => ...)`` is one test function; ``done()`` is a
mustCall'ed callback, checked when the loop has run.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def broken_custom_lookup(_hostname: Any, options: Any, callback: Any) -> None:
    # Incorrectly return an array of IPs instead of a string.
    callback(None, ["127.0.0.1"], options["family"])


def _check(family: int) -> None:
    options = {
        "host": "example.com",
        "port": 80,
        "lookup": broken_custom_lookup,
        "family": family,
    }
    socket = net.connect(options, common.mustNotCall())
    done = common.mustCall()

    def on_error(err: Any) -> None:
        assert err.code == "ERR_INVALID_IP_ADDRESS"
        done()

    socket.on("error", on_error)
    run()


def test_when_family_is_ipv4_socket_emits_an_error_when_lookup_does_not_return_a_string() -> None:
    _check(4)


def test_when_family_is_ipv6_socket_emits_an_error_when_lookup_does_not_return_a_string() -> None:
    _check(6)
