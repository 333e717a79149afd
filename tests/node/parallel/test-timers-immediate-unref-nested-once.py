"""Port of test/parallel/test-timers-immediate-unref-nested-once.js.

This immediate should not execute as it was unrefed and nothing else is keeping the event
loop alive.
"""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_unref_nested_once() -> None:
    setImmediate(lambda: setImmediate(common.mustNotCall()).unref())
    run()
