"""Port of Node.js lib/internal/streams/readable.js (v24.22.3): Readable and ReadableState.

Implement ``_read(size)`` (or pass ``read=`` in the options) and call ``push(chunk)``;
Readable handles buffering, the high water mark, flowing ('data') and paused ('readable'
+ ``read()``) modes, ``setEncoding``, ``pipe``/``unpipe``, 'end' and destroy, in Node's
order. ``async for chunk in readable`` works in a coroutine run by ``nodenet_uv.run``.

Node keeps ReadableState's flags in a ``kState`` bit field; here each flag is one
``__slots__`` field under Node's name (``ended``, ``needReadable``, ...). Two of Node's
tri-state pairs are single fields: ``flowing`` is ``None``/``True``/``False`` (kHasFlowing
+ kFlowing) and ``_paused`` is ``None``/``True``/``False`` (kHasPaused + kPaused, read
through the legacy ``paused`` property). kDataListening is ``dataListening``; Node 24's
kEndScheduled and kEofReadablePending are ``endScheduled`` and ``eofReadablePending``.

Values: chunks are ``bytes`` (``bytearray``/``memoryview`` are accepted like TypedArrays
and copied to ``bytes``), or ``str`` after ``setEncoding``. JS ``push(null)`` (EOF) is
``push(None)``; JS ``push(undefined)`` (an empty chunk) has no Python twin.

The buffer is a ``collections.deque`` (Node: an array + ``bufferIndex``), so
``read()`` stays O(1) amortized; ``readableBuffer`` returns that deque.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.arity import limited
from nodenet_uv._internal.buffer import buffer_from_string, buffer_to_string, is_encoding
from nodenet_uv._internal.inspect import js_truthy
from nodenet_uv._internal.naming import NodeNames, alias_module, node_options, snake
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv._internal.task_queues import next_tick, tick_queue
from nodenet_uv.events import _OnceWrapper
from nodenet_uv.stream.destroy import construct, destroyer, errorOrDestroy, undestroy
from nodenet_uv.stream.destroy import destroy as destroy_impl
from nodenet_uv.stream.legacy import Stream, prependListener
from nodenet_uv.stream.state import (
    READABLE_OPTIONS,
    getDefaultHighWaterMark,
    getHighWaterMark,
)
from nodenet_uv.string_decoder import StringDecoder

__all__ = ["Readable", "ReadableState"]

_PIPE_OPTIONS = frozenset(("end",))
_ITERATOR_OPTIONS = frozenset(("destroyOnReturn",))
_SIGNAL_OPTIONS = frozenset(("signal",))


def nop(*_: Any) -> None:
    return None


class ReadableState(NodeNames):
    """Node's ReadableState: the Readable side's buffer and flags (``r._readableState``)."""

    __slots__ = (
        "_paused",
        "autoDestroy",
        "awaitDrainWriters",
        "buffer",
        "closeEmitted",
        "closed",
        "constructed",
        "dataEmitted",
        "dataListening",
        "decoder",
        "defaultEncoding",
        "destroyed",
        "emitClose",
        "emittedReadable",
        "encoding",
        "endEmitted",
        "endScheduled",
        "ended",
        "eofReadablePending",
        "errorEmitted",
        "errored",
        "flowing",
        "highWaterMark",
        "length",
        "multiAwaitDrain",
        "needReadable",
        "objectMode",
        "pipes",
        "readable",
        "readableListening",
        "reading",
        "readingMore",
        "resumeScheduled",
        "sync",
    )

    def __init__(self, options: Any = None, stream: Any = None, isDuplex: bool = False) -> None:
        # Object stream flag. Used to make read(n) ignore n and to
        # make all the buffer merging and length checks go away.
        self.objectMode = bool(options and options.get("objectMode"))
        if isDuplex and options and options.get("readableObjectMode"):
            self.objectMode = True

        # The point at which it stops calling _read() to fill the buffer
        # Note: 0 is a valid value, means "don't call _read preemptively ever"
        self.highWaterMark = (
            getHighWaterMark(self, options, "readableHighWaterMark", isDuplex)
            if options
            else getDefaultHighWaterMark(False)
        )

        self.buffer: deque[Any] = deque()
        self.length = 0
        self.pipes: list[Any] = []
        # None: no one has asked yet (kHasFlowing unset); True/False afterwards.
        self.flowing: bool | None = None
        self.ended = False
        self.endEmitted = False
        self.reading = False
        # Node 24's kEndScheduled: endReadableNT is queued (cleared when it runs).
        self.endScheduled = False
        # Node 24's kEofReadablePending: the end-of-stream 'readable' was not scheduled
        # because nobody observed the stream (see onEofChunk).
        self.eofReadablePending = False

        # Stream is still being constructed and cannot be
        # destroyed until construction finished or failed.
        # Async construction is opt in, therefore we start as
        # constructed.
        self.constructed = True

        # A flag to be able to tell if the event 'readable'/'data' is emitted
        # immediately, or on a later tick.  We set this to true at first, because
        # any actions that shouldn't happen until "later" should generally also
        # not happen before the first read call.
        self.sync = True

        # Whenever we return null, then we set a flag to say
        # that we're awaiting a 'readable' event emission.
        self.needReadable = False
        self.emittedReadable = False
        self.readableListening = False
        self.resumeScheduled = False
        self._paused: bool | None = None
        self.dataListening = False

        # True if the error was already emitted and should not be thrown again.
        self.errorEmitted = False

        # Should close be emitted on destroy. Defaults to true.
        self.emitClose = not (options and options.get("emitClose") is False)

        # Should .destroy() be called after 'end' (and potentially 'finish').
        self.autoDestroy = not (options and options.get("autoDestroy") is False)

        # Has it been destroyed.
        self.destroyed = False

        # Indicates whether the stream has errored. When true no further
        # _read calls, 'data' or 'readable' events should occur. This is needed
        # since when autoDestroy is disabled we need a way to tell whether the
        # stream has failed.
        self.errored: Any = None

        # Indicates whether the stream has finished destroying.
        self.closed = False

        # True if close has been emitted or would have been emitted
        # depending on emitClose.
        self.closeEmitted = False

        # Crypto is kind of old and crusty.  Historically, its default string
        # encoding is 'binary' so we have to make this configurable.
        # Everything else in the universe uses 'utf8', though.
        default_encoding = options.get("defaultEncoding") if options else None
        if default_encoding is None or default_encoding in ("utf8", "utf-8"):
            self.defaultEncoding: Any = "utf8"
        elif is_encoding(default_encoding):
            self.defaultEncoding = default_encoding
        else:
            raise errors.ERR_UNKNOWN_ENCODING(default_encoding)

        # Ref the piped dest which we need a drain event on it
        # type: null | Writable | Set<Writable>.
        self.awaitDrainWriters: Any = None
        self.multiAwaitDrain = False

        # If true, a maybeReadMore has been scheduled.
        self.readingMore = False

        self.dataEmitted = False

        # Set to False by Duplex when the readable side is disabled (Node sets an
        # ad-hoc `readable` property); None is JS undefined.
        self.readable: bool | None = None

        self.decoder: StringDecoder | None = None
        self.encoding: Any = None
        # JS `options?.encoding`: truthy ([] and {} are, then unknown encodings).
        if options and js_truthy(options.get("encoding")):
            self.decoder = StringDecoder(options["encoding"])
            self.encoding = options["encoding"]

    def _on_constructed(self, stream: Any) -> None:
        # ReadableState.prototype[kOnConstructed]
        if self.needReadable:
            maybeReadMore(stream, self)

    # Legacy getter for `pipesCount`.
    @property
    def pipesCount(self) -> int:
        return len(self.pipes)

    # Legacy property for `paused`.
    @property
    def paused(self) -> bool:
        return self._paused is True

    @paused.setter
    def paused(self, value: Any) -> None:
        self._paused = bool(value)

    def __repr__(self) -> str:
        return (
            f"ReadableState {{ length: {self.length}, flowing: {self.flowing}, "
            f"ended: {self.ended}, endEmitted: {self.endEmitted}, reading: {self.reading} }}"
        )

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        pipes_count = pipesCount
    # END twins


class _StaticOrInstance:
    """A name that is a static function on the class and a method on instances.

    Node has both ``Readable.wrap(src, options)`` (static) and
    ``Readable.prototype.wrap(stream)``; Python has one namespace for both.
    """

    def __init__(self, static: Callable[..., Any], method: Callable[..., Any]) -> None:
        self.static = static
        self.method = method

    def __get__(self, obj: Any, owner: Any = None) -> Callable[..., Any]:
        if obj is None:
            return self.static
        return self.method.__get__(obj, owner)


class Readable(Stream):
    """Node's stream.Readable.

    Options (dict and/or keyword arguments, Node's keys or snake_case): highWaterMark,
    encoding, objectMode, emitClose, autoDestroy, signal, defaultEncoding, and the
    implementation functions read(size), destroy(err, cb), construct(cb).
    """

    ReadableState = ReadableState
    _construct: Callable[..., Any] | None = None

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, READABLE_OPTIONS, "Readable")
        # DIVERGENCE: the EventEmitter part is set up first (Node sets it up after the
        # state): our addAbortSignal needs the listener storage.
        Stream.__init__(self, options)

        self._readableState = ReadableState(options, self, False)

        if options:
            fn = options.get("read")
            if callable(fn):
                self._read = limited(fn, 1)  # type: ignore[method-assign]

            fn = options.get("destroy")
            if callable(fn):
                self._destroy = limited(fn, 2)  # type: ignore[method-assign]

            fn = options.get("construct")
            if callable(fn):
                self._construct = limited(fn, 1)

            if js_truthy(options.get("signal")):  # JS truthiness: {} is checked
                from nodenet_uv.stream.add_abort_signal import addAbortSignal

                addAbortSignal(options["signal"], self)

        if self._construct is not None:
            construct(self, lambda: self._readableState._on_constructed(self))

    def destroy(self, err: Any = None, cb: Any = None) -> Any:
        """destroy([error]): destroy the stream ('error' if given, then 'close')."""
        return destroy_impl(self, err, cb)

    def _undestroy(self) -> None:
        undestroy(self)

    def _nodejs_rejection(self, err: Any, *args: Any) -> None:
        # Node: Readable.prototype[EE.captureRejectionSymbol] (events.captureRejectionSymbol)
        self.destroy(err)

    def _destroy(self, err: Any, cb: Callable[..., Any]) -> None:
        cb(err)

    # Manually shove something into the read() buffer.
    # This returns true if the highWaterMark has not been hit yet,
    # similar to how Writable.write() returns true if you should
    # write() some more.
    # ACCELERATED(_speedups.Readable_push)
    def push(self, chunk: Any, encoding: Any = None) -> bool:
        """push(chunk[, encoding]): add data; ``push(None)`` signals the end (EOF)."""
        state = self._readableState
        if state.objectMode:
            return readableAddChunkPushObjectMode(self, state, chunk, encoding)
        # Hot path (every socket read): a non-empty bytes chunk, no decoder, a flowing
        # stream with 'data' listeners and nothing buffered goes straight to 'data'.
        # INLINED(readableAddChunkPushByteMode, lib/internal/streams/readable.js)
        # INLINED(addChunk, lib/internal/streams/readable.js)
        # INLINED(maybeReadMore, lib/internal/streams/readable.js)
        # INLINED(canPushMore, lib/internal/streams/readable.js)
        # Every other chunk takes readableAddChunkPushByteMode (the slow path);
        # tests/unit/test_stream_inlined.py checks both paths agree.
        if (
            type(chunk) is bytes
            and chunk
            and state.decoder is None
            and not state.ended
            and not state.destroyed
            and not state.errored
        ):
            state.reading = False
            if (
                state.flowing is True
                and state.dataListening
                and not state.sync
                and state.length == 0
            ):
                if state.multiAwaitDrain:
                    state.awaitDrainWriters.clear()
                else:
                    state.awaitDrainWriters = None
                state.dataEmitted = True
                self.emit("data", chunk)
            else:
                state.length += len(chunk)
                state.buffer.append(chunk)
                if state.needReadable:
                    emitReadable(self)
            # maybeReadMore: `state.reading` was cleared above, so Node 24's kReading
            # test is always passed here.
            if not state.readingMore and state.constructed:
                state.readingMore = True
                # INLINED(nextTick, lib/internal/process/task_queues.js)
                tick_queue.append((maybeReadMore_, (self, state)))
            return not state.ended and (state.length < state.highWaterMark or state.length == 0)
        return readableAddChunkPushByteMode(self, state, chunk, encoding)

    # Unshift should *always* be something directly out of read().
    def unshift(self, chunk: Any, encoding: Any = None) -> bool:
        """unshift(chunk[, encoding]): put data back at the front of the buffer."""
        state = self._readableState
        if not state.objectMode:
            return readableAddChunkUnshiftByteMode(self, state, chunk, encoding)
        return readableAddChunkUnshiftObjectMode(self, state, chunk)

    def isPaused(self) -> bool:
        state = self._readableState
        return state._paused is True or state.flowing is False

    # Backwards compatibility.
    def setEncoding(self, enc: Any = None) -> Readable:
        """setEncoding(encoding): 'data' and read() give ``str`` from now on."""
        state = self._readableState

        decoder = StringDecoder(enc)
        state.decoder = decoder
        # If setEncoding(null), decoder.encoding equals utf8.
        state.encoding = decoder.encoding

        # Iterate over current buffer to convert already stored Buffers:
        content = "".join([decoder.write(data) for data in state.buffer])
        if state.ended:
            content += decoder.end()
        state.buffer.clear()

        if content != "":
            state.buffer.append(content)
        state.length = len(content)
        return self

    # You can override either this method, or the async _read(n) below.
    # ACCELERATED(_speedups.Socket_read0): read(0) of a Socket.
    def read(self, n: Any = None) -> Any:
        """read([size]): take data out of the buffer; ``None`` if not enough is there."""
        # None is JS undefined, which read() treats as NaN (kept as None below).
        if n is not None and type(n) is not int:
            n = _parse_int(n)
        state = self._readableState
        n_orig = n

        # If we're asking for more than the current hwm, then raise the hwm.
        if n is not None and n > state.highWaterMark:
            state.highWaterMark = computeNewHighWaterMark(n)

        if n != 0:
            state.emittedReadable = False
            state.eofReadablePending = False

        # If we're doing read(0) to trigger a readable event, but we
        # already have a bunch of data in the buffer, then just trigger
        # the 'readable' event and move on.
        if (
            n == 0
            and state.needReadable
            and (
                (
                    state.length >= state.highWaterMark
                    if state.highWaterMark != 0
                    else state.length > 0
                )
                or state.ended
            )
        ):
            if state.length == 0 and state.ended:
                endReadable(self)
            else:
                emitReadable(self)
            return None

        # howMuchToRead(0, state) is always 0: skip the call for read(0), which
        # maybeReadMore_ makes after every chunk.
        if n != 0:
            n = howMuchToRead(n, state)

        # If we've ended, and we're now clear, then finish it up.
        if n == 0 and state.ended:
            if state.length == 0:
                endReadable(self)
            return None

        # All the actual chunk generation logic needs to be
        # *below* the call to _read.  The reason is that in certain
        # synthetic stream cases, such as passthrough streams, _read
        # may be a completely synchronous operation which may change
        # the state of the read buffer, providing enough data when
        # before there was *not* enough.
        #
        # So, the steps are:
        # 1. Figure out what the state of things will be after we do
        # a read from the buffer.
        #
        # 2. If that resulting state will trigger a _read, then call _read.
        # Note that this may be asynchronous, or synchronous.  Yes, it is
        # deeply ugly to write APIs this way, but that still doesn't mean
        # that the Readable class should behave improperly, as streams are
        # designed to be sync/async agnostic.
        # Take note if the _read call is sync or async (ie, if the read call
        # has returned yet), so that we know whether or not it's safe to emit
        # 'readable' etc.
        #
        # 3. Actually pull the requested chunks out of the buffer and return.

        # if we need a readable event, then we need to do some reading.
        do_read = state.needReadable

        # If we currently have less than the highWaterMark, then also read some.
        if state.length == 0 or state.length - n < state.highWaterMark:
            do_read = True

        # However, if we've ended, then there's no point, if we're already
        # reading, then it's unnecessary, if we're constructing we have to wait,
        # and if we're destroyed or errored, then it's not allowed,
        if (
            state.reading
            or state.ended
            or state.destroyed
            or state.errored
            or not state.constructed
        ):
            do_read = False
        elif do_read:
            state.reading = True
            state.sync = True
            # If the length is currently zero, then we *need* a readable event.
            if state.length == 0:
                state.needReadable = True

            # Call internal read method
            try:
                self._read(state.highWaterMark)
            except Exception as err:
                errorOrDestroy(self, err)
            state.sync = False

            # If _read pushed data synchronously, then `reading` will be false,
            # and we need to re-evaluate how much data we can return to the user.
            if not state.reading:
                n = howMuchToRead(n_orig, state)

        ret = fromList(n, state) if n > 0 else None

        if ret is None:
            if state.length <= state.highWaterMark:
                state.needReadable = True
            n = 0
        else:
            state.length -= n
            if state.multiAwaitDrain:
                state.awaitDrainWriters.clear()
            else:
                state.awaitDrainWriters = None

        if state.length == 0:
            # If we have nothing in the buffer, then we want to know
            # as soon as we *do* get something into the buffer.
            if not state.ended:
                state.needReadable = True

            # If we tried to read() past the EOF, then emit end on the next tick.
            if n_orig != n and state.ended:
                endReadable(self)

        if ret is not None and not state.errorEmitted and not state.closeEmitted:
            state.dataEmitted = True
            self.emit("data", ret)

        return ret

    # Abstract method.  to be overridden in specific implementation classes.
    # call cb(er, data) where data is <= n in length.
    # for virtual (non-string, non-buffer) streams, "length" is somewhat
    # arbitrary, and perhaps not very meaningful.
    def _read(self, n: int) -> None:
        raise errors.ERR_METHOD_NOT_IMPLEMENTED("_read()")

    def pipe(self, dest: Any, options: Any = None, **kwargs: Any) -> Any:
        """pipe(destination[, {end}]): write everything read into ``dest``; returns it."""
        pipeOpts = node_options(options, kwargs, _PIPE_OPTIONS, "pipe")
        src = self
        state = self._readableState

        if len(state.pipes) == 1:
            if not state.multiAwaitDrain:
                state.multiAwaitDrain = True
                state.awaitDrainWriters = (
                    {state.awaitDrainWriters} if state.awaitDrainWriters else set()
                )

        state.pipes.append(dest)

        do_end = not pipeOpts or pipeOpts.get("end") is not False

        ondrain: Callable[[], None] | None = None
        cleaned_up = False

        def onunpipe(readable: Any = None, unpipeInfo: Any = None) -> None:
            if readable is src:
                if unpipeInfo and unpipeInfo.get("hasUnpiped") is False:
                    unpipeInfo["hasUnpiped"] = True
                    cleanup()

        def onend() -> None:
            dest.end()

        def cleanup() -> None:
            nonlocal cleaned_up
            # Cleanup event handlers once the pipe is broken.
            dest.removeListener("close", onclose)
            dest.removeListener("finish", onfinish)
            if ondrain:
                dest.removeListener("drain", ondrain)
            dest.removeListener("error", onerror)
            dest.removeListener("unpipe", onunpipe)
            src.removeListener("end", onend)
            src.removeListener("end", unpipe)
            src.removeListener("data", ondata)

            cleaned_up = True

            # If the reader is waiting for a drain event from this
            # specific writer, then it would cause it to never start
            # flowing again.
            # So, if this is awaiting a drain, then we just call it now.
            # If we don't know, then assume that we are waiting for one.
            if ondrain and state.awaitDrainWriters:
                w_state = getattr(dest, "_writableState", None)
                if w_state is None or w_state.needDrain:
                    ondrain()

        def pause() -> None:
            nonlocal ondrain
            # If the user unpiped during `dest.write()`, it is possible
            # to get stuck in a permanently paused state if that write
            # also returned false.
            # => Check whether `dest` is still a piping destination.
            if not cleaned_up:
                if len(state.pipes) == 1 and state.pipes[0] is dest:
                    state.awaitDrainWriters = dest
                    state.multiAwaitDrain = False
                elif len(state.pipes) > 1 and any(p is dest for p in state.pipes):
                    state.awaitDrainWriters.add(dest)
                src.pause()
            if not ondrain:
                # When the dest drains, it reduces the awaitDrain counter
                # on the source.  This would be more elegant with a .once()
                # handler in flow(), but adding and removing repeatedly is
                # too slow.
                ondrain = pipeOnDrain(src, dest)
                dest.on("drain", ondrain)

        def ondata(chunk: Any) -> None:
            # Node 24: a throwing dest.write() destroys dest instead of the source's
            # 'data' emit.
            try:
                ret = dest.write(chunk)

                if ret is False:
                    pause()
            except Exception as error:
                dest.destroy(error)

        # If the dest has an error, then stop piping into it.
        # However, don't suppress the throwing behavior for this.
        def onerror(er: Any) -> None:
            unpipe()
            dest.removeListener("error", onerror)
            if dest.listenerCount("error") == 0:
                s = getattr(dest, "_writableState", None) or getattr(dest, "_readableState", None)
                if s is not None and not s.errorEmitted:
                    # User incorrectly emitted 'error' directly on the stream.
                    errorOrDestroy(dest, er)
                else:
                    dest.emit("error", er)

        # Both close and finish should trigger unpipe, but only once.
        def onclose() -> None:
            dest.removeListener("finish", onfinish)
            unpipe()

        def onfinish() -> None:
            dest.removeListener("close", onclose)
            unpipe()

        def unpipe() -> None:
            src.unpipe(dest)

        end_fn = onend if do_end else unpipe
        if state.endEmitted:
            next_tick(end_fn)
        else:
            src.once("end", end_fn)

        dest.on("unpipe", onunpipe)

        src.on("data", ondata)

        # Make sure our error handler is attached before userland ones.
        prependListener(dest, "error", onerror)

        dest.once("close", onclose)
        dest.once("finish", onfinish)

        # Tell the dest that it's being piped to.
        dest.emit("pipe", src)

        # Start the flow if it hasn't been started already.
        if getattr(dest, "writableNeedDrain", None) is True:
            pause()
        elif state.flowing is not True:
            src.resume()

        return dest

    def unpipe(self, dest: Any = None) -> Readable:
        """unpipe([destination]): stop piping to ``dest`` (or to every destination)."""
        state = self._readableState
        unpipe_info = {"hasUnpiped": False}

        # If we're not piping anywhere, then do nothing.
        if len(state.pipes) == 0:
            return self

        if not dest:
            # remove all.
            dests = state.pipes
            state.pipes = []
            self.pause()

            for d in dests:
                d.emit("unpipe", self, {"hasUnpiped": False})
            return self

        # Try to find the right one.
        index = -1
        for i, p in enumerate(state.pipes):
            if p is dest:
                index = i
                break
        if index == -1:
            return self

        del state.pipes[index]
        if len(state.pipes) == 0:
            self.pause()

        dest.emit("unpipe", self, unpipe_info)

        return self

    # Set up data events if they are asked for
    # Ensure readable listeners eventually get something.
    def on(self, ev: Any, fn: Any = None) -> Any:
        if fn is None:
            # pyee's decorator form: @readable.on('data')
            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                self.on(ev, f)
                return f

            return decorator
        res = Stream._addListener(self, ev, fn, False)
        state = self._readableState

        if ev == "data":
            state.dataListening = True

            # Update readableListening so that resume() may be a no-op
            # a few lines down. This is needed to support once('readable').
            if self.listenerCount("readable") > 0:
                state.readableListening = True

            # Try start flowing on next tick if stream isn't explicitly paused.
            if state.flowing is not False:
                self.resume()
        elif ev == "readable":
            if not state.endEmitted and not state.readableListening:
                state.readableListening = True
                state.needReadable = True
                state.flowing = False
                state.emittedReadable = False
                if state.length:
                    emitReadable(self)
                else:
                    if state.eofReadablePending:
                        # The end-of-stream 'readable' emission was skipped because
                        # nobody was listening when the stream ended (see onEofChunk):
                        # emit it now.
                        state.eofReadablePending = False
                        emitReadable(self)
                    if not state.reading:
                        next_tick(nReadingNextTick, self)

        return res

    addListener = on  # type: ignore[assignment]

    def once(self, ev: Any, fn: Any = None) -> Any:
        # DIVERGENCE (of our EventEmitter, not of Node): Node's once() goes through
        # this.on(), so Readable's 'data'/'readable' handling applies to once() too.
        if fn is None:

            def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
                self.once(ev, f)
                return f

            return decorator
        validators.validate_function(fn, "listener")
        return self.on(ev, _OnceWrapper(self, ev, fn))

    def removeListener(self, ev: Any, fn: Any) -> Any:
        state = self._readableState

        res = Stream.removeListener(self, ev, fn)

        if ev == "readable":
            # We need to check if there is someone still listening to
            # readable and reset the state. However this needs to happen
            # after readable has been emitted but before I/O (nextTick) to
            # support once('readable', fn) cycles. This means that calling
            # resume within the same tick will have no
            # effect.
            next_tick(updateReadableListening, self)
        elif ev == "data" and self.listenerCount("data") == 0:
            state.dataListening = False

        return res

    off = removeListener  # type: ignore[assignment]

    def removeAllListeners(self, ev: Any = ...) -> Any:
        res = Stream.removeAllListeners(self, ev)

        if ev == "readable" or ev is ... or ev is None:
            # See removeListener: checked on the next tick, after 'readable' fired.
            next_tick(updateReadableListening, self)

        return res

    # pause() and resume() are remnants of the legacy readable stream API
    # If the user uses them, then switch into old mode.
    def resume(self) -> Readable:
        """resume(): switch to flowing mode ('data' events)."""
        state = self._readableState
        if state.flowing is not True:
            # We flow only if there is no one listening
            # for readable, but we still have to call
            # resume().
            state.flowing = not state.readableListening
            resume(self, state)
        state._paused = False
        return self

    def pause(self) -> Readable:
        """pause(): stop 'data' events; data stays buffered."""
        state = self._readableState
        if state.flowing is not False:
            state.flowing = False
            self.emit("pause")
        state._paused = True
        return self

    def _wrap(self, stream: Any) -> Readable:
        # Readable.prototype.wrap: wrap an old-style stream as the async data source.
        # This is *not* part of the readable stream interface.
        # It is an ugly unfortunate mess of history.
        paused = False

        def ondata(chunk: Any) -> None:
            nonlocal paused
            if not self.push(chunk) and callable(getattr(stream, "pause", None)):
                paused = True
                stream.pause()

        stream.on("data", ondata)
        stream.on("end", lambda *_: self.push(None))
        stream.on("error", lambda err=None, *_: errorOrDestroy(self, err))
        stream.on("close", lambda *_: self.destroy())
        stream.on("destroy", lambda *_: self.destroy())

        def _read(n: Any = None) -> None:
            nonlocal paused
            if paused and callable(getattr(stream, "resume", None)):
                paused = False
                stream.resume()

        self._read = _read  # type: ignore[method-assign]

        # Proxy all the other methods. Important when wrapping filters and duplexes.
        stream_keys = list(vars(stream).items()) if hasattr(stream, "__dict__") else []
        for key, value in stream_keys:
            if getattr(self, key, None) is None and callable(value):
                setattr(self, key, value)

        return self

    # Readable.prototype[SymbolAsyncIterator]
    def __aiter__(self) -> ReadableAsyncIterator:
        return streamToAsyncIterator(self)

    def iterator(self, options: Any = None, **kwargs: Any) -> ReadableAsyncIterator:
        options = node_options(options, kwargs, _ITERATOR_OPTIONS, "iterator")
        if options is not None:
            validators.validate_object(options, "options")
        return streamToAsyncIterator(self, options)

    # Readable.prototype[SymbolAsyncDispose]
    def asyncDispose(self) -> Promise:
        # Node 24: an async function, so a throwing destroy() rejects the promise.
        return spawn(self._asyncDispose())

    async def _asyncDispose(self) -> None:
        error: Any = None
        if not self.destroyed:
            error = None if self.readableEnded else errors.AbortError()
            self.destroy(error)
        from nodenet_uv.stream.end_of_stream import eos

        def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
            eos(self, lambda err=None: reject(err) if err and err is not error else resolve(None))

        await Promise(executor)

    def compose(self, stream: Any = None, options: Any = None, **kwargs: Any) -> Any:
        """compose(stream[, {signal}]) (Node 22+): ``stream.compose(this, stream)``."""
        options = node_options(options, kwargs, _SIGNAL_OPTIONS, "compose")
        if options is not None:
            validators.validate_object(options, "options")
        signal = options.get("signal") if options else None
        if signal is not None:
            validators.validate_abort_signal(signal, "options.signal")

        from nodenet_uv.stream.compose import compose as composeImpl

        composedStream = composeImpl(self, stream)

        if signal:
            from nodenet_uv.stream.add_abort_signal import addAbortSignalNoValidate

            # Not validating as we already validated before
            addAbortSignalNoValidate(signal, composedStream)

        return composedStream

    # -- getters (Node's Object.defineProperties on Readable.prototype) ------------------
    @property
    def readable(self) -> bool:
        r = self.__dict__.get("_readableState")
        # r.readable === false means that this is part of a Duplex stream
        # where the readable side was disabled upon construction.
        # Compat. The user might manually disable readable side through
        # deprecated setter.
        return bool(
            r is not None
            and r.readable is not False
            and not r.destroyed
            and not r.errorEmitted
            and not r.endEmitted
        )

    @readable.setter
    def readable(self, val: Any) -> None:
        # Backwards compat.
        r = self.__dict__.get("_readableState")
        if r is not None:
            r.readable = bool(val)

    @property
    def readableDidRead(self) -> bool:
        return self._readableState.dataEmitted

    @property
    def readableAborted(self) -> bool:
        r = self._readableState
        return bool(r.readable is not False and (r.destroyed or r.errored) and not r.endEmitted)

    @property
    def readableHighWaterMark(self) -> int:
        return self._readableState.highWaterMark

    @property
    def readableBuffer(self) -> Any:
        r = self.__dict__.get("_readableState")
        return r.buffer if r is not None else None

    @property
    def readableFlowing(self) -> bool | None:
        return self._readableState.flowing

    @readableFlowing.setter
    def readableFlowing(self, state: Any) -> None:
        r = self.__dict__.get("_readableState")
        if r is not None:
            r.flowing = None if state is None else bool(state)

    @property
    def readableLength(self) -> int:
        return self._readableState.length

    @property
    def readableObjectMode(self) -> bool:
        r = self.__dict__.get("_readableState")
        return r.objectMode if r is not None else False

    @property
    def readableEncoding(self) -> str | None:
        r = self.__dict__.get("_readableState")
        return r.encoding if r is not None else None

    @property
    def errored(self) -> Any:
        r = self.__dict__.get("_readableState")
        return r.errored if r is not None else None

    @property
    def closed(self) -> bool:
        r = self.__dict__.get("_readableState")
        return r.closed if r is not None else False

    @property
    def destroyed(self) -> bool:
        r = self.__dict__.get("_readableState")
        return r.destroyed if r is not None else False

    @destroyed.setter
    def destroyed(self, value: Any) -> None:
        # We ignore the value if the stream
        # has not been initialized yet.
        r = self.__dict__.get("_readableState")
        if r is None:
            return
        # Backward compatibility, the user is explicitly
        # managing destroyed.
        r.destroyed = value

    @property
    def readableEnded(self) -> bool:
        r = self.__dict__.get("_readableState")
        return r.endEmitted if r is not None else False

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        add_listener = addListener  # type: ignore[assignment, unused-ignore]
        async_dispose = asyncDispose
        is_paused = isPaused
        readable_aborted = readableAborted
        readable_buffer = readableBuffer
        readable_did_read = readableDidRead
        readable_encoding = readableEncoding
        readable_ended = readableEnded
        readable_flowing = readableFlowing
        readable_high_water_mark = readableHighWaterMark
        readable_length = readableLength
        readable_object_mode = readableObjectMode
        remove_all_listeners = removeAllListeners  # type: ignore[assignment, unused-ignore]
        remove_listener = removeListener  # type: ignore[assignment, unused-ignore]
        set_encoding = setEncoding
    # END twins


def _parse_int(n: Any) -> int | None:
    # NumberParseInt(n, 10); None plays NaN.
    if isinstance(n, bool):
        return None
    if isinstance(n, float):
        if math.isnan(n) or math.isinf(n):
            return None
        return int(n)
    if isinstance(n, int):
        return n
    s = str(n).strip()
    digits = ""
    for i, c in enumerate(s):
        if c.isdigit() or (i == 0 and c in "+-"):
            digits += c
        else:
            break
    try:
        return int(digits)
    except ValueError:
        return None


def readableAddChunkUnshiftByteMode(
    stream: Readable, state: ReadableState, chunk: Any, encoding: Any
) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False

    if isinstance(chunk, str):
        encoding = encoding or state.defaultEncoding
        if state.encoding != encoding:
            if state.encoding:
                # When unshifting, if state.encoding is set, we have to save
                # the string in the BufferList with the state encoding.
                chunk = buffer_to_string(buffer_from_string(chunk, encoding), state.encoding)
            else:
                chunk = buffer_from_string(chunk, encoding)
    elif isinstance(chunk, (bytearray, memoryview)):
        chunk = bytes(chunk)
    elif not isinstance(chunk, bytes):
        errorOrDestroy(
            stream,
            errors.ERR_INVALID_ARG_TYPE(
                "chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk
            ),
        )
        return False

    if not chunk:
        return canPushMore(state)

    return readableAddChunkUnshiftValue(stream, state, chunk)


def readableAddChunkUnshiftObjectMode(stream: Readable, state: ReadableState, chunk: Any) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False

    return readableAddChunkUnshiftValue(stream, state, chunk)


def readableAddChunkUnshiftValue(stream: Readable, state: ReadableState, chunk: Any) -> bool:
    if state.endEmitted:
        errorOrDestroy(stream, errors.ERR_STREAM_UNSHIFT_AFTER_END_EVENT())
    elif state.destroyed or state.errored:
        return False
    else:
        addChunk(stream, state, chunk, True)

    return canPushMore(state)


def readableAddChunkPushByteMode(
    stream: Readable, state: ReadableState, chunk: Any, encoding: Any
) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False

    if isinstance(chunk, str):
        encoding = encoding or state.defaultEncoding
        if state.encoding != encoding:
            chunk = buffer_from_string(chunk, encoding)
            encoding = ""
    elif isinstance(chunk, bytes):
        encoding = ""
    elif isinstance(chunk, (bytearray, memoryview)):
        chunk = bytes(chunk)
        encoding = ""
    else:
        errorOrDestroy(
            stream,
            errors.ERR_INVALID_ARG_TYPE(
                "chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk
            ),
        )
        return False

    if not chunk:
        state.reading = False
        maybeReadMore(stream, state)

        return canPushMore(state)

    if state.ended:
        errorOrDestroy(stream, errors.ERR_STREAM_PUSH_AFTER_EOF())
        return False

    if state.destroyed or state.errored:
        return False

    state.reading = False
    decoder = state.decoder
    if decoder is not None and not encoding:
        chunk = decoder.write(chunk)
        if len(chunk) == 0:
            maybeReadMore(stream, state)
            return canPushMore(state)

    addChunk(stream, state, chunk, False)
    return canPushMore(state)


def readableAddChunkPushObjectMode(
    stream: Readable, state: ReadableState, chunk: Any, encoding: Any
) -> bool:
    if chunk is None:
        state.reading = False
        onEofChunk(stream, state)
        return False

    if state.ended:
        errorOrDestroy(stream, errors.ERR_STREAM_PUSH_AFTER_EOF())
        return False

    if state.destroyed or state.errored:
        return False

    state.reading = False

    decoder = state.decoder
    if decoder is not None and not encoding:
        chunk = decoder.write(chunk)

    addChunk(stream, state, chunk, False)
    return canPushMore(state)


def canPushMore(state: ReadableState) -> bool:
    # We can push more data if we are below the highWaterMark.
    # Also, if we have no data yet, we can stand some more bytes.
    # This is to work around cases where hwm=0, such as the repl.
    return not state.ended and (state.length < state.highWaterMark or state.length == 0)


def addChunk(stream: Readable, state: ReadableState, chunk: Any, addToFront: bool) -> None:
    if state.flowing is True and state.dataListening and not state.sync and state.length == 0:
        # Use the guard to avoid creating `Set()` repeatedly
        # when we have multiple pipes.
        if state.multiAwaitDrain:
            state.awaitDrainWriters.clear()
        else:
            state.awaitDrainWriters = None

        state.dataEmitted = True
        stream.emit("data", chunk)
    else:
        # Update the buffer info.
        state.length += 1 if state.objectMode else len(chunk)
        if addToFront:
            state.buffer.appendleft(chunk)
        else:
            state.buffer.append(chunk)

        if state.needReadable:
            emitReadable(stream)
    maybeReadMore(stream, state)


# Don't raise the hwm > 1GB.
MAX_HWM = 0x40000000


def computeNewHighWaterMark(n: int) -> int:
    if n > MAX_HWM:
        raise errors.ERR_OUT_OF_RANGE("size", "<= 1GiB", n)
    # Get the next highest power of 2 to prevent increasing hwm excessively in
    # tiny amounts.
    n -= 1
    n |= n >> 1
    n |= n >> 2
    n |= n >> 4
    n |= n >> 8
    n |= n >> 16
    n += 1
    return n


def howMuchToRead(n: int | None, state: ReadableState) -> int:
    # n is None for NaN (read() with no size).
    if (n is not None and n <= 0) or (state.length == 0 and state.ended):
        return 0
    if state.objectMode:
        return 1
    if n is None:
        # Only flow one buffer at a time.
        if state.flowing is True and state.length:
            return len(state.buffer[0])
        return state.length
    if n <= state.length:
        return n
    return state.length if state.ended else 0


def onEofChunk(stream: Readable, state: ReadableState) -> None:
    if state.ended:
        return
    decoder = state.decoder
    if decoder is not None:
        chunk = decoder.end()
        if chunk:
            state.buffer.append(chunk)
            state.length += 1 if state.objectMode else len(chunk)
    state.ended = True

    if state.sync:
        # If we are sync, wait until next tick to emit the data.
        # Otherwise we risk emitting data in the flow()
        # the readable code triggers during a read() call.
        if state.flowing is True or state.needReadable or stream.listenerCount("readable") > 0:
            emitReadable(stream)
        else:
            # Nobody is observing the stream: do not schedule the 'readable'
            # emission at all. A 'readable' listener attached later redeems it
            # (see Readable.prototype.on), and read() and resume() reach the
            # end of the stream on their own.
            state.eofReadablePending = True
    else:
        # Emit 'readable' now to make sure it gets picked up.
        state.needReadable = False
        state.emittedReadable = True
        # We have to emit readable now that we are EOF. Modules
        # in the ecosystem (e.g. dicer) rely on this event being sync.
        emitReadable_(stream)


# Don't emit readable right away in sync mode, because this can trigger
# another read() call => stack overflow.  This way, it might trigger
# a nextTick recursion warning, but that's not so bad.
def emitReadable(stream: Readable) -> None:
    state = stream._readableState
    state.needReadable = False
    if not state.emittedReadable:
        state.emittedReadable = True
        next_tick(emitReadable_, stream)


def emitReadable_(stream: Readable) -> None:
    state = stream._readableState
    if not state.destroyed and not state.errored and (state.length or state.ended):
        stream.emit("readable")
        state.emittedReadable = False

    # The stream needs another readable event if:
    # 1. It is not flowing, as the flow mechanism will take
    #    care of it.
    # 2. It is not ended.
    # 3. It is below the highWaterMark, so we can schedule
    #    another readable later.
    if state.flowing is not True and not state.ended and state.length <= state.highWaterMark:
        state.needReadable = True
    flow(stream)


# At this point, the user has presumably seen the 'readable' event,
# and called read() to consume some data.  that may have triggered
# in turn another _read(n) call, in which case reading = true if
# it's in progress.
# However, if we're not ended, or reading, and the length < hwm,
# then go ahead and try to read some more preemptively.
def maybeReadMore(stream: Readable, state: ReadableState) -> None:
    # Node 24: not while a _read() is in progress either (kReading).
    if not state.readingMore and not state.reading and state.constructed:
        state.readingMore = True
        next_tick(maybeReadMore_, stream, state)


# ACCELERATED(_speedups.Readable_maybeReadMore_)
def maybeReadMore_(stream: Readable, state: ReadableState) -> None:
    # Attempt to read more data if we should.
    #
    # The conditions for reading more data are (one of):
    # - Not enough data buffered (state.length < state.highWaterMark). The loop
    #   is responsible for filling the buffer with enough data if such data
    #   is available. If highWaterMark is 0 and we are not in the flowing mode
    #   we should _not_ attempt to buffer any extra data. We'll get more data
    #   when the stream consumer calls read() instead.
    # - No data in the buffer, and the stream is in flowing mode. In this mode
    #   the loop below is responsible for ensuring read() is called. Failing to
    #   call read here would abort the flow and there's no other mechanism for
    #   continuing the flow if the stream consumer has just subscribed to the
    #   'data' event.
    #
    # In addition to the above conditions to keep reading data, the following
    # conditions prevent the data from being read:
    # - The stream has ended (state.ended).
    # - There is already a pending 'read' operation (state.reading). This is a
    #   case where the stream has called the implementation defined _read()
    #   method, but they are processing the call asynchronously and have _not_
    #   called push() with new data. In this case we skip performing more
    #   read()s. The execution ends in this method again after the _read() ends
    #   up calling push() with more data.
    while (
        not state.reading
        and not state.ended
        and (state.length < state.highWaterMark or (state.flowing is True and state.length == 0))
    ):
        length = state.length
        stream.read(0)
        if length == state.length:
            # Didn't get any data, stop spinning.
            break
    state.readingMore = False


def pipeOnDrain(src: Readable, dest: Any) -> Callable[..., None]:
    def pipeOnDrainFunctionResult(*_: Any) -> None:
        state = src._readableState

        # `ondrain` will call directly,
        # `this` maybe not a reference to dest,
        # so we use the real dest here.
        if state.awaitDrainWriters is dest:
            state.awaitDrainWriters = None
        elif state.multiAwaitDrain:
            state.awaitDrainWriters.discard(dest)

        if (
            not state.awaitDrainWriters or len(state.awaitDrainWriters) == 0
        ) and state.dataListening:
            src.resume()

    return pipeOnDrainFunctionResult


def updateReadableListening(self: Readable) -> None:
    state = self._readableState

    state.readableListening = self.listenerCount("readable") > 0

    if state._paused is False and state.resumeScheduled:
        # Flowing needs to be set to true now, otherwise
        # the upcoming resume will not flow.
        state.flowing = True

        # Crude way to check if we should resume.
    elif state.dataListening:
        self.resume()
    elif not state.readableListening:
        state.flowing = None


def nReadingNextTick(self: Readable) -> None:
    self.read(0)


def resume(stream: Readable, state: ReadableState) -> None:
    if not state.resumeScheduled:
        state.resumeScheduled = True
        next_tick(resume_, stream, state)


def resume_(stream: Readable, state: ReadableState) -> None:
    if not state.reading:
        stream.read(0)

    state.resumeScheduled = False
    stream.emit("resume")
    flow(stream)
    if state.flowing is True and not state.reading:
        stream.read(0)


def flow(stream: Readable) -> None:
    state = stream._readableState
    # DIVERGENCE: Node looks `stream.read` up on every pass of the loop; we look it up
    # once (an attribute lookup per chunk is measurable on the socket read path). The
    # difference shows only if a 'data' listener replaces `stream.read` while the
    # stream flows: the rest of this flow() still calls the old one.
    read = stream.read
    while state.flowing is True and read() is not None:
        pass


# -- async iteration ------------------------------------------------------------------------


class ReadableAsyncIterator:
    """What ``readable[Symbol.asyncIterator]()`` returns: ``async for`` and ``next()``.

    ``async for chunk in readable`` drives the async generator directly. ``next()``,
    ``return_()`` and ``throw()`` are the JS iterator protocol (Promises of
    ``{'value': ..., 'done': ...}``), for code that iterates by hand; like a JS async
    generator they queue: a ``next()`` made while another is pending runs after it.

    DIVERGENCE: leaving an ``async for`` early (``break``/``return``) closes the generator
    when the iterator is released (CPython does it at once), not through an explicit
    ``return()`` call as JS's ``for await`` does; the effect (destroying the stream) is
    the same.
    """

    __slots__ = ("_gen", "_tail", "stream")

    def __init__(self, gen: Any, stream: Any) -> None:
        self._gen = gen
        self._tail: Promise | None = None
        self.stream = stream

    def __aiter__(self) -> ReadableAsyncIterator:
        return self

    def __anext__(self) -> Any:
        return self._gen.__anext__()

    def aclose(self) -> Any:
        return self._gen.aclose()

    def _enqueue(self, make: Callable[[], Any]) -> Promise:
        prev = self._tail

        async def step() -> Any:
            if prev is not None and prev.state == "pending":
                try:
                    await prev
                except Exception:
                    # The previous request's rejection belongs to whoever awaits its
                    # Promise; this one only waits for it to settle (JS queues them).
                    pass
            return await make()

        p = spawn(step())
        self._tail = p
        return p

    def next(self) -> Promise:
        async def step() -> dict[str, Any]:
            try:
                value = await self._gen.__anext__()
            except StopAsyncIteration:
                return {"value": None, "done": True}
            return {"value": value, "done": False}

        return self._enqueue(step)

    def return_(self, value: Any = None) -> Promise:
        async def step() -> dict[str, Any]:
            await self._gen.aclose()
            return {"value": value, "done": True}

        return self._enqueue(step)

    def throw(self, err: Any) -> Promise:
        async def step() -> dict[str, Any]:
            try:
                value = await self._gen.athrow(err)
            except StopAsyncIteration:
                return {"value": None, "done": True}
            return {"value": value, "done": False}

        return self._enqueue(step)


def streamToAsyncIterator(stream: Any, options: Any = None) -> ReadableAsyncIterator:
    if not callable(getattr(stream, "read", None)):
        stream = _static_wrap(stream, {"objectMode": True})

    return ReadableAsyncIterator(createAsyncIterator(stream, options), stream)


async def createAsyncIterator(stream: Any, options: Any) -> Any:
    from nodenet_uv.stream.end_of_stream import eos

    callback: Callable[..., Any] = nop

    # Node's next(resolve) is both the 'readable' listener (this === stream) and the
    # Promise executor; two functions here.
    def next_(*_: Any) -> None:
        nonlocal callback
        callback()
        callback = nop

    def executor(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        nonlocal callback
        callback = resolve

    stream.on("readable", next_)

    # undefined (still running) / None (ended cleanly) / an error; _UNSET plays undefined.
    error: Any = _UNSET

    def on_finished(err: Any = None) -> None:
        nonlocal error, callback
        error = errors.aggregateTwoErrors(_js(error), err) if err else None
        callback()
        callback = nop

    cleanup = eos(stream, {"writable": False}, on_finished)

    try:
        while True:
            chunk = None if stream.destroyed else stream.read()
            if chunk is not None:
                yield chunk
            elif error is not _UNSET and error is not None:
                raise error
            elif error is None:
                return
            else:
                await Promise(executor)
    except GeneratorExit:
        raise
    except BaseException as err:
        error = errors.aggregateTwoErrors(_js(error), err)
        raise error from None
    finally:
        # Node 24: a half-open Duplex whose writable side is still open survives the
        # end of its readable side's iteration.
        preserveHalfOpenDuplex = (
            error is None
            and getattr(stream, "allowHalfOpen", None) is True
            and getattr(stream, "writable", None) is True
            and getattr(stream, "writableEnded", None) is not True
        )
        if (
            (
                (error is not _UNSET and error is not None)
                or not options
                or options.get("destroyOnReturn") is not False
            )
            and (error is _UNSET or stream._readableState.autoDestroy)
            and not preserveHalfOpenDuplex
        ):
            destroyer(stream, None)
        else:
            stream.off("readable", next_)
            cleanup()


class _Unset:
    __slots__ = ()

    def __repr__(self) -> str:
        return "undefined"


_UNSET: Any = _Unset()


def _js(value: Any) -> Any:
    return None if value is _UNSET else value


# Exposed for testing purposes only.
def fromList(n: int, state: ReadableState) -> Any:
    """Pluck off n bytes (or one object) from the buffer list."""
    # nothing buffered.
    if state.length == 0:
        return None

    buf = state.buffer
    ret: Any

    if state.objectMode:
        ret = buf.popleft()
    elif not n or n >= state.length:
        # Read it all, truncate the list.
        if state.decoder is not None:
            try:
                ret = "".join(buf)
            except TypeError:
                ret = "".join(_js_strings(buf))
        elif len(buf) == 0:
            ret = b""
        elif len(buf) == 1:
            ret = buf[0]
        else:
            ret = b"".join(buf)
        buf.clear()
    else:
        first = buf[0]
        if n < len(first):
            # `slice` is the same for buffers and strings.
            ret = first[:n]
            buf[0] = first[n:]
        elif n == len(first):
            # First chunk is a perfect match.
            ret = buf.popleft()
        else:
            parts = []
            while buf:
                data = buf[0]
                if n > len(data):
                    parts.append(data)
                    n -= len(data)
                    buf.popleft()
                else:
                    if n == len(data):
                        parts.append(data)
                        buf.popleft()
                    else:
                        parts.append(data[:n])
                        buf[0] = data[n:]
                    break
            ret = "".join(_js_strings(parts)) if state.decoder is not None else b"".join(parts)

    return ret


def _js_strings(chunks: Any) -> list[str]:
    # Node's `ret += chunk`: a Buffer unshifted while an encoding is set stays a Buffer in
    # the list (readableAddChunkUnshiftByteMode) and is stringified as utf8 here.
    return [c if isinstance(c, str) else bytes(c).decode("utf-8", "replace") for c in chunks]


def endReadable(stream: Readable) -> None:
    state = stream._readableState

    if not state.endEmitted and not state.endScheduled:
        state.ended = True
        state.endScheduled = True
        next_tick(endReadableNT, state, stream)


def endReadableNT(state: ReadableState, stream: Any) -> None:
    # The scheduled tick is running; allow endReadable() to schedule again.
    # This matters both when the 'end' emission is skipped below (e.g. after
    # an unshift()) and when the stream is later reset for reuse
    # (see undestroy()), which clears kEndEmitted but not this flag.
    state.endScheduled = False

    # Check that we didn't get one last unshift.
    if not state.errored and not state.closeEmitted and not state.endEmitted and state.length == 0:
        state.endEmitted = True
        stream.emit("end")

        if getattr(stream, "writable", False) and getattr(stream, "allowHalfOpen", None) is False:
            next_tick(endWritableNT, stream)
        elif state.autoDestroy:
            # In case of duplex streams we need a way to detect
            # if the writable side is ready for autoDestroy as well.
            w_state = getattr(stream, "_writableState", None)
            auto_destroy = w_state is None or (
                w_state.autoDestroy
                # We don't expect the writable to ever 'finish'
                # if writable is explicitly set to false.
                and (w_state.finished or w_state.writable is False)
            )

            if auto_destroy:
                stream.destroy()


def endWritableNT(stream: Any) -> None:
    writable = stream.writable and not stream.writableEnded and not stream.destroyed
    if writable:
        stream.end()


def _from(iterable: Any, opts: Any = None, **kwargs: Any) -> Readable:
    """Readable.from(iterable[, options]): a Readable over a (sync or async) iterable."""
    from nodenet_uv.stream.from_ import from_

    return from_(Readable, iterable, node_options(opts, kwargs, READABLE_OPTIONS, "from"))


def _static_wrap(src: Any, options: Any = None, **kwargs: Any) -> Readable:
    """Readable.wrap(src[, options]) (static)."""
    options = node_options(options, kwargs, READABLE_OPTIONS, "wrap") or {}
    object_mode = getattr(src, "readableObjectMode", None)
    if object_mode is None:
        object_mode = getattr(src, "objectMode", None)
    if object_mode is None:
        object_mode = True

    def destroy(err: Any, callback: Callable[..., Any]) -> None:
        destroyer(src, err)
        callback(err)

    return Readable({"objectMode": object_mode, **options, "destroy": destroy})._wrap(src)


Readable.wrap = _StaticOrInstance(_static_wrap, Readable._wrap)  # type: ignore[attr-defined]
Readable.from_ = staticmethod(_from)  # type: ignore[attr-defined]
setattr(Readable, "from", staticmethod(_from))
Readable._fromList = staticmethod(fromList)  # type: ignore[attr-defined]


def _install_operators() -> None:
    """Node's lib/stream.js: the operators of internal/streams/operators.js become
    methods of Readable.prototype (with their snake_case twins, as NodeNames gives)."""
    from nodenet_uv.stream.operators import promiseReturningOperators, streamReturningOperators

    def stream_returning(op: Callable[..., Any]) -> Callable[..., Any]:
        def fn(self: Any, *args: Any, **kwargs: Any) -> Readable:
            return Readable.from_(op(self, *args, **kwargs))  # type: ignore[attr-defined]

        return fn

    def promise_returning(op: Callable[..., Any]) -> Callable[..., Any]:
        def fn(self: Any, *args: Any, **kwargs: Any) -> Promise:
            return spawn(op(self, *args, **kwargs))

        return fn

    mapping = dict(Readable._snake_to_camel)
    for operators, wrap in (
        (streamReturningOperators, stream_returning),
        (promiseReturningOperators, promise_returning),
    ):
        for key, op in operators.items():
            fn = wrap(op)
            fn.__name__ = op.__name__
            fn.__qualname__ = f"Readable.{key}"
            fn.__doc__ = op.__doc__
            setattr(Readable, key, fn)
            if snake(key) != key:
                setattr(Readable, snake(key), fn)
                mapping[snake(key)] = key
    Readable._snake_to_camel = mapping


_install_operators()


__all__ += alias_module(globals(), __all__)
