"""Port of test/parallel/test-next-tick-fixed-queue-regression.js.

This tests a highly specific regression tied to the FixedQueue size, which was introduced
in Node.js 9.7.0: https://github.com/nodejs/node/pull/18617 More specifically, a nextTick
list could potentially end up not fully processed.
"""

from nodenet_uv import Promise, process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, setImmediate


def test_fixed_queue_regression() -> None:
    def in_then(_value):
        for _ in range(2047):
            process.nextTick(common.mustCall())
        immediate = setImmediate(common.mustNotCall())
        process.nextTick(common.mustCall(lambda: clearImmediate(immediate)))

    process.nextTick(lambda: Promise.resolve(1).then(in_then))
    run()
