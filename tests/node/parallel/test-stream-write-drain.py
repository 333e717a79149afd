"""Port of test/parallel/test-stream-write-drain.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_no_drain_if_ended() -> None:
    # Don't emit 'drain' if ended

    def write(data, enc, cb):
        next_tick(cb)

    w = Writable({"write": write, "highWaterMark": 1})

    w.on("drain", common.mustNotCall())
    w.write("asd")
    w.end()
    run()
