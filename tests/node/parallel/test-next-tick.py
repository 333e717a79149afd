"""Port of test/parallel/test-next-tick.js.

Left out: the four ``this`` checks (JS receiver binding; a Python callback has none) and
``process.on('exit', () => process.nextTick(common.mustNotCall()))`` (nodenet_uv has no
process 'exit' event: run() returning is not the process exiting).
"""

from nodenet_uv import process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_next_tick() -> None:
    process.nextTick(
        common.mustCall(
            lambda: process.nextTick(common.mustCall(lambda: process.nextTick(common.mustCall())))
        )
    )

    setTimeout(common.mustCall(lambda: process.nextTick(common.mustCall())), 50)

    process.nextTick(common.mustCall())

    obj = {}

    def with_args(a, b):
        assert a == 42
        assert b is obj

    process.nextTick(common.mustCall(with_args), 42, obj)
    process.nextTick(common.mustCall(lambda a, b: (a, b)), 42, obj)
    process.nextTick(common.mustCall(lambda: None), 1, 2, 3, 4)
    process.nextTick(common.mustCall(lambda *args: None), 1, 2, 3, 4)
    run()
