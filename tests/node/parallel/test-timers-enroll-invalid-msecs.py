"""Port of test/parallel/test-timers-enroll-invalid-msecs.js."""

import math
import types

import pytest

from nodenet_uv import events, run, timers
from nodenet_uv.testing import common


@pytest.mark.parametrize("val", [{}, [], "foo", lambda: None, events.Symbol("foo")])
def test_enroll_invalid_type(val) -> None:
    with pytest.raises(TypeError) as info:
        timers.enroll(types.SimpleNamespace(), val)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})
    run()  # the DeprecationWarning is emitted on the next tick


@pytest.mark.parametrize(("val", "shown"), [(-1, "-1"), (math.inf, "Infinity"), (math.nan, "NaN")])
def test_enroll_out_of_range(val, shown) -> None:
    with pytest.raises(ValueError) as info:
        timers.enroll(types.SimpleNamespace(), val)
    common.check_error(
        info.value,
        {
            "code": "ERR_OUT_OF_RANGE",
            "name": "RangeError",
            "message": 'The value of "msecs" is out of range. '
            "It must be a non-negative finite number. "
            f"Received {shown}",
        },
    )
    run()
