"""Port of test/parallel/test-stream2-push.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.timers import setImmediate, setTimeout


def test_push() -> None:
    stream = Readable({"highWaterMark": 16, "encoding": "utf8"})

    source = EventEmitter()

    reading = False
    ended = False
    finished = False

    def read_start():
        nonlocal reading
        reading = True

    def read_stop():
        nonlocal reading
        reading = False

        def later():
            r = stream.read()
            if r is not None:
                writer.write(r)

        next_tick(later)

    stream._read = lambda n: read_start()

    def on_end():
        nonlocal ended
        ended = True

    stream.on("end", on_end)

    def on_data(chunk):
        ret = stream.push(chunk)
        if not ret:
            read_stop()

    source.on("data", on_data)
    source.on("end", lambda: stream.push(None))

    writer = Writable({"decodeStrings": False})

    written = []

    expect_written = ["asdfgasdfgasdfgasdfg"] * 6

    def _write(chunk, encoding, cb):
        written.append(chunk)
        next_tick(cb)

    writer._write = _write

    def finish():
        nonlocal finished
        assert written == expect_written
        finished = True

    writer.on("finish", finish)

    # Now emit some chunks.

    chunk = "asdfg"

    set_ = 0
    read_start()

    def data():
        nonlocal set_
        assert reading
        source.emit("data", chunk)
        assert reading
        source.emit("data", chunk)
        assert reading
        source.emit("data", chunk)
        assert reading
        source.emit("data", chunk)
        assert not reading
        set_ += 1
        if set_ - 1 < 5:
            setTimeout(data, 10)
        else:
            end()

    def end():
        source.emit("end")
        assert not reading
        writer.end(stream.read())

        def check():
            assert ended

        setImmediate(check)

    data()
    run()
    assert finished
