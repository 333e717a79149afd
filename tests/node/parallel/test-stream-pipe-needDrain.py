"""Port of test/parallel/test-stream-pipe-needDrain.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_pipe_need_drain() -> None:
    # Pipe should pause temporarily if writable needs drain.
    w = Writable(
        {
            "write": lambda buf, encoding, callback: next_tick(callback),
            "highWaterMark": 1,
        }
    )

    while w.write("asd"):
        pass

    assert w.writableNeedDrain is True

    def read(n):
        r.push("asd")
        r.push(None)

    r = Readable({"read": read})

    r.on("pause", common.mustCall(2))
    r.on("end", common.mustCall())

    r.pipe(w)
    run()
