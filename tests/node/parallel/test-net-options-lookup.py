"""Port of test/parallel/test-net-options-lookup.js."""

from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def connect_throws(input_: Any) -> None:
    opts = {"host": "localhost", "port": 0, "lookup": input_}
    with pytest.raises(TypeError) as info:
        net.connect(opts)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})


def connect_does_not_throw(input_: Any) -> net.Socket:
    opts = {"host": "localhost", "port": 0, "lookup": input_}
    return net.connect(opts)


def test_lookup_option_validation() -> None:
    for input_ in ("foobar", 1, {}, []):
        connect_throws(input_)

    connect_does_not_throw(lambda *args: None)

    # Verify that an error is emitted when an invalid address family is returned.
    def lookup(host: str, options: dict[str, Any], cb: Any) -> None:
        if options.get("all"):
            cb(None, [{"address": "127.0.0.1", "family": 100}])
        else:
            cb(None, "127.0.0.1", 100)

    s = connect_does_not_throw(lookup)
    s.on(
        "error",
        common.expectsError(
            {
                "code": "ERR_INVALID_ADDRESS_FAMILY",
                "host": "localhost",
                "port": 0,
                "message": "Invalid address family: 100 localhost:0",
            }
        ),
    )
    run()
