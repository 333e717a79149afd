"""Port of test/parallel/test-next-tick-ordering2.js."""

from nodenet_uv import process, run
from nodenet_uv.timers import setTimeout


def test_next_tick_ordering2() -> None:
    order = []

    def tick():
        setTimeout(lambda: order.append("setTimeout"), 0)
        process.nextTick(lambda: order.append("nextTick"))

    process.nextTick(tick)
    run()

    # process.on('exit')
    assert order == ["nextTick", "setTimeout"]
