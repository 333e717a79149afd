"""Port of test/parallel/test-timers-unref.js.

``process.nextTick(t.unref.bind({}))`` (unref called with a foreign receiver) has no
Python twin and is left out; ``t.unref.bind(t)`` is ``t.unref``.
"""

from nodenet_uv import process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval, setTimeout


def test_unref() -> None:
    unref_interval = False
    unref_timer = False
    checks = 0

    LONG_TIME = 10 * 1000
    SHORT_TIME = 100

    timer = setTimeout(lambda: None, 10)
    assert timer.hasRef() is True
    # Should not throw.
    timer.unref().ref().unref()
    assert timer.hasRef() is False

    setInterval(lambda: None, 10).unref().ref().unref()

    setInterval(common.mustNotCall("Interval should not fire"), LONG_TIME).unref()
    setTimeout(common.mustNotCall("Timer should not fire"), LONG_TIME).unref()

    def on_interval():
        nonlocal unref_interval
        unref_interval = True
        clearInterval(interval)

    interval = setInterval(common.mustCall(on_interval), SHORT_TIME)
    interval.unref()

    def on_timer():
        nonlocal unref_timer
        unref_timer = True

    setTimeout(common.mustCall(on_timer), SHORT_TIME).unref()

    def check():
        nonlocal checks
        if checks > 5 or (unref_interval and unref_timer):
            clearInterval(check_unref)
        checks += 1

    check_unref = setInterval(check, 100)

    timeout = setTimeout(common.mustCall(lambda: timeout.unref()), SHORT_TIME)

    # Should not assert on args.Holder()->InternalFieldCount() > 0.
    # See https://github.com/nodejs/node-v0.x-archive/issues/4261.
    timeout2 = setInterval(lambda: timeout2.unref(), SHORT_TIME)

    # Should not timeout the test
    t = setInterval(lambda: None, 1)
    process.nextTick(t.unref)
    run()
