"""Port of test/parallel/test-next-tick-errors.js."""

import pytest

from nodenet_uv import process, run
from nodenet_uv.testing import common


def test_next_tick_errors() -> None:
    order = []
    exceptionHandled = False

    def a():
        order.append("A")
        what()  # type: ignore[name-defined]  # noqa: F821

    process.nextTick(a)
    process.nextTick(lambda: order.append("C"))

    def testNextTickWith(val):
        with pytest.raises(TypeError) as info:
            process.nextTick(val)
        common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    testNextTickWith(False)
    testNextTickWith(True)
    testNextTickWith(1)
    testNextTickWith("str")
    testNextTickWith({})
    testNextTickWith([])

    def on_uncaught(err, errorOrigin):
        nonlocal exceptionHandled
        assert errorOrigin == "uncaughtException"
        if not exceptionHandled:
            exceptionHandled = True
            order.append("B")
        else:
            order.append("OOPS!")

    process.on("uncaughtException", on_uncaught)
    run()

    # process.on('exit')
    assert order == ["A", "B", "C"]
