"""Port of test/parallel/test-stream2-writable.js.

``process.stdout`` (the pipe() destination of two blocks) is replaced by a plain Writable:
nodenet_uv has no process.stdout, and those blocks only check that pipe() errors (a
Writable source) or does not (a Duplex source).
"""

import random

import pytest

from nodenet_uv import run
from nodenet_uv._internal.buffer import buffer_from_string, buffer_to_string
from nodenet_uv.process import process
from nodenet_uv.stream import Duplex as D
from nodenet_uv.stream import Writable as W
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


class TestWriter(W):
    __test__ = False  # not a pytest class

    def __init__(self, opts=None, **kwargs):
        super().__init__(opts, **kwargs)
        self.buffer = []
        self.written = 0

    def _write(self, chunk, encoding, cb):
        # Simulate a small unpredictable latency
        def later():
            self.buffer.append(buffer_to_string(chunk))
            self.written += len(chunk)
            cb()

        setTimeout(later, random.randrange(10))


chunks = ["x" * i for i in range(50)]

ENCODINGS = [
    "hex",
    "utf8",
    "utf-8",
    "ascii",
    "latin1",
    "binary",
    "base64",
    "ucs2",
    "ucs-2",
    "utf16le",
    "utf-16le",
    None,
]


def _stdout_stand_in():
    # DIVERGENCE: process.stdout does not exist here; a Writable that accepts anything.
    return W({"write": lambda chunk, encoding, cb: cb()})


def test_fast_writing() -> None:
    # Verify fast writing
    tw = TestWriter({"highWaterMark": 100})

    def on_finish():
        # Got chunks in the right order
        assert tw.buffer == chunks

    tw.on("finish", common.mustCall(on_finish))

    for chunk in chunks:
        # Ignore backpressure. Just buffer it all up.
        tw.write(chunk)
    tw.end()
    run()


def test_slow_writing() -> None:
    # Verify slow writing
    tw = TestWriter({"highWaterMark": 100})

    def on_finish():
        #  Got chunks in the right order
        assert tw.buffer == chunks

    tw.on("finish", common.mustCall(on_finish))

    i = 0

    def w():
        nonlocal i
        tw.write(chunks[i])
        i += 1
        if i < len(chunks):
            setTimeout(w, 10)
        else:
            tw.end()

    w()
    run()


def test_write_backpressure() -> None:
    # Verify write backpressure
    tw = TestWriter({"highWaterMark": 50})

    drains = 0

    def on_finish():
        # Got chunks in the right order
        assert tw.buffer == chunks
        assert drains == 17

    tw.on("finish", common.mustCall(on_finish))

    def on_drain():
        nonlocal drains
        drains += 1

    tw.on("drain", on_drain)

    i = 0

    def w():
        nonlocal i
        while True:
            ret = tw.write(chunks[i])
            i += 1
            if not (ret is not False and i < len(chunks)):
                break

        if i < len(chunks):
            assert tw.writableLength >= 50
            tw.once("drain", w)
        else:
            tw.end()

    w()
    run()


def test_write_buffersize() -> None:
    # Verify write buffersize
    tw = TestWriter({"highWaterMark": 100})

    def on_finish():
        # Got the expected chunks
        assert tw.buffer == chunks

    tw.on("finish", on_finish)

    for i, chunk in enumerate(chunks):
        enc = ENCODINGS[i % len(ENCODINGS)]
        buf = buffer_from_string(chunk)
        tw.write(buffer_to_string(buf, enc or "utf8"), enc)
    run()


def test_write_no_buffersize() -> None:
    # Verify write with no buffersize
    tw = TestWriter({"highWaterMark": 100, "decodeStrings": False})

    def _write(chunk, encoding, cb):
        assert isinstance(chunk, str)
        chunk = buffer_from_string(chunk, encoding)
        return TestWriter._write(tw, chunk, encoding, cb)

    tw._write = _write

    def on_finish():
        # Got the expected chunks
        assert tw.buffer == chunks

    tw.on("finish", on_finish)

    for i, chunk in enumerate(chunks):
        enc = ENCODINGS[i % len(ENCODINGS)]
        buf = buffer_from_string(chunk)
        tw.write(buffer_to_string(buf, enc or "utf8"), enc)
    run()


def test_write_callbacks() -> None:
    # Verify write callbacks
    called = {}

    def make_callback(i, chunk):
        def callback(err):
            assert err is None
            called[i] = chunk

        return callback

    callbacks = {f"callback-{i}": make_callback(i, chunk) for i, chunk in enumerate(chunks)}

    tw = TestWriter({"highWaterMark": 100})

    def on_finish():
        def check():
            # Got chunks in the right order
            assert tw.buffer == chunks
            # Called all callbacks
            assert [called.get(i) for i in range(len(chunks))] == chunks

        process.nextTick(common.mustCall(check))

    tw.on("finish", common.mustCall(on_finish))

    for i, chunk in enumerate(chunks):
        tw.write(chunk, callbacks[f"callback-{i}"])
    tw.end()
    run()


def _null_err(err):
    assert err is None


def test_end_callback() -> None:
    # Verify end() callback
    tw = TestWriter()
    tw.end(common.mustCall(_null_err))
    run()


helloWorldBuffer = b"hello world"


def test_end_callback_with_chunk() -> None:
    # Verify end() callback with chunk
    tw = TestWriter()
    tw.end(helloWorldBuffer, common.mustCall(_null_err))
    run()


def test_end_callback_with_chunk_and_encoding() -> None:
    # Verify end() callback with chunk and encoding
    tw = TestWriter()
    tw.end("hello world", "ascii", common.mustCall())
    run()


def test_end_callback_after_write() -> None:
    # Verify end() callback after write() call
    tw = TestWriter()
    tw.write(helloWorldBuffer)
    tw.end(common.mustCall())
    run()


def test_end_callback_after_write_callback() -> None:
    # Verify end() callback after write() callback
    tw = TestWriter()
    write_calledback = False

    def write_cb():
        nonlocal write_calledback
        write_calledback = True

    tw.write(helloWorldBuffer, write_cb)

    def end_cb():
        assert write_calledback is True

    tw.end(common.mustCall(end_cb))
    run()


def test_encoding_ignored_for_buffers() -> None:
    # Verify encoding is ignored for buffers
    tw = W()
    hex = "018b5e9a8f6236ffe30e31baf80d2cf6eb"

    def _write(chunk):
        assert chunk.hex() == hex

    tw._write = common.mustCall(_write)
    buf = bytes.fromhex(hex)
    tw.write(buf, "latin1")
    run()


def test_writables_cannot_be_piped() -> None:
    # Verify writables cannot be piped
    w = W({"autoDestroy": False})
    w._write = common.mustNotCall()
    got_error = False

    def on_error(*_):
        nonlocal got_error
        got_error = True

    w.on("error", on_error)
    w.pipe(_stdout_stand_in())
    assert got_error is True
    run()


def test_duplex_can_be_piped() -> None:
    # Verify that duplex streams cannot be piped
    d = D()
    d._read = common.mustCall()
    d._write = common.mustNotCall()
    got_error = False

    def on_error(*_):
        nonlocal got_error
        got_error = True

    d.on("error", on_error)
    d.pipe(_stdout_stand_in())
    assert got_error is False
    run()


def test_end_chunk_twice() -> None:
    # Verify that end(chunk) twice is an error
    w = W()

    def _write(msg):
        assert buffer_to_string(msg) == "this is the end"

    w._write = common.mustCall(_write)
    got_error = False

    def on_error(er):
        nonlocal got_error
        got_error = True
        assert str(er) == "write after end"

    w.on("error", on_error)
    w.end("this is the end")
    w.end("and so is this")

    def check():
        assert got_error is True

    process.nextTick(common.mustCall(check))
    run()


def test_no_end_while_writing() -> None:
    # Verify stream doesn't end while writing
    w = W()
    wrote = False

    def _write(chunk, e, cb):
        nonlocal wrote
        assert getattr(w, "writing", None) is None
        wrote = True
        w.writing = True

        def later():
            w.writing = False
            cb()

        setTimeout(later, 1)

    w._write = _write

    def on_finish():
        assert wrote is True
        assert w.writing is False

    w.on("finish", common.mustCall(on_finish))
    w.write(b"")
    w.end()
    run()


def test_finish_after_async_write_callback() -> None:
    # Verify finish does not come before write() callback
    w = W()
    write_cb = False

    def _write(chunk, e, cb):
        def later():
            nonlocal write_cb
            write_cb = True
            cb()

        setTimeout(later, 10)

    w._write = _write

    def on_finish():
        assert write_cb is True

    w.on("finish", common.mustCall(on_finish))
    w.write(b"")
    w.end()
    run()


def test_finish_after_sync_write_callback() -> None:
    # Verify finish does not come before synchronous _write() callback
    w = W()
    write_cb = False

    def _write(chunk, e, cb):
        cb()

    w._write = _write

    def on_finish():
        assert write_cb is True

    def on_written():
        nonlocal write_cb
        write_cb = True

    w.on("finish", common.mustCall(on_finish))
    w.write(b"", on_written)
    w.end()
    run()


def test_finish_if_last_chunk_empty() -> None:
    # Verify finish is emitted if the last chunk is empty
    w = W()
    w._write = lambda chunk, e, cb: process.nextTick(cb)
    w.on("finish", common.mustCall())
    w.write(bytes(1))
    w.end(b"")
    run()


def test_finish_after_shutdown() -> None:
    # Verify that finish is emitted after shutdown
    w = W()
    shutdown = False

    def _final(cb):
        # JS: assert.strictEqual(this, w) (a closure over w here).
        def later():
            nonlocal shutdown
            shutdown = True
            cb()

        setTimeout(later, 100)

    w._final = common.mustCall(_final)
    w._write = lambda chunk, e, cb: process.nextTick(cb)

    def on_finish():
        assert shutdown is True

    w.on("finish", common.mustCall(on_finish))
    w.write(bytes(1))
    w.end(b"")
    run()


def test_error_once_when_final_fails() -> None:
    # Verify that error is only emitted once when failing in _finish.
    w = W()

    w._final = common.mustCall(lambda cb: cb(Exception("test")))

    def on_error(err):
        assert w._writableState.errorEmitted is True
        assert str(err) == "test"
        w.on("error", common.mustNotCall())
        w.destroy(Exception())

    w.on("error", common.mustCall(on_error))
    w.end()
    run()


def test_write_null_throws() -> None:
    # Verify that error is only emitted once when failing in write.
    w = W()
    w.on("error", common.mustNotCall())
    with pytest.raises(Exception) as info:
        w.write(None)
    common.check_error(info.value, {"code": "ERR_STREAM_NULL_VALUES"})
    run()


def test_error_once_write_after_end() -> None:
    # Verify that error is only emitted once when failing in write after end.
    w = W()

    def on_error(err):
        assert w._writableState.errorEmitted is True
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"

    w.on("error", common.mustCall(on_error))
    w.end()
    w.write("hello")
    w.destroy(Exception())
    run()


def test_no_finish_after_error() -> None:
    # Verify that finish is not emitted after error
    w = W()

    w._final = common.mustCall(lambda cb: cb(Exception()))
    w._write = lambda chunk, e, cb: process.nextTick(cb)
    w.on("error", common.mustCall())
    w.on("prefinish", common.mustNotCall())
    w.on("finish", common.mustNotCall())
    w.write(bytes(1))
    w.end(b"")
    run()
