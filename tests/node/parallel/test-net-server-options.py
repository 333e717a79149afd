"""Port of test/parallel/test-net-server-options.js."""

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common

EXPECTED = {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}


def test_create_server_rejects_non_object_options() -> None:
    with pytest.raises(TypeError) as info:
        net.createServer("path")
    common.check_error(info.value, EXPECTED)

    with pytest.raises(TypeError) as info:
        net.createServer(0)
    common.check_error(info.value, EXPECTED)
