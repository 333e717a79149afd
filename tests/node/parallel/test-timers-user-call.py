"""Port of test/parallel/test-timers-user-call.js.

Make sure `setTimeout()` and friends don't throw if the user-supplied function has
.call() and .apply() monkey-patched to undesirable values.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setImmediate, setInterval, setTimeout


def test_user_call_timeout_and_immediate() -> None:
    fn = common.mustCall(10)
    fn.call = "not a function"
    fn.apply = "also not a function"
    setTimeout(fn, 1)
    setTimeout(fn, 1, "oneArg")
    setTimeout(fn, 1, "two", "args")
    setTimeout(fn, 1, "three", "(3)", "args")
    setTimeout(fn, 1, "more", "than", "three", "args")

    setImmediate(fn, 1)
    setImmediate(fn, 1, "oneArg")
    setImmediate(fn, 1, "two", "args")
    setImmediate(fn, 1, "three", "(3)", "args")
    setImmediate(fn, 1, "more", "than", "three", "args")
    run()


def test_user_call_interval() -> None:
    def testInterval(*args):
        interval = None
        fn = common.mustCall(lambda *a: clearInterval(interval))
        fn.call = "not a function"
        fn.apply = "also not a function"
        interval = setInterval(fn, 1, *args)

    testInterval()
    testInterval("oneArg")
    testInterval("two", "args")
    testInterval("three", "(3)", "args")
    testInterval("more", "than", "three", "args")
    run()
