"""Port of test/parallel/test-stream-readable-readable-then-resume.js.

This test verifies that a stream could be resumed after
removing the readable event in the same tick
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def check(s):
    readable_listener = common.mustNotCall()
    s.on("readable", readable_listener)
    s.on("end", common.mustCall())
    assert s.removeListener == s.off
    s.removeListener("readable", readable_listener)
    s.resume()


def test_readable_then_resume() -> None:
    first = False

    def read(n):
        nonlocal first
        if not first:
            s.push("hello")
            first = True
            return
        s.push(None)

    s = Readable(objectMode=True, highWaterMark=1, read=read)
    check(s)
    run()
