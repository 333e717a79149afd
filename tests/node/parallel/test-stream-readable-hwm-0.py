"""Port of test/parallel/test-stream-readable-hwm-0.js.

This test ensures that Readable stream will call _read() for streams
with highWaterMark === 0 upon .read(0) instead of just trying to
emit 'readable' event.
"""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_hwm_0() -> None:
    r = Readable(
        # Must be called only once upon setting 'readable' listener
        read=common.mustCall(),
        highWaterMark=0,
    )

    pushed_null = False
    # This will trigger read(0) but must only be called after push(null)
    # because the we haven't pushed any data

    def on_readable():
        assert r.read() is None
        assert pushed_null is True

    r.on("readable", common.mustCall(on_readable))
    r.on("end", common.mustCall())

    def later():
        nonlocal pushed_null
        assert r.read() is None
        pushed_null = True
        r.push(None)

    next_tick(later)
    run()
