"""Port of test/parallel/test-net-better-error-messages-port-hostname.js.

This tests that the error thrown from net.createConnection when a custom lookup is
passed (here a mocked lookup failing with ENOTFOUND) has the expected properties.
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


def test_error_from_custom_lookup() -> None:
    c = net.createConnection(
        {
            "port": 0,
            "host": INVALID_HOST,
            "lookup": common.mustCall(error_lookup_mock()),
        }
    )

    c.on("connect", common.mustNotCall())

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
                "errno": MOCKED_ERROR_CODE,
                "code": MOCKED_ERROR_CODE,
                "name": "Error",
                "message": "getaddrinfo ENOTFOUND something.invalid",
                "hostname": INVALID_HOST,
                "syscall": "getaddrinfo",
            },
        )

    c.on("error", common.mustCall(on_error))
    run()
