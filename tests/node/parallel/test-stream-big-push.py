"""Port of test/parallel/test-stream-big-push.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_big_push() -> None:
    s = "asdfasdfasdfasdfasdf"

    r = Readable({"highWaterMark": 5, "encoding": "utf8"})

    reads = 0

    def _read(n):
        nonlocal reads
        if reads == 0:
            setTimeout(lambda: r.push(s), 1)
            reads += 1
        elif reads == 1:
            ret = r.push(s)
            assert ret is False
            reads += 1
        else:
            r.push(None)

    r._read = common.mustCall(_read, 3)

    r.on("end", common.mustCall())

    # Push some data in to start.
    # We've never gotten any read event at this point.
    ret = r.push(s)
    # Should be false.  > hwm
    assert not ret
    chunk = r.read()
    assert chunk == s
    chunk = r.read()
    assert chunk is None

    def on_readable():
        # This time, we'll get *all* the remaining data, because
        # it's been added synchronously, as the read WOULD take
        # us below the hwm, and so it triggered a _read() again,
        # which synchronously added more, which we then return.
        chunk = r.read()
        assert chunk == s + s

        chunk = r.read()
        assert chunk is None

    r.once("readable", on_readable)
    run()
