"""Port of test/parallel/test-net-socket-connect-invalid-autoselectfamilyattempttimeout.js."""

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common


def test_invalid_attempt_timeout() -> None:
    for auto_select_family_attempt_timeout in (-10, 0):
        with pytest.raises(ValueError) as info:
            net.connect(
                {
                    "port": 8080,
                    "autoSelectFamily": True,
                    "autoSelectFamilyAttemptTimeout": auto_select_family_attempt_timeout,
                }
            )
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE"})

        with pytest.raises(ValueError) as info:
            net.setDefaultAutoSelectFamilyAttemptTimeout(auto_select_family_attempt_timeout)
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE"})

    for auto_select_family_attempt_timeout in (1, 9):
        net.setDefaultAutoSelectFamilyAttemptTimeout(auto_select_family_attempt_timeout)
        assert net.getDefaultAutoSelectFamilyAttemptTimeout() == 10
