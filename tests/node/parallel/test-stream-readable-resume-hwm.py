"""Port of test/parallel/test-stream-readable-resume-hwm.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_resume_over_hwm_does_not_read() -> None:
    # readable.resume() should not lead to a ._read() call being scheduled
    # when we exceed the high water mark already.
    readable = Readable(read=common.mustNotCall(), highWaterMark=100)

    # Fill up the internal buffer so that we definitely exceed the HWM:
    for _ in range(10):
        readable.push("a" * 200)

    # Call resume, and pause after one chunk.
    # The .pause() is just so that we don't empty the buffer fully, which would
    # be a valid reason to call ._read().
    readable.resume()
    readable.once("data", common.mustCall(lambda *a: readable.pause()))
    run()
