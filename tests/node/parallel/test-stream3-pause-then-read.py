"""Port of test/parallel/test-stream3-pause-then-read.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_pause_then_read() -> None:
    total_chunks = 100
    chunk_size = 99
    expect_total_data = total_chunks * chunk_size
    expect_ending_data = expect_total_data

    r = Readable({"highWaterMark": 1000})
    chunks = total_chunks

    def _read(n):
        if not (chunks % 2):
            setImmediate(push)
        elif not (chunks % 3):
            next_tick(push)
        else:
            push()

    r._read = _read

    total_pushed = 0

    def push():
        nonlocal chunks, total_pushed
        chunk = b"x" * chunk_size if chunks > 0 else None
        chunks -= 1
        if chunk:
            total_pushed += len(chunk)
        r.push(chunk)

    def read100():
        readn(100, on_data)

    def readn(n, then):
        nonlocal expect_ending_data
        expect_ending_data -= n

        def read():
            c = r.read(n)
            if not c:
                r.once("readable", read)
            else:
                assert len(c) == n
                assert not r.readableFlowing
                then()

        read()

    def on_data():
        nonlocal expect_ending_data
        expect_ending_data -= 100
        seen = 0

        def od(c):
            nonlocal seen
            seen += len(c)
            if seen >= 100:
                # Seen enough
                r.removeListener("data", od)
                r.pause()
                if seen > 100:
                    # Oh no, seen too much!
                    # Put the extra back.
                    diff = seen - 100
                    r.unshift(c[len(c) - diff :])
                # Nothing should be lost in-between.
                setImmediate(pipe_little)

        r.on("data", od)

    # Just pipe 200 bytes, then unshift the extra and unpipe
    def pipe_little():
        nonlocal expect_ending_data
        expect_ending_data -= 200
        w = Writable()
        written = 0

        def on_finish():
            assert written == 200
            setImmediate(read1234)

        w.on("finish", on_finish)

        def _write(chunk, encoding, cb):
            nonlocal written
            written += len(chunk)
            if written >= 200:
                r.unpipe(w)
                w.end()
                cb()
                if written > 200:
                    diff = written - 200
                    written -= diff
                    r.unshift(chunk[len(chunk) - diff :])
            else:
                setImmediate(cb)

        w._write = _write
        r.pipe(w)

    # Now read 1234 more bytes.
    def read1234():
        readn(1234, resume_pause)

    def resume_pause():
        # Don't read anything, just resume and re-pause a whole bunch.
        r.resume()
        r.pause()
        r.resume()
        r.pause()
        r.resume()
        r.pause()
        r.resume()
        r.pause()
        r.resume()
        r.pause()
        setImmediate(pipe)

    def pipe():
        w = Writable()
        written = 0

        def _write(chunk, encoding, cb):
            nonlocal written
            written += len(chunk)
            cb()

        w._write = _write

        def on_finish():
            assert written == expect_ending_data
            assert total_pushed == expect_total_data

        # (Node prints 'ok' here; the port checks that it gets this far.)
        w.on("finish", common.mustCall(on_finish))
        r.pipe(w)

    read100()
    run()
