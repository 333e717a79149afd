"""Port of test/parallel/test-net-connect-options-invalid.js."""

import re

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common


def test_invalid_object_mode_options() -> None:
    invalid_keys = [
        "objectMode",
        "readableObjectMode",
        "writableObjectMode",
    ]
    for invalid_key in invalid_keys:
        option = {"port": 8080, invalid_key: True}
        message = f"The property 'options.{invalid_key}' is not supported. Received true"

        with pytest.raises(TypeError) as info:
            net.createConnection(option)
        common.check_error(
            info.value,
            {
                "code": "ERR_INVALID_ARG_VALUE",
                "name": "TypeError",
                "message": re.compile(message),
            },
        )


def test_host_must_be_a_string() -> None:
    with pytest.raises(TypeError) as info:
        net.createConnection({"host": ["192.168.0.1"], "port": 8080})
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})
