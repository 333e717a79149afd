"""Port of test/parallel/test-timers-throw-when-cb-not-function.js."""

import pytest

from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate, setInterval, setTimeout

errMessage = {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}

# (callback, after) pairs of the JS calls; doSetTimeout() passes undefined for both.
CASES = [("foo", None), ({"foo": "bar"}, None), (None, None), (None, 0), (None, 0), (False, 0)]


@pytest.mark.parametrize("fn", [setTimeout, setInterval, setImmediate])
@pytest.mark.parametrize(("callback", "after"), CASES)
def test_throw_when_cb_not_function(fn, callback, after) -> None:
    with pytest.raises(TypeError) as info:
        fn(callback, after)
    common.check_error(info.value, errMessage)


@pytest.mark.parametrize("fn", [setTimeout, setInterval, setImmediate])
def test_throw_with_no_arguments(fn) -> None:
    with pytest.raises(TypeError) as info:
        fn()
    common.check_error(info.value, errMessage)
