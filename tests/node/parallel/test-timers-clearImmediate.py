"""Port of test/parallel/test-timers-clearImmediate.js."""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, setImmediate


def test_clear_immediate_in_callback() -> None:
    N = 3

    def next():
        immediate = None
        fn = common.mustCall(lambda: clearImmediate(immediate))
        immediate = setImmediate(fn)

    for _ in range(N):
        next()
    run()
