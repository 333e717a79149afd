"""Port of test/parallel/test-stream-finished.js.

Left out: the fs.createReadStream blocks (fs streams) and the http server/request blocks
(http); nodenet_uv has neither. ``promisify(finished)`` is stream/promises ``finished``
(what Node's util.promisify returns for it, through its custom-promisify getter). The
pre-aborted "signal" that is a bare EventTarget with ``aborted = true`` is a plain object
with an ``aborted`` attribute (there is no EventTarget here).
"""

import re

import pytest

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.events import EventEmitter as EE
from nodenet_uv.events import once
from nodenet_uv.process import process
from nodenet_uv.stream import Duplex, PassThrough, Readable, Stream, Transform, Writable, finished
from nodenet_uv.stream import promises as stream_promises
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate, setTimeout

finishedPromise = stream_promises.finished


class _PreAbortedSignal:
    """`const signal = new EventTarget(); signal.aborted = true;`"""

    aborted = True


class _JsObject:
    """A JS plain object: a missing property reads as undefined (None)."""

    def __getattr__(self, name):
        return None


def _empty():
    # (function* () {})()
    yield from ()


def _abort_error(err):
    assert err.name == "AbortError"


def _premature_close(err):
    assert err.code == "ERR_STREAM_PREMATURE_CLOSE"


def test_readable() -> None:
    rs = Readable({"read": lambda n: None})

    finished(rs, common.mustSucceed())

    rs.push(None)
    rs.resume()
    run()


def test_writable() -> None:
    ws = Writable({"write": lambda data, enc, cb: cb()})

    finished(ws, common.mustSucceed())

    ws.end()
    run()


def test_transform() -> None:
    tr = Transform({"transform": lambda data, enc, cb: cb()})

    finish = False
    ended = False

    def on_end():
        nonlocal ended
        ended = True

    def on_finish():
        nonlocal finish
        finish = True

    tr.on("end", on_end)
    tr.on("finish", on_finish)

    def done():
        assert finish
        assert ended

    finished(tr, common.mustSucceed(done))

    tr.end()
    tr.resume()
    run()


# fs.createReadStream(__filename) + finished, and the same through promisify(finished):
# not ported (fs streams).


def test_pre_cancelled() -> None:
    # Check pre-cancelled
    signal = _PreAbortedSignal()

    rs = Readable.from_(_empty())
    finished(rs, {"signal": signal}, common.mustCall(_abort_error))
    run()


def test_cancelled_before_end_sync() -> None:
    # Check cancelled before the stream ends sync.
    ac = AbortController()
    signal = ac.signal

    rs = Readable.from_(_empty())
    finished(rs, {"signal": signal}, common.mustCall(_abort_error))

    ac.abort()
    run()


def test_cancelled_before_end_async() -> None:
    # Check cancelled before the stream ends async.
    ac = AbortController()
    signal = ac.signal

    rs = Readable.from_(_empty())
    setTimeout(lambda: ac.abort(), 1)
    finished(rs, {"signal": signal}, common.mustCall(_abort_error))
    run()


def test_cancelled_after_does_not_throw() -> None:
    # Check cancelled after doesn't throw.
    ac = AbortController()
    signal = ac.signal

    def gen():
        yield 5
        setImmediate(lambda: ac.abort())

    rs = Readable.from_(gen())
    rs.resume()
    finished(rs, {"signal": signal}, common.mustSucceed())
    run()


def test_promisified_abort() -> None:
    # Promisified abort works
    async def main():
        ac = AbortController()
        signal = ac.signal
        rs = Readable.from_(_empty())
        setImmediate(lambda: ac.abort())
        await finishedPromise(rs, {"signal": signal})

    spawn(main()).then(common.mustNotCall(), common.mustCall(_abort_error))
    run()


def test_promisified_pre_aborted() -> None:
    # Promisified pre-aborted works
    async def main():
        signal = _PreAbortedSignal()
        rs = Readable.from_(_empty())
        await finishedPromise(rs, {"signal": signal})

    spawn(main()).then(common.mustNotCall(), common.mustCall(_abort_error))
    run()


# fs.createReadStream('file-does-not-exist') + finished (ENOENT): not ported (fs streams).


def test_close_after_push_null_is_no_error() -> None:
    rs = Readable()

    finished(rs, common.mustSucceed())

    rs.push(None)
    rs.emit("close")  # Should not trigger an error
    rs.resume()
    run()


def test_close_before_end_is_premature() -> None:
    rs = Readable()

    def check(err):
        assert err, "premature close error"

    finished(rs, common.mustCall(check))

    rs.emit("close")  # Should trigger error
    rs.push(None)
    rs.resume()
    run()


def test_invalid_arguments() -> None:
    # Test faulty input values and options.
    rs = Readable({"read": lambda n: None})

    with pytest.raises(Exception) as info:
        finished(rs, "foo")
    common.check_error(
        info.value, {"code": "ERR_INVALID_ARG_TYPE", "message": re.compile("callback")}
    )
    with pytest.raises(Exception) as info:
        finished(rs, "foo", lambda: None)
    common.check_error(
        info.value, {"code": "ERR_INVALID_ARG_TYPE", "message": re.compile("options")}
    )
    with pytest.raises(Exception) as info:
        finished(rs, {}, "foo")
    common.check_error(
        info.value, {"code": "ERR_INVALID_ARG_TYPE", "message": re.compile("callback")}
    )

    finished(rs, None, common.mustCall())

    rs.push(None)
    rs.resume()
    run()


def test_cleanup_removes_listeners_writable() -> None:
    # Test that calling returned function removes listeners
    ws = Writable({"write": lambda data, env, cb: cb()})
    remove_listener = finished(ws, common.mustNotCall())
    remove_listener()
    ws.end()
    run()


def test_cleanup_removes_listeners_readable() -> None:
    rs = Readable()
    remove_listeners = finished(rs, common.mustNotCall())
    remove_listeners()

    rs.emit("close")
    rs.push(None)
    rs.resume()
    run()


def test_stream_like_event_emitter_throws() -> None:
    stream_like = EE()
    stream_like.readableEnded = True
    stream_like.readable = True
    with pytest.raises(Exception) as info:
        finished(stream_like, lambda: None)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
    stream_like.emit("close")


def test_writable_false_destroyed() -> None:
    writable = Writable({"write": lambda: None})
    writable.writable = False
    writable.destroy()
    finished(writable, common.mustCall(_premature_close))
    run()


def test_readable_false_destroyed() -> None:
    readable = Readable()
    readable.readable = False
    readable.destroy()
    finished(readable, common.mustCall(_premature_close))
    run()


def test_end_then_destroy_is_premature() -> None:
    w = Writable({"write": lambda chunk, encoding, callback: setImmediate(callback)})
    finished(w, common.mustCall(_premature_close))
    w.end("asd")
    w.destroy()
    run()


def _test_closed(factory):
    # If already destroyed but finished is cancelled in same tick
    # don't invoke the callback,
    s = factory()
    s.destroy()
    dispose = finished(s, common.mustNotCall())
    dispose()

    # If already destroyed invoked callback.
    s = factory()
    s.destroy()
    finished(s, common.mustCall())

    # Don't invoke until destroy has completed.
    destroyed = False

    def destroy_later(err, cb):
        def later():
            nonlocal destroyed
            destroyed = True
            cb()

        setImmediate(later)

    s = factory({"destroy": destroy_later})
    s.destroy()

    def check_destroyed():
        assert destroyed is True

    finished(s, common.mustCall(check_destroyed))

    # Invoke callback even if close is inhibited.
    def destroy_no_close(err, cb):
        cb()
        finished(s2, common.mustCall())

    s2 = factory({"emitClose": False, "destroy": destroy_no_close})
    s2.destroy()

    # Invoke with deep async.
    def destroy_deep(err, cb):
        def later():
            cb()
            setImmediate(lambda: finished(s3, common.mustCall()))

        setImmediate(later)

    s3 = factory({"destroy": destroy_deep})
    s3.destroy()


def test_closed_readable() -> None:
    _test_closed(lambda opts=None: Readable({**(opts or {})}))
    run()


def test_closed_writable() -> None:
    _test_closed(lambda opts=None: Writable({"write": lambda: None, **(opts or {})}))
    run()


def test_finished_after_end_no_auto_destroy() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: cb(), "autoDestroy": False})
    w.end("asd")
    process.nextTick(lambda: finished(w, common.mustCall()))
    run()


def test_finished_after_error_no_auto_destroy() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: cb(Exception()), "autoDestroy": False})
    w.write("asd")
    w.on("error", common.mustCall(lambda *_: finished(w, common.mustCall())))
    run()


def test_finished_after_end_readable_no_auto_destroy() -> None:
    r = Readable({"autoDestroy": False})
    r.push(None)
    r.resume()
    r.on("end", common.mustCall(lambda: finished(r, common.mustCall())))
    run()


# fs.createReadStream(__filename, { autoClose: false }) + finished after 'end': not ported
# (fs streams).


def test_fake_writable_state_errored_close() -> None:
    d = EE()
    d._writableState = _JsObject()
    d._writableState.finished = True
    finished(d, {"readable": False, "writable": True}, common.mustCall(_premature_close))
    d._writableState.errored = True
    d.emit("close")
    run()


def test_destroy_before_end_is_premature() -> None:
    r = Readable()
    finished(r, common.mustCall(_premature_close))
    r.push("asd")
    r.push(None)
    r.destroy()
    run()


def _never_final_duplex():
    def read(n=None):
        d.push(None)

    d = Duplex(
        {
            "final": lambda cb: None,  # Never close writable side for test purpose
            "read": read,
        }
    )
    return d


def test_duplex_readable_only() -> None:
    d = _never_final_duplex()

    d.on("end", common.mustCall())

    finished(d, {"readable": True, "writable": False}, common.mustCall())

    d.end()
    d.resume()
    run()


def test_duplex_readable_only_after_end() -> None:
    d = _never_final_duplex()

    d.on("end", common.mustCall())

    d.end()
    finished(d, {"readable": True, "writable": False}, common.mustCall())

    d.resume()
    run()


def test_destroyed_set_by_user_compat() -> None:
    # Test for compat for e.g. fd-slicer which implements
    # non standard destroy behavior which might not emit
    # 'close'.
    r = Readable()
    finished(r, common.mustCall())
    r.resume()
    r.push("asd")
    r.destroyed = True
    r.push(None)
    run()


def test_regression_33130() -> None:
    # Regression https://github.com/nodejs/node/issues/33130
    response = PassThrough()

    class HelloWorld(Duplex):
        def __init__(self, response):
            super().__init__({"autoDestroy": False})

            self.response = response
            self.readMore = False

            response.once("end", lambda: self.push(None))

            def on_readable():
                if self.readMore:
                    self._read()

            response.on("readable", on_readable)

        def _read(self, n=None):
            response = self.response

            self.readMore = True

            if response.readableLength:
                self.readMore = False

            while (data := response.read()) is not None:
                self.push(data)

    instance = HelloWorld(response)
    instance.setEncoding("utf8")
    instance.end()

    async def main():
        await once(instance, "finish")

        def later():
            response.write("chunk 1")
            response.write("chunk 2")
            response.write("chunk 3")
            response.end()

        setImmediate(later)

        res = ""
        async for data in instance:
            res += data

        assert res == "chunk 1chunk 2chunk 3"

    spawn(main()).then(common.mustCall())
    run()


def test_passthrough_end_not_finished_yet() -> None:
    p = PassThrough()
    p.end()
    finished(p, common.mustNotCall())
    run()


def test_passthrough_finish_not_finished_yet() -> None:
    p = PassThrough()
    p.end()
    p.on("finish", common.mustCall(lambda: finished(p, common.mustNotCall())))
    run()


# http: finished(res) in the response's 'close', and finished(req) after req.destroy():
# not ported (http).


def test_aborted_event() -> None:
    w = Writable({"write": lambda chunk, encoding, callback: process.nextTick(callback)})
    w.aborted = False
    w.end()
    closed = False

    def on_finish():
        assert closed is False
        w.emit("aborted")

    w.on("finish", on_finish)

    def on_close():
        nonlocal closed
        closed = True

    w.on("close", common.mustCall(on_close))

    def done():
        assert closed is True

    finished(w, common.mustCall(done))
    run()


def test_destroyed_with_error_twice() -> None:
    w = Writable()
    _err = Exception()
    w.destroy(_err)
    assert w.errored is _err

    def first(err):
        assert _err is err
        assert w.closed is True

        def second(err):
            assert _err is err

        finished(w, common.mustCall(second))

    finished(w, common.mustCall(first))
    run()


def test_destroyed_without_error_twice() -> None:
    w = Writable()
    w.destroy()
    assert w.errored is None

    def first(err):
        assert w.closed is True
        assert err.code == "ERR_STREAM_PREMATURE_CLOSE"
        finished(w, common.mustCall(_premature_close))

    finished(w, common.mustCall(first))
    run()


def test_legacy_stream() -> None:
    # Legacy Streams do not inherit from Readable or Writable.
    # We cannot really assume anything about them, so we cannot close them
    # automatically.
    s = Stream()
    finished(s, common.mustNotCall())
    run()


# http: fs.createReadStream(__filename).pipe(res) + finished(res) and finished on the
# client response: not ported (http, fs streams).


def test_duplex_writable_only() -> None:
    is_called = False

    def write(chunk, enc, cb):
        def later():
            nonlocal is_called
            is_called = True
            cb()

        setImmediate(later)

    stream = Duplex({"write": write})

    stream.end("foo")

    def check(err=None):
        assert not err
        assert is_called is True
        assert stream._writableState.pendingcb == 0

    finished(stream, {"readable": False}, common.mustCall(check))
    run()


def test_old_stream_without_pendingcb() -> None:
    stream = Duplex({"write": lambda chunk, enc, cb: None})

    stream.end("foo")

    # Simulate an old stream implementation that doesn't have pendingcb
    # (``delete stream._writableState.pendingcb``)
    del stream._writableState.pendingcb

    finished(stream, {"readable": False}, common.mustCall())
    run()
