"""Port of test/parallel/test-timers-setimmediate-infinite-loop.js.

This test ensures that if an Immediate callback clears subsequent immediates we don't get
stuck in an infinite loop.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, setImmediate


def test_setimmediate_infinite_loop() -> None:
    def first():
        clearImmediate(i2)
        clearImmediate(i3)

    setImmediate(common.mustCall(first))

    i2 = setImmediate(common.mustNotCall())

    i3 = setImmediate(common.mustNotCall())
    run()
