"""Port of test/parallel/test-timers-clear-null-does-not-throw-error.js.

This test makes sure clearing timers with 'null' or no input does not throw error.
JS null and undefined are both None in Python.
"""

from nodenet_uv.timers import clearImmediate, clearInterval, clearTimeout


def test_clear_null_does_not_throw() -> None:
    clearInterval(None)
    clearInterval()
    clearTimeout(None)
    clearTimeout()
    clearImmediate(None)
    clearImmediate()
