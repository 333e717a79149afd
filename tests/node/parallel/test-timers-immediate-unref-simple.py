"""Port of test/parallel/test-timers-immediate-unref-simple.js.

This immediate should not execute as it was unrefed and nothing else is keeping the event
loop alive.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_unref_simple() -> None:
    setImmediate(common.mustNotCall()).unref()
    run()
