"""Port of test/parallel/test-net-socket-connect-invalid-autoselectfamily.js."""

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common


def test_invalid_auto_select_family_throws() -> None:
    with pytest.raises(TypeError) as info:
        net.connect({"port": 8080, "autoSelectFamily": "INVALID"})
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
