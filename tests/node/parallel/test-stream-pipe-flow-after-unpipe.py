"""Port of test/parallel/test-stream-pipe-flow-after-unpipe.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_flow_after_unpipe() -> None:
    # Tests that calling .unpipe() un-blocks a stream that is paused because
    # it is waiting on the writable side to finish a write().

    rs = Readable(
        {
            "highWaterMark": 1,
            # That this gets called at least 20 times is the real test here.
            "read": common.mustCallAtLeast(lambda n: rs.push("foo"), 20),
        }
    )

    def write(*args):
        # Ignore the callback, this write() simply never finishes.
        setImmediate(lambda: rs.unpipe(ws))

    ws = Writable({"highWaterMark": 1, "write": common.mustCall(write)})

    chunks = 0

    def on_data(*args):
        nonlocal chunks
        chunks += 1
        if chunks >= 20:
            rs.pause()  # Finish this test.

    rs.on("data", common.mustCallAtLeast(on_data))

    rs.pipe(ws)
    run()
