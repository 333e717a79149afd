"""Port of test/parallel/test-net-connect-immediate-finish.js.

This tests that if the socket is still in the 'connecting' state when the user calls
socket.end() ('finish'), the socket would emit 'connect' and defer the handling until
the 'connect' event is handled.
"""

from typing import Any

import pytest

from nodenet_uv import errors, net, run
from nodenet_uv.testing import common

# test/common/internet.js and test/common/dns.js
INVALID_HOST = "something.invalid"
MOCKED_ERROR_CODE = "ENOTFOUND"
MOCKED_SYS_CALL = "getaddrinfo"


def error_lookup_mock(code: str = MOCKED_ERROR_CODE, syscall: str = MOCKED_SYS_CALL) -> Any:
    def lookup_with_error(hostname: str, dnsopts: Any, cb: Any) -> None:
        err = errors.JsError(f"{syscall} {code} {hostname}")
        err.code = code  # type: ignore[attr-defined]
        err.errno = code  # type: ignore[attr-defined]
        err.syscall = syscall  # type: ignore[attr-defined]
        err.hostname = hostname  # type: ignore[attr-defined]
        cb(err)

    return lookup_with_error


def test_connect_immediate_finish() -> None:
    client = net.connect(
        {
            "host": INVALID_HOST,
            "port": 80,  # Port number doesn't matter because host name is invalid
            "lookup": common.mustCall(error_lookup_mock()),
        },
        common.mustNotCall(),
    )

    def on_error(error: BaseException) -> None:
        assert not hasattr(error, "port")
        assert not hasattr(error, "host")

        def throw() -> None:
            raise error

        with pytest.raises(Exception) as info:
            throw()
        common.check_error(
            info.value,
            {
                "code": MOCKED_ERROR_CODE,
                "errno": MOCKED_ERROR_CODE,
                "syscall": MOCKED_SYS_CALL,
                "hostname": INVALID_HOST,
                "message": "getaddrinfo ENOTFOUND something.invalid",
            },
        )

    client.once("error", common.mustCall(on_error))

    client.end()
    run()
