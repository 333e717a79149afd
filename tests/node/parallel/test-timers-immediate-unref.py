"""Port of test/parallel/test-timers-immediate-unref.js."""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, setImmediate, setTimeout


def test_immediate_unref() -> None:
    immediate = setImmediate(lambda: None)
    assert immediate.hasRef() is True
    immediate.unref()
    assert immediate.hasRef() is False
    clearImmediate(immediate)

    # This immediate should execute as it was unrefed and refed again.
    # It also confirms that unref/ref are chainable.
    def firstStep():
        # Unrefed setImmediate executes if it was unrefed but something else keeps
        # the loop open
        setImmediate(common.mustCall()).unref()
        setTimeout(common.mustCall(lambda: setImmediate(secondStep)), 0)

    def secondStep():
        # clearImmediate works just fine with unref'd immediates
        def a():
            clearImmediate(immA)
            clearImmediate(immB)
            # This should not keep the event loop open indefinitely
            # or do anything else weird
            immA.ref()
            immB.ref()

        immA = setImmediate(a).unref()
        immB = setImmediate(common.mustNotCall()).unref()
        setImmediate(common.mustCall(finalStep))

    def finalStep():
        # This immediate should not execute as it was unrefed
        # and nothing else is keeping the event loop alive
        setImmediate(common.mustNotCall()).unref()

    setImmediate(common.mustCall(firstStep)).ref().unref().unref().ref()
    run()
