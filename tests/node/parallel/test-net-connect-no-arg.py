"""Port of test/parallel/test-net-connect-no-arg.js."""

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common

EXPECTED = {
    "code": "ERR_MISSING_ARGS",
    "message": 'The "options" or "port" or "path" argument must be specified',
}


def test_connect_without_arguments_throws() -> None:
    for call in (
        lambda: net.connect(),
        lambda: net.Socket().connect(),
        lambda: net.connect({}),
        lambda: net.Socket().connect({}),
    ):
        with pytest.raises(TypeError) as info:
            call()
        common.check_error(info.value, EXPECTED)
