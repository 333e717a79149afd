"""Port of test/parallel/test-timers-clear-object-does-not-throw-error.js.

This test makes sure clearing timers with objects doesn't throw.
"""

from nodenet_uv.timers import clearImmediate, clearInterval, clearTimeout


def test_clear_object_does_not_throw() -> None:
    clearImmediate({})
    clearTimeout({})
    clearInterval({})
