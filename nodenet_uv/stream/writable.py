"""Port of Node.js lib/internal/streams/writable.js: Writable and WritableState.

Implement ``_write(chunk, encoding, cb)`` (or pass ``write=`` in the options) and
Writable handles buffering, back-pressure ('drain'), cork/uncork with ``_writev``, end,
``_final``, 'prefinish'/'finish' and destroy, in Node's order.

Node keeps WritableState's flags in a ``kState`` bit field; here each flag is one
``__slots__`` field under Node's name (``ending``, ``needDrain``, ...), which is what a
Python attribute test costs anyway. Values: chunks are ``bytes`` (``bytearray`` and
``memoryview`` are accepted as Buffer/TypedArray/DataView and passed on uncopied); a
``str`` is encoded to ``bytes`` unless ``decodeStrings`` is false.
"""

from __future__ import annotations

import functools
from _thread import get_ident
from collections.abc import Callable
from types import CoroutineType
from typing import TYPE_CHECKING, Any

from nodenet_uv import errors
from nodenet_uv._internal import task_queues as _tq
from nodenet_uv._internal.arity import arg_limit, limited
from nodenet_uv._internal.buffer import buffer_from_string, is_encoding
from nodenet_uv._internal.inspect import js_truthy
from nodenet_uv._internal.naming import NodeNames, alias_module, node_options
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import destroy as destroyImpl
from nodenet_uv.stream.legacy import Stream
from nodenet_uv.stream.state import (
    WRITABLE_OPTIONS,
    getDefaultHighWaterMark,
    getHighWaterMark,
)

__all__ = ["Writable", "WritableState"]

errorOrDestroy = destroyImpl.errorOrDestroy


# The C accelerator (issue 17): None with NODENET_UV_PURE=1 or when it is not built.
try:
    from nodenet_uv._speedups import Writable_write as _sp_write
except ImportError:
    _sp_write = None  # type: ignore[assignment]


def nop(*_: Any) -> None:
    return None


# -- callbacks that declare fewer parameters than Node passes ------------------------------

_last_adapted: list[Any] = [None, None]


def _adapt(cb: Callable[..., Any]) -> Callable[..., Any]:
    """A user callback taking no parameter still gets called as cb(err) (JS drops args)."""
    if _last_adapted[0] is cb:
        adapted_cb: Callable[..., Any] = _last_adapted[1]
        return adapted_cb
    if arg_limit(cb) != 0:
        return cb

    def adapted(*_: Any) -> Any:
        return cb()

    # One-entry cache so that the same callback passed to every write() stays the same
    # object (afterWriteTick batches calls of one callback).
    _last_adapted[0] = cb
    _last_adapted[1] = adapted
    return adapted


class _Buffered(list[Any]):
    """The chunk list handed to _writev: Node sets ``chunks.allBuffers`` on the array."""

    __slots__ = ("allBuffers",)

    allBuffers: bool


class _AfterWriteTickInfo:
    __slots__ = ("cb", "count", "state", "stream")

    def __init__(self, count: int, cb: Callable[..., Any], stream: Any, state: Any) -> None:
        self.count = count
        self.cb = cb
        self.stream = stream
        self.state = state


class WritableState(NodeNames):
    """Node's WritableState: one slot per Node field."""

    __slots__ = (
        "_buffered",
        "_onFinished",
        "afterWritePending",
        "afterWriteTickInfo",
        "allBuffers",
        "allNoop",
        "autoDestroy",
        "bufferProcessing",
        "bufferedIndex",
        "closeEmitted",
        "closed",
        "constructed",
        "corked",
        "decodeStrings",
        "defaultEncoding",
        "destroyed",
        "emitClose",
        "ended",
        "ending",
        "errorEmitted",
        "errored",
        "expectWriteCb",
        "finalCalled",
        "finished",
        "highWaterMark",
        "length",
        "needDrain",
        "objectMode",
        "onwrite",
        "pendingcb",
        "prefinished",
        "sync",
        "writable",
        "writecb",
        "writelen",
        "writing",
    )

    # Set by resetBuffer().
    _buffered: _Buffered | None
    bufferedIndex: int
    allBuffers: bool
    allNoop: bool

    def __init__(self, options: Any, stream: Any, isDuplex: bool = False) -> None:
        opts = options if isinstance(options, dict) else None
        # Object stream flag to indicate whether or not this stream
        # contains buffers or objects.
        self.objectMode = bool(
            opts and (opts.get("objectMode") or (isDuplex and opts.get("writableObjectMode")))
        )

        # The point at which write() starts returning false
        # Note: 0 is a valid value, means that we always return false if
        # the entire buffer is not flushed immediately on write().
        self.highWaterMark = (
            getHighWaterMark(self, opts, "writableHighWaterMark", isDuplex)
            if opts is not None
            else getDefaultHighWaterMark(False)
        )

        # if _final has been called.
        self.finalCalled = False
        # drain event flag.
        self.needDrain = False
        # At the start of calling end()
        self.ending = False
        # When end() has been called, and returned.
        self.ended = False
        # When 'finish' is emitted.
        self.finished = False
        # Has it been destroyed.
        self.destroyed = False

        # Should we decode strings into buffers before passing to _write?
        # this is here so that some node-core streams can optimize string
        # handling at a lower level.
        self.decodeStrings = not (opts is not None and opts.get("decodeStrings") is False)

        # Should close be emitted on destroy. Defaults to true.
        self.emitClose = not (opts is not None and opts.get("emitClose") is False)

        # Should .destroy() be called after 'finish' (and potentially 'end').
        self.autoDestroy = not (opts is not None and opts.get("autoDestroy") is False)

        # Crypto is kind of old and crusty.  Historically, its default string
        # encoding is 'binary' so we have to make this configurable.
        # Everything else in the universe uses 'utf8', though.
        default_encoding = opts.get("defaultEncoding") if opts is not None else None
        if default_encoding is None or default_encoding in ("utf8", "utf-8"):
            self.defaultEncoding = "utf8"
        elif is_encoding(default_encoding):
            self.defaultEncoding = default_encoding
        else:
            raise errors.ERR_UNKNOWN_ENCODING(default_encoding)

        # Not an actual buffer we keep track of, but a measurement
        # of how much we're waiting to get pushed to some underlying
        # socket or file.
        self.length = 0

        # A flag to see when we're in the middle of a write.
        self.writing = False

        # When true all writes will be buffered until .uncork() call.
        self.corked = 0

        # A flag to be able to tell if the onwrite cb is called immediately,
        # or on a later tick.  We set this to true at first, because any
        # actions that shouldn't happen until "later" should generally also
        # not happen before the first write call.
        self.sync = True

        # A flag to know if we're processing previously buffered items, which
        # may call the _write() callback in the same tick, so that we don't
        # end up in an overlapped onwrite situation.
        self.bufferProcessing = False

        # The callback that's passed to _write(chunk, cb).
        self.onwrite = functools.partial(onwrite, stream)

        # The callback that the user supplies to write(chunk, encoding, cb).
        self.writecb: Callable[..., Any] = nop
        self.expectWriteCb = False

        # The amount that is being written when _write is called.
        self.writelen = 0

        # Storage for data passed to the afterWrite() callback in case of
        # synchronous _write() completion.
        self.afterWriteTickInfo: _AfterWriteTickInfo | None = None
        self.afterWritePending = False

        resetBuffer(self)

        # Number of pending user-supplied write callbacks
        # this must be 0 before 'finish' can be emitted.
        self.pendingcb = 0

        # Stream is still being constructed and cannot be
        # destroyed until construction finished or failed.
        # Async construction is opt in, therefore we start as
        # constructed.
        self.constructed = True

        # Emit prefinish if the only thing we're waiting for is _write cbs
        # This is relevant for synchronous Transform streams.
        self.prefinished = False

        # True if the error was already emitted and should not be thrown again.
        self.errorEmitted = False

        # Indicates whether the stream has errored. When true all write() calls
        # should return false. This is needed since when autoDestroy
        # is disabled we need a way to tell whether the stream has failed.
        self.errored: Any = None

        # Indicates whether the stream has finished destroying.
        self.closed = False

        # True if close has been emitted or would have been emitted
        # depending on emitClose.
        self.closeEmitted = False

        # None unless a Duplex disabled its writable side (writable: false).
        self.writable: bool | None = None

        # end() callbacks waiting for 'finish' (Node: kOnFinished).
        self._onFinished: list[Callable[..., Any]] | None = None

    @property
    def buffered(self) -> list[dict[str, Any]]:
        b = self._buffered
        return b if b is not None else []

    def getBuffer(self) -> list[dict[str, Any]]:
        b = self._buffered
        return [] if b is None else list(b[self.bufferedIndex :])

    @property
    def bufferedRequestCount(self) -> int:
        b = self._buffered
        return 0 if b is None else len(b) - self.bufferedIndex

    def _on_constructed(self, stream: Any) -> None:
        if not self.writing:
            clearBuffer(stream, self)

        if self.ending:
            finishMaybe(stream, self)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        all_buffers: bool
        all_noop: bool
        buffered_index: int
        buffered_request_count = bufferedRequestCount
        get_buffer = getBuffer
    # END twins


def resetBuffer(state: WritableState) -> None:
    state._buffered = None
    state.bufferedIndex = 0
    state.allBuffers = True
    state.allNoop = True


class _WritableMeta(type):
    """Writable[Symbol.hasInstance]: a Duplex (a Readable with Writable mixed in) is a Writable."""

    def __instancecheck__(cls, obj: Any) -> bool:
        if type.__instancecheck__(cls, obj):
            return True
        if cls is not Writable:
            return False
        return isinstance(getattr(obj, "_writableState", None), WritableState)


class Writable(Stream, metaclass=_WritableMeta):
    """Node's stream.Writable.

    Options (dict and/or keyword arguments, Node's keys or snake_case): highWaterMark,
    decodeStrings, defaultEncoding, objectMode, emitClose, autoDestroy, signal, and the
    implementation functions write(chunk, encoding, cb), writev(chunks, cb), final(cb),
    destroy(err, cb), construct(cb).
    """

    # DIVERGENCE: the methods below never use zero-argument super(): Duplex copies them
    # onto a class that does not inherit from Writable (Node copies prototype methods).

    _writev: Callable[..., Any] | None = None
    _final: Callable[..., Any] | None = None
    _construct: Callable[..., Any] | None = None
    # DIVERGENCE: a JS Buffer cannot change size; a bytearray can. A stream that sends
    # its chunks (net.Socket sets this) holds a mutable one through a buffer export from
    # write() until the write completes (a memoryview of the same memory, no copy):
    # resizing it meanwhile raises BufferError, so what writableLength/bytesWritten count
    # is what is sent, while in-place changes show through, as in Node. (pyuv releases its
    # own export of a queued remainder after the write callback returns: resizing inside
    # that callback still raises; on the next tick it is free.) Other streams hand their
    # _write the bytearray itself, as Node hands it a Buffer over the same memory.
    _kHoldMutableChunks = False

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, WRITABLE_OPTIONS, "Writable")
        # DIVERGENCE: the EventEmitter part is set up first (Node sets it up after the
        # state): our addAbortSignal needs the listener storage.
        Stream.__init__(self, options)
        self._writableState = WritableState(options, self, False)

        if options:
            fn = options.get("write")
            if callable(fn):
                self._write = limited(fn, 3)  # type: ignore[method-assign]

            fn = options.get("writev")
            if callable(fn):
                self._writev = limited(fn, 2)

            fn = options.get("destroy")
            if callable(fn):
                self._destroy = limited(fn, 2)  # type: ignore[method-assign]

            fn = options.get("final")
            if callable(fn):
                self._final = limited(fn, 1)

            fn = options.get("construct")
            if callable(fn):
                self._construct = limited(fn, 1)

            if options.get("signal"):
                from nodenet_uv.stream.add_abort_signal import addAbortSignal

                addAbortSignal(options["signal"], self)

        if self._construct is not None:
            destroyImpl.construct(self, lambda: self._writableState._on_constructed(self))

    # Otherwise people can pipe Writable streams, which is just wrong.
    def pipe(self, dest: Any = None, options: Any = None, **kwargs: Any) -> Any:
        errorOrDestroy(self, errors.ERR_STREAM_CANNOT_PIPE())

    # ACCELERATED(_speedups.Writable_write): the fast branch below, for a Socket.
    def write(self, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
        """write(chunk[, encoding][, cb]): False means wait for 'drain'."""
        if (
            get_ident() != _tq._loop._fast
        ):  # INLINED(enter, _binding/loop.py); off the loop's thread: RuntimeError before any state changes
            _tq._loop.enter_slow()
        if encoding is not None and callable(encoding):
            cb = encoding
            encoding = None

        # Hot path: write(bytes) with no encoding and no callback on an idle stream that
        # can take it (not writing, corked, ending, destroyed, errored or constructing).
        # INLINED(_write, lib/internal/streams/writable.js)
        # INLINED(writeOrBuffer, lib/internal/streams/writable.js)
        # For that case _write maps the missing cb to nop and the chunk's encoding to
        # 'buffer' and finds no error, and writeOrBuffer takes its direct-_write branch,
        # where a nop callback is not stored in writecb. Everything else goes through the
        # general path below; tests/unit/test_stream_inlined.py checks both agree.
        if cb is None and encoding is None and type(chunk) is bytes:
            if _sp_write is not None:
                # The C path for an unmodified net.Socket (None: take the code below).
                done = _sp_write(self, chunk)
                if done is not None:
                    return done
            state = self._writableState
            if not (
                state.objectMode
                or state.ending
                or state.destroyed
                or state.writing
                or state.corked
                or state.errored
                or not state.constructed
            ):
                state.pendingcb += 1
                length = len(chunk)
                state.length += length
                state.writelen = length
                state.writing = True
                state.sync = True
                state.expectWriteCb = True
                r: Any = self._write(chunk, "buffer", state.onwrite)  # type: ignore[func-returns-value]
                if r is not None and type(r) is CoroutineType:
                    spawn(r)
                state.sync = False
                ret = state.length < state.highWaterMark or state.length == 0
                if not ret:
                    state.needDrain = True
                return ret and not state.destroyed and not state.errored

        return _write(self, chunk, encoding, cb) is True

    def cork(self) -> None:
        state = self._writableState
        state.corked += 1

    def uncork(self) -> None:
        state = self._writableState

        if state.corked:
            state.corked -= 1

            if not state.writing:
                clearBuffer(self, state)

    def setDefaultEncoding(self, encoding: Any) -> Any:
        # node::ParseEncoding() requires lower case.
        if isinstance(encoding, str):
            encoding = encoding.lower()
        if not is_encoding(encoding):
            raise errors.ERR_UNKNOWN_ENCODING(encoding)
        self._writableState.defaultEncoding = "utf8" if encoding == "utf-8" else encoding
        return self

    def _write(self, chunk: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        if self._writev:
            self._writev([{"chunk": chunk, "encoding": encoding}], cb)
        else:
            raise errors.ERR_METHOD_NOT_IMPLEMENTED("_write()")

    def end(self, chunk: Any = None, encoding: Any = None, cb: Any = None) -> Any:
        """end([chunk][, encoding][, cb])."""
        if get_ident() != _tq._loop._fast:  # INLINED(enter, _binding/loop.py)
            _tq._loop.enter_slow()
        state = self._writableState

        if callable(chunk):
            cb = chunk
            chunk = None
            encoding = None
        elif callable(encoding):
            cb = encoding
            encoding = None

        err = None

        if chunk is not None:
            ret = _write(self, chunk, encoding, None)
            if isinstance(ret, BaseException):
                err = ret

        # .end() fully uncorks.
        if state.corked:
            state.corked = 1
            self.uncork()

        if err is not None:
            # Do nothing...
            pass
        elif not state.ending and not state.errored:
            # This is forgiving in terms of unnecessary calls to end() and can hide
            # logic errors. However, usually such errors are harmless and causing a
            # hard error can be disproportionately destructive. It is not always
            # trivial for the user to determine whether end() needs to be called
            # or not.

            state.ending = True
            finishMaybe(self, state, True)
            state.ended = True
        elif state.finished:
            err = errors.ERR_STREAM_ALREADY_FINISHED("end")
        elif state.destroyed:
            err = errors.ERR_STREAM_DESTROYED("end")

        if callable(cb):
            cb = _adapt(cb)
            if err is not None:
                next_tick(cb, err)
            elif state.errored:
                next_tick(cb, state.errored)
            elif state.finished:
                next_tick(cb, None)
            else:
                if state._onFinished is None:
                    state._onFinished = []
                state._onFinished.append(cb)

        return self

    # -- getters -------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        state = self._writableState
        return state.closed if state is not None else False

    @property
    def destroyed(self) -> bool:
        state = self.__dict__.get("_writableState")
        return state.destroyed if state is not None else False

    @destroyed.setter
    def destroyed(self, value: Any) -> None:
        # Backward compatibility, the user is explicitly managing destroyed.
        state = self.__dict__.get("_writableState")
        if state is None:
            return
        state.destroyed = bool(value)

    @property
    def writable(self) -> bool:
        w = self.__dict__.get("_writableState")
        # w.writable === false means that this is part of a Duplex stream
        # where the writable side was disabled upon construction.
        # Compat. The user might manually disable writable side through
        # deprecated setter.
        return bool(
            w is not None
            and w.writable is not False
            and not (w.ending or w.ended or w.destroyed or w.errored)
        )

    @writable.setter
    def writable(self, val: Any) -> None:
        # Backwards compatible.
        w = self.__dict__.get("_writableState")
        if w is not None:
            w.writable = bool(val)

    @property
    def writableFinished(self) -> bool:
        state = self.__dict__.get("_writableState")
        return state.finished if state is not None else False

    @property
    def writableObjectMode(self) -> bool:
        state = self.__dict__.get("_writableState")
        return state.objectMode if state is not None else False

    @property
    def writableBuffer(self) -> list[dict[str, Any]] | None:
        state = self.__dict__.get("_writableState")
        return state.getBuffer() if state is not None else None

    @property
    def writableEnded(self) -> bool:
        state = self.__dict__.get("_writableState")
        return state.ending if state is not None else False

    @property
    def writableNeedDrain(self) -> bool:
        state = self.__dict__.get("_writableState")
        if state is None:
            return False
        return state.needDrain and not state.destroyed and not state.ending

    @property
    def writableHighWaterMark(self) -> int | None:
        state = self.__dict__.get("_writableState")
        return state.highWaterMark if state is not None else None

    @property
    def writableCorked(self) -> int:
        state = self.__dict__.get("_writableState")
        return state.corked if state is not None else 0

    @property
    def writableLength(self) -> int | None:
        state = self.__dict__.get("_writableState")
        return state.length if state is not None else None

    @property
    def errored(self) -> Any:
        state = self.__dict__.get("_writableState")
        return state.errored if state is not None else None

    @property
    def writableAborted(self) -> bool:
        state = self._writableState
        return bool(
            state.writable is not False
            and (state.destroyed or state.errored)
            and not state.finished
        )

    # -- destroy -------------------------------------------------------------------------
    def destroy(self, err: Any = None, cb: Any = None) -> Any:
        state = self._writableState

        # Invoke pending callbacks.
        if (state._buffered is not None or state._onFinished) and not state.destroyed:
            next_tick(errorBuffer, state)

        destroyImpl.destroy(self, err, cb)
        return self

    def _undestroy(self) -> None:
        destroyImpl.undestroy(self)

    def _destroy(self, err: Any, cb: Callable[..., Any]) -> None:
        cb(err)

    def _nodejs_rejection(self, err: Any, *args: Any) -> None:
        # Node: Writable.prototype[EE.captureRejectionSymbol] (events.captureRejectionSymbol)
        self.destroy(err)

    # Writable.prototype[SymbolAsyncDispose]
    def asyncDispose(self) -> Promise:
        """Destroy the stream (with an AbortError unless it finished); a Promise settled
        once it closed. Node 24: an async function (a throwing destroy() rejects)."""
        return spawn(self._asyncDispose())

    async def _asyncDispose(self) -> None:
        error: Any = None
        if not self.destroyed:
            error = None if self.writableFinished else errors.AbortError()
            self.destroy(error)
        from nodenet_uv.stream.end_of_stream import eos

        def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
            eos(
                self,
                lambda err=None: (
                    reject(err)
                    if err and getattr(err, "name", None) != "AbortError"
                    else resolve(None)
                ),
            )

        await Promise(executor)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        async_dispose = asyncDispose
        set_default_encoding = setDefaultEncoding
        writable_aborted = writableAborted
        writable_buffer = writableBuffer
        writable_corked = writableCorked
        writable_ended = writableEnded
        writable_finished = writableFinished
        writable_high_water_mark = writableHighWaterMark
        writable_length = writableLength
        writable_need_drain = writableNeedDrain
        writable_object_mode = writableObjectMode
    # END twins


def _write(stream: Any, chunk: Any, encoding: Any, cb: Any) -> Any:
    state = stream._writableState

    if cb is None or not callable(cb):
        cb = nop
    elif cb is not nop:
        cb = _adapt(cb)

    # Hot path: a bytes chunk with no encoding, the common case of a socket write.
    if type(chunk) is bytes and encoding is None and not state.objectMode:
        encoding = "buffer"
    else:
        # DIVERGENCE: Python has one None for JS null and undefined; write(None) is
        # treated as write(null).
        if chunk is None:
            raise errors.ERR_STREAM_NULL_VALUES()

        if not state.objectMode:
            # JS `!encoding`: [] and {} are truthy (and no encoding), 0 and NaN are not.
            if not js_truthy(encoding):
                encoding = state.defaultEncoding
            elif encoding != "buffer" and not is_encoding(encoding):
                raise errors.ERR_UNKNOWN_ENCODING(encoding)

            if isinstance(chunk, str):
                if encoding == "buffer":
                    # Node 22+: 'buffer' is no string encoding.
                    raise errors.ERR_UNKNOWN_ENCODING(encoding)
                if state.decodeStrings:
                    chunk = buffer_from_string(chunk, encoding)
                    encoding = "buffer"
            elif isinstance(chunk, bytes):
                encoding = "buffer"
            elif isinstance(chunk, bytearray):
                if getattr(stream, "_kHoldMutableChunks", False):
                    chunk = memoryview(chunk)  # see _kHoldMutableChunks
                encoding = "buffer"
            elif isinstance(chunk, memoryview):
                if chunk.format != "B" or chunk.ndim != 1:
                    # Node's _uint8ArrayToBuffer: a byte view of the same memory.
                    chunk = chunk.cast("B")
                elif not chunk.readonly and getattr(stream, "_kHoldMutableChunks", False):
                    # A view of our own: the caller may release its view, the memory
                    # stays held (not resizable) under the pending write.
                    chunk = memoryview(chunk)
                encoding = "buffer"
            else:
                raise errors.ERR_INVALID_ARG_TYPE(
                    "chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk
                )

    err: Any = None
    if state.ending:
        err = errors.ERR_STREAM_WRITE_AFTER_END()
    elif state.destroyed:
        err = errors.ERR_STREAM_DESTROYED("write")

    if err is not None:
        next_tick(cb, err)
        errorOrDestroy(stream, err, True)
        return err

    state.pendingcb += 1
    return writeOrBuffer(stream, state, chunk, encoding, cb)


# If we're already writing something, then just put this
# in the queue, and wait our turn.  Otherwise, call _write
# If we return false, then we need a drain event, so set that flag.
def writeOrBuffer(
    stream: Any, state: WritableState, chunk: Any, encoding: Any, callback: Callable[..., Any]
) -> bool:
    length = 1 if state.objectMode else len(chunk)

    state.length += length

    if state.writing or state.corked or state.errored or not state.constructed:
        buffered = state._buffered
        if buffered is None:
            buffered = state._buffered = _Buffered()

        buffered.append({"chunk": chunk, "encoding": encoding, "callback": callback})
        if state.allBuffers and encoding != "buffer":
            state.allBuffers = False
        if state.allNoop and callback is not nop:
            state.allNoop = False
    else:
        state.writelen = length
        if callback is not nop:
            state.writecb = callback
        state.writing = True
        state.sync = True
        state.expectWriteCb = True
        r = stream._write(chunk, encoding, state.onwrite)
        if r is not None and type(r) is CoroutineType:
            spawn(r)  # an `async def _write` runs like a JS async function
        state.sync = False

    ret = state.length < state.highWaterMark or state.length == 0

    if not ret:
        state.needDrain = True

    # Return false if errored or destroyed in order to break
    # any synchronous while(stream.write(data)) loops.
    return ret and not state.destroyed and not state.errored


def doWrite(
    stream: Any,
    state: WritableState,
    writev: bool,
    length: int,
    chunk: Any,
    encoding: Any,
    cb: Callable[..., Any],
) -> None:
    state.writelen = length
    if cb is not nop:
        state.writecb = cb
    state.writing = True
    state.sync = True
    state.expectWriteCb = True
    r: Any = None
    if state.destroyed:
        state.onwrite(errors.ERR_STREAM_DESTROYED("write"))
    elif writev:
        r = stream._writev(chunk, state.onwrite)
    else:
        r = stream._write(chunk, encoding, state.onwrite)
    if r is not None and type(r) is CoroutineType:
        spawn(r)
    state.sync = False


def onwriteError(stream: Any, state: WritableState, er: Any, cb: Callable[..., Any]) -> None:
    state.pendingcb -= 1

    cb(er)
    # Ensure callbacks are invoked even when autoDestroy is
    # not enabled. Passing `er` here doesn't make sense since
    # it's related to one specific write, not to the buffered
    # writes.
    errorBuffer(state)
    # This can emit error, but error must always follow cb.
    errorOrDestroy(stream, er)


# ACCELERATED(_speedups.onwrite_ok): a write that completed synchronously.
def onwrite(stream: Any, er: Any = None, *_: Any) -> None:
    state = stream._writableState

    if not state.expectWriteCb:
        errorOrDestroy(stream, errors.ERR_MULTIPLE_CALLBACK())
        return

    sync = state.sync
    cb = state.writecb

    state.writecb = nop
    state.writing = False
    state.expectWriteCb = False
    state.length -= state.writelen
    state.writelen = 0

    if er:
        if not state.errored:
            state.errored = er

        # In case of duplex streams we need to notify the readable side of the
        # error.
        r = getattr(stream, "_readableState", None)
        if r is not None and not r.errored:
            r.errored = er

        if sync:
            next_tick(onwriteError, stream, state, er, cb)
        else:
            onwriteError(stream, state, er, cb)
    else:
        if state._buffered is not None:
            clearBuffer(stream, state)

        if sync:
            # Node: `(state[kState] & kDestroyed !== 0)` parses as `state[kState] & true`,
            # i.e. it tests bit 0 (objectMode), not destroyed. Kept as Node behaves.
            need_tick = (state.needDrain and state.length == 0) or state.objectMode or cb is not nop

            # It is a common case that the callback passed to .write() is always
            # the same. In that case, we do not schedule a new nextTick(), but
            # rather just increase a counter, to improve performance and avoid
            # memory allocations.
            if cb is nop:
                if not state.afterWritePending and need_tick:
                    next_tick(afterWrite, stream, state, 1, cb)
                    state.afterWritePending = True
                else:
                    state.pendingcb -= 1
                    if state.ending:
                        finishMaybe(stream, state, True)
            else:
                info = state.afterWriteTickInfo
                if info is not None and info.cb is cb:
                    info.count += 1
                elif need_tick:
                    info = state.afterWriteTickInfo = _AfterWriteTickInfo(1, cb, stream, state)
                    next_tick(afterWriteTick, info)
                    state.afterWritePending = True
                else:
                    state.pendingcb -= 1
                    if state.ending:
                        finishMaybe(stream, state, True)
        else:
            afterWrite(stream, state, 1, cb)


def afterWriteTick(info: _AfterWriteTickInfo) -> None:
    state = info.state
    state.afterWriteTickInfo = None
    afterWrite(info.stream, state, info.count, info.cb)


def afterWrite(stream: Any, state: WritableState, count: int, cb: Callable[..., Any]) -> None:
    state.afterWritePending = False

    need_drain = state.needDrain and not state.ending and not state.destroyed and state.length == 0
    if need_drain:
        state.needDrain = False
        stream.emit("drain")

    while count > 0:
        count -= 1
        state.pendingcb -= 1
        cb(None)

    if state.destroyed:
        errorBuffer(state)

    if state.ending:
        finishMaybe(stream, state, True)


# If there's something in the buffer waiting, then invoke callbacks.
def errorBuffer(state: WritableState) -> None:
    if state.writing:
        return

    buffered = state._buffered
    if buffered is not None:
        for n in range(state.bufferedIndex, len(buffered)):
            entry = buffered[n]
            chunk = entry["chunk"]
            length = 1 if state.objectMode else len(chunk)
            state.length -= length
            err = state.errored
            entry["callback"](err if err is not None else errors.ERR_STREAM_DESTROYED("write"))

    err = state.errored
    callFinishedCallbacks(state, err if err is not None else errors.ERR_STREAM_DESTROYED("end"))

    resetBuffer(state)


# If there's something in the buffer waiting, then process it.
def clearBuffer(stream: Any, state: WritableState) -> None:
    buffered = state._buffered
    if (
        buffered is None
        or state.destroyed
        or state.bufferProcessing
        or state.corked
        or not state.constructed
    ):
        return

    object_mode = state.objectMode
    buffered_index = state.bufferedIndex
    buffered_length = len(buffered) - buffered_index

    if not buffered_length:
        return

    i = buffered_index

    state.bufferProcessing = True
    if buffered_length > 1 and stream._writev:
        state.pendingcb -= buffered_length - 1

        if state.allNoop:
            callback: Callable[..., Any] = nop
        else:

            def callback(err: Any = None, *_: Any) -> None:
                for n in range(i, len(buffered)):
                    buffered[n]["callback"](err)

        # Make a copy of `buffered` if it's going to be used by `callback` above,
        # since `doWrite` will mutate the array.
        chunks: _Buffered = buffered if state.allNoop and i == 0 else _Buffered(buffered[i:])
        chunks.allBuffers = state.allBuffers

        doWrite(stream, state, True, state.length, chunks, "", callback)

        resetBuffer(state)
    else:
        n = len(buffered)
        while True:
            entry = buffered[i]
            buffered[i] = None
            i += 1
            chunk = entry["chunk"]
            length = 1 if object_mode else len(chunk)
            doWrite(stream, state, False, length, chunk, entry["encoding"], entry["callback"])
            n = len(buffered)
            if not (i < n and not state.writing):
                break

        if i == n:
            resetBuffer(state)
        elif i > 256:
            del buffered[:i]
            state.bufferedIndex = 0
        else:
            state.bufferedIndex = i
    state.bufferProcessing = False


def needFinish(state: WritableState) -> bool:
    # State is ended && constructed but not destroyed, finished, writing, errorEmitted or
    # closedEmitted
    return (
        state.ending
        and state.constructed
        and state.length == 0
        and not state.destroyed
        and not state.finished
        and not state.writing
        and not state.errorEmitted
        and not state.closeEmitted
        and not state.errored
        and state._buffered is None
    )


def onFinish(stream: Any, state: WritableState, err: Any = None) -> None:
    if state.prefinished:
        errorOrDestroy(stream, err if err is not None else errors.ERR_MULTIPLE_CALLBACK())
        return
    state.pendingcb -= 1
    if err:
        callFinishedCallbacks(state, err)
        errorOrDestroy(stream, err, state.sync)
    elif needFinish(state):
        state.prefinished = True
        stream.emit("prefinish")
        # Backwards compat. Don't check state.sync here.
        # Some streams assume 'finish' will be emitted
        # asynchronously relative to _final callback.
        state.pendingcb += 1
        next_tick(finish, stream, state)


def prefinish(stream: Any, state: WritableState) -> None:
    if state.prefinished or state.finalCalled:
        return

    final = stream._final
    if callable(final) and not state.destroyed:
        state.finalCalled = True
        state.sync = True
        state.pendingcb += 1

        def on_final(err: Any = None, *_: Any) -> None:
            onFinish(stream, state, err)

        try:
            r = final(on_final)
            if r is not None and type(r) is CoroutineType:
                # An `async def _final` runs like a JS async function; as in Node, its
                # promise is ignored (a rejection is unhandled).
                spawn(r)
        except Exception as err:
            onFinish(stream, state, err)

        state.sync = False
    else:
        state.finalCalled = True
        state.prefinished = True
        stream.emit("prefinish")


def _finish_maybe_nt(stream: Any, state: WritableState) -> None:
    if needFinish(state):
        finish(stream, state)
    else:
        state.pendingcb -= 1


def finishMaybe(stream: Any, state: WritableState, sync: bool = False) -> None:
    if needFinish(state):
        prefinish(stream, state)
        if state.pendingcb == 0:
            if sync:
                state.pendingcb += 1
                next_tick(_finish_maybe_nt, stream, state)
            elif needFinish(state):
                state.pendingcb += 1
                finish(stream, state)


def finish(stream: Any, state: WritableState) -> None:
    state.pendingcb -= 1
    state.finished = True

    callFinishedCallbacks(state, None)

    stream.emit("finish")

    if state.autoDestroy:
        # In case of duplex streams we need a way to detect
        # if the readable side is ready for autoDestroy as well.
        r_state = getattr(stream, "_readableState", None)
        auto_destroy = r_state is None or (
            r_state.autoDestroy
            # We don't expect the readable to ever 'end'
            # if readable is explicitly set to false.
            and (r_state.endEmitted or r_state.readable is False)
        )
        if auto_destroy:
            stream.destroy()


def callFinishedCallbacks(state: WritableState, err: Any) -> None:
    onfinish_callbacks = state._onFinished
    if not onfinish_callbacks:
        return

    state._onFinished = None
    for cb in onfinish_callbacks:
        cb(err)


Writable.WritableState = WritableState  # type: ignore[attr-defined]

# Keep EventEmitter importable from here for subclasses that name it (Node: EE).
EE = EventEmitter

__all__ += alias_module(globals(), __all__)
