"""Port of test/parallel/test-stream-writable-write-writev-finish.js."""

# Ensure consistency between the finish event when using cork()
# and writev and when not using them

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def _expect_message(msg):
    def check(er):
        assert str(er) == msg

    return common.mustCall(check)


def test_sync_write_error() -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: cb(Exception("write test error"))

    writable.on("finish", common.mustNotCall())
    writable.on("prefinish", common.mustNotCall())
    writable.on("error", _expect_message("write test error"))

    writable.end("test")
    run()


def test_async_write_error() -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: setImmediate(cb, Exception("write test error"))

    writable.on("finish", common.mustNotCall())
    writable.on("prefinish", common.mustNotCall())
    writable.on("error", _expect_message("write test error"))

    writable.end("test")
    run()


def test_sync_writev_error() -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: cb(Exception("write test error"))
    writable._writev = lambda chunks, cb: cb(Exception("writev test error"))

    writable.on("finish", common.mustNotCall())
    writable.on("prefinish", common.mustNotCall())
    writable.on("error", _expect_message("writev test error"))

    writable.cork()
    writable.write("test")

    setImmediate(lambda: writable.end("test"))
    run()


def test_async_writev_error() -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: setImmediate(cb, Exception("write test error"))
    writable._writev = lambda chunks, cb: setImmediate(cb, Exception("writev test error"))

    writable.on("finish", common.mustNotCall())
    writable.on("prefinish", common.mustNotCall())
    writable.on("error", _expect_message("writev test error"))

    writable.cork()
    writable.write("test")

    setImmediate(lambda: writable.end("test"))
    run()


# Regression test for
# https://github.com/nodejs/node/issues/13812


def test_pipe_async_error() -> None:
    rs = Readable()
    rs.push("ok")
    rs.push(None)
    rs._read = lambda n=None: None

    ws = Writable()

    ws.on("finish", common.mustNotCall())
    ws.on("error", common.mustCall())

    ws._write = lambda chunk, encoding, done: setImmediate(done, Exception())
    rs.pipe(ws)
    run()


def test_pipe_sync_error() -> None:
    rs = Readable()
    rs.push("ok")
    rs.push(None)
    rs._read = lambda n=None: None

    ws = Writable()

    ws.on("finish", common.mustNotCall())
    ws.on("error", common.mustCall())

    ws._write = lambda chunk, encoding, done: done(Exception())
    rs.pipe(ws)
    run()


def test_write_in_prefinish() -> None:
    w = Writable()
    w._write = lambda chunk, encoding, cb: next_tick(cb)
    w.on("error", common.mustCall())
    w.on("finish", common.mustNotCall())
    w.on("prefinish", lambda: w.write("shouldn't write in prefinish listener"))
    w.end()
    run()


def test_write_in_finish() -> None:
    w = Writable()
    w._write = lambda chunk, encoding, cb: next_tick(cb)
    w.on("error", common.mustCall())
    w.on("finish", lambda: w.write("shouldn't write in finish listener"))
    w.end()
    run()
