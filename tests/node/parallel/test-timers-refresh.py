"""Port of test/parallel/test-timers-refresh.js (Flags: --expose-internals).

``setUnrefTimeout`` (internal/timers) is ``nodenet_uv.timers.setUnrefTimeout``. As in
Node, the blocks run in one loop (the ref'ed timers keep it alive for the unref'ed ones).
"""

import math

import pytest

from nodenet_uv import events, process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval, setTimeout, setUnrefTimeout

# All of these timers use the same duration (1ms), so they share a TimersList: a refreshed
# timer is moved to the end of it, behind the timer created after it.


@pytest.mark.parametrize(
    "cb", [None, True, False, 0, 1, math.nan, "", "foo", {}, events.Symbol("")]
)
def test_set_unref_timeout_validates_callback(cb) -> None:
    # Should throw with non-functions
    with pytest.raises(TypeError) as info:
        setUnrefTimeout(cb)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})


def test_refresh() -> None:
    # Regular timer refresh
    called1 = False

    def cb1():
        nonlocal called1
        called1 = True

    timer1 = setTimeout(common.mustCall(cb1), 1)
    timer1.unref()

    # This relies on implicit timers handle sorting within libuv.

    def check1():
        assert called1 is False, "unref()'d timer returned before check"

    setTimeout(common.mustCall(check1), 1)

    assert timer1.refresh() is timer1

    # unref pooled timer
    called3 = False

    def cb3():
        nonlocal called3
        called3 = True

    timer3 = setUnrefTimeout(common.mustCall(cb3), 1)

    def check3():
        assert called3 is False, "unref pooled timer returned before check"

    setUnrefTimeout(common.mustCall(check3), 1)

    assert timer3.refresh() is timer3

    # regular pooled timer
    called4 = False

    def cb4():
        nonlocal called4
        called4 = True

    timer4 = setTimeout(common.mustCall(cb4), 1)

    def check4():
        assert called4 is False, "pooled timer returned before check"

    setTimeout(common.mustCall(check4), 1)

    assert timer4.refresh() is timer4

    # regular timer
    called5 = False

    def cb5():
        nonlocal called5
        if not called5:
            called5 = True

            def tick():
                timer5.refresh()
                assert timer5.hasRef() is True

            process.nextTick(common.mustCall(tick))

    timer5 = setTimeout(common.mustCall(cb5, 2), 1)

    # interval
    called6 = 0

    def cb6():
        nonlocal called6
        called6 += 1
        if called6 == 2:
            clearInterval(timer6)

    timer6 = setInterval(common.mustCall(cb6, 2), 1)

    def check6():
        assert called6 == 0, "pooled timer returned before check"

    setTimeout(common.mustCall(check6), 1)

    assert timer6.refresh() is timer6
    run()
