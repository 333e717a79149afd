"""Port of test/parallel/test-timers-immediate.js."""

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearImmediate, setImmediate


def test_immediate() -> None:
    mainFinished = False

    def first():
        assert mainFinished is True
        clearImmediate(immediateB)

    setImmediate(common.mustCall(first))

    immediateB = setImmediate(common.mustNotCall())

    def three(*args):
        assert list(args) == [1, 2, 3]

    setImmediate(common.mustCall(three), 1, 2, 3)

    def five(*args):
        assert list(args) == [1, 2, 3, 4, 5]

    setImmediate(common.mustCall(five), 1, 2, 3, 4, 5)

    mainFinished = True
    run()
