"""Port of test/parallel/test-stream-transform-hwm0.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_transform_hwm0() -> None:
    def transform(chunk, enc, callback):
        next_tick(lambda: callback(None, chunk, enc))

    t = Transform({"objectMode": True, "highWaterMark": 0, "transform": transform})

    assert t.write(1) is False

    def on_drain():
        assert t.write(2) is False
        t.end()

    t.on("drain", common.mustCall(on_drain))

    def on_readable():
        assert t.read() == 1

        def later():
            assert t.read() is None
            t.once("readable", common.mustCall(lambda: _eq(t.read(), 2)))

        setImmediate(common.mustCall(later))

    t.once("readable", common.mustCall(on_readable))
    run()


def _eq(a, b):
    assert a == b
