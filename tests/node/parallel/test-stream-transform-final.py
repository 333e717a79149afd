"""Port of test/parallel/test-stream-transform-final.js."""

from nodenet_uv import run, timers
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common

# The order things are called
#
# 1. transformCallback part 1
# 2. dataListener
# 3. transformCallback part 2
# 4. transformCallback part 1
# 5. dataListener
# 6. transformCallback part 2
# 7. transformCallback part 1
# 8. dataListener
# 9. transformCallback part 2
# 10. finalCallback part 1
# 11. finalCallback part 2
# 12. flushCallback part 1
# 13. finishListener
# 14. endMethodCallback
# 15. flushCallback part 2
# 16. endListener


def test_transform_final() -> None:
    state = 0

    def transform(chunk, _, next):
        nonlocal state
        # transformCallback part 1
        state += 1
        assert state == chunk
        t.push(state)
        # transformCallback part 2
        state += 1
        assert state == chunk + 2
        next_tick(next)

    def final(done):
        nonlocal state
        state += 1
        # finalCallback part 1
        assert state == 10

        def part2():
            nonlocal state
            state += 1
            # finalCallback part 2
            assert state == 11
            done()

        timers.setTimeout(part2, 100)

    def flush(done):
        nonlocal state
        state += 1
        # flushCallback part 1
        assert state == 12

        def part2():
            nonlocal state
            state += 1
            # flushCallback part 2
            assert state == 13
            done()

        next_tick(part2)

    t = Transform(
        {
            "objectMode": True,
            "transform": common.mustCall(transform, 3),
            "final": common.mustCall(final, 1),
            "flush": common.mustCall(flush, 1),
        }
    )

    def on_finish():
        nonlocal state
        state += 1
        # finishListener
        assert state == 15

    def on_end():
        nonlocal state
        state += 1
        # endEvent
        assert state == 16

    def on_data(d):
        nonlocal state
        # dataListener
        state += 1
        assert state == d + 1

    def end_cb():
        nonlocal state
        state += 1
        # endMethodCallback
        assert state == 14

    t.on("finish", common.mustCall(on_finish, 1))
    t.on("end", common.mustCall(on_end, 1))
    t.on("data", common.mustCall(on_data, 3))
    t.write(1)
    t.write(4)
    t.end(7, common.mustCall(end_cb, 1))
    run()
