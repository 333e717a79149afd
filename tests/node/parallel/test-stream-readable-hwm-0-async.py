"""Port of test/parallel/test-stream-readable-hwm-0-async.js.

This test ensures that Readable stream will continue to call _read
for streams with highWaterMark === 0 once the stream returns data
by calling push() asynchronously.
"""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_hwm_0_async() -> None:
    count = 5

    def push_later():
        nonlocal count
        if count:
            count -= 1
            r.push("a")
        else:
            r.push(None)

    def read(n):
        next_tick(common.mustCall(push_later))

    r = Readable(
        # Called 6 times: First 5 return data, last one signals end of stream.
        read=common.mustCall(read, 6),
        highWaterMark=0,
    )

    r.on("end", common.mustCall())
    r.on("data", common.mustCall(5))
    run()
