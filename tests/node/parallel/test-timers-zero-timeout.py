"""Port of test/parallel/test-timers-zero-timeout.js.

https://github.com/joyent/node/issues/2079 - zero timeout drops extra args
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearTimeout, setInterval, setTimeout


def test_zero_timeout_timeout() -> None:
    def f(a, b, c):
        assert a == "foo"
        assert b == "bar"
        assert c == "baz"

    setTimeout(common.mustCall(f), 0, "foo", "bar", "baz")
    setTimeout(lambda: None, 0)
    run()


def test_zero_timeout_interval() -> None:
    ncalled = 3

    def _f(a, b, c):
        nonlocal ncalled
        assert a == "foo"
        assert b == "bar"
        assert c == "baz"
        ncalled -= 1
        if ncalled == 0:
            clearTimeout(iv)

    f = common.mustCall(_f, ncalled)

    iv = setInterval(f, 0, "foo", "bar", "baz")
    run()
