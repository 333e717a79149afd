"""Port of test/parallel/test-stream-writable-needdrain-state.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Transform
from nodenet_uv.testing import common


def test_needdrain_state() -> None:
    def _transform(chunk, encoding, cb):
        def later():
            assert transform._writableState.needDrain is True
            cb()

        next_tick(later)

    transform = Transform({"transform": _transform, "highWaterMark": 1})

    assert transform._writableState.needDrain is False

    def write_cb():
        assert transform._writableState.needDrain is False

    transform.write("asdasd", common.mustCall(write_cb))

    assert transform._writableState.needDrain is True
    run()
