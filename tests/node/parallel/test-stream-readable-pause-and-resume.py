"""Port of test/parallel/test-stream-readable-pause-and-resume.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import PassThrough, Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pause_and_resume_loop() -> None:
    ticks = 18
    expected_data = 19

    def read(n):
        nonlocal ticks
        ticks -= 1
        if ticks + 1 > 0:
            return next_tick(lambda: rs.push({}))
        rs.push({})
        rs.push(None)

    rs = Readable(objectMode=True, read=read)

    rs.on("end", common.mustCall())

    def read_and_pause():
        # Does a on(data) -> pause -> wait -> resume -> on(data) ... loop.
        # Expects on(data) to never fire if the stream is paused.
        def ondata_(data):
            nonlocal expected_data
            rs.pause()

            expected_data -= 1
            if expected_data <= 0:
                return

            def later():
                rs.removeListener("data", ondata)
                read_and_pause()
                rs.resume()

            setImmediate(later)

        ondata = common.mustCall(ondata_, 1)  # Only call ondata once

        rs.on("data", ondata)

    read_and_pause()
    run()


def test_pause_after_readable_removed() -> None:
    readable = Readable(read=lambda n: None)

    def read():
        pass

    readable.setEncoding("utf8")
    readable.on("readable", read)
    readable.removeListener("readable", read)
    readable.pause()

    def check():
        assert readable.isPaused()

    next_tick(check)
    run()


def test_pipe_resumes_after_drain() -> None:
    source3 = PassThrough()
    target3 = PassThrough()

    chunk = bytes(1000)
    while target3.write(chunk):
        pass

    source3.pipe(target3)
    target3.on("drain", common.mustCall(lambda: _ok(not source3.isPaused())))
    target3.on("data", lambda *a: None)
    run()


def _ok(v):
    assert v
