"""Port of Node.js lib/internal/stream_base_commons.js (v24.22.3): the JS side of StreamBase.

``writeGeneric``/``writevGeneric`` dispatch a write to the handle and complete it the
way Node does (synchronously when ``try_write`` took everything); ``onStreamRead`` is
every stream handle's ``onread``; ``setStreamTimeout`` is ``Socket.prototype.setTimeout``.
Functions keep Node's names and order; :class:`StreamHandle` is what ``socket._handle``
is (Node's LibuvStreamWrap as net.js uses it).

# DIVERGENCE: Node keeps this file under lib/internal/; here it sits at the net layer
# (not under ``_internal``) because it builds Node errors and uses timers, which our
# layering (docs/design.md) puts above ``_internal``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._binding import string_bytes, uv
from nodenet_uv._binding.stream_wrap import ShutdownWrap, WriteWrap
from nodenet_uv._internal import timers as _itimers
from nodenet_uv._internal.buffer import buffer_from_string
from nodenet_uv.timers import getTimerDuration

UV_EOF = uv.UV_EOF

# DIVERGENCE: kMaybeDestroy, kSession and kBoundSession are http2's (an Http2Stream sets
# stream[kMaybeDestroy] and stream[kSession], a socket bound to an Http2Session gets
# kBoundSession). There is no http2 here, so nothing would ever set them: onStreamRead's
# and setStreamTimeout's branches on them are left out.


class StreamHandle(Protocol):
    """What ``Socket._handle`` is: a LibuvStreamWrap (``TCP`` or ``Pipe``, _binding).

    The StreamBase surface net.js and this module use. TCP-only methods
    (``getsockname``, ``getpeername``, ``setNoDelay``, ``setKeepAlive``, ``bind``,
    ``connect``, ``reset``...) are looked up where Node tests for them
    (``if (this._handle.setNoDelay)``), so they are not part of the protocol.
    """

    owner: Any  # handle[owner_symbol]: the Socket or Server
    onread: Callable[[Any, int, Any], Any] | None
    reading: bool
    bytesRead: int
    bytesWritten: int

    @property
    def fd(self) -> int: ...
    @property
    def writeQueueSize(self) -> int: ...

    def readStart(self) -> int: ...
    def readStop(self) -> int: ...
    def useUserBuffer(self, buf: Any) -> None: ...
    def tryWriteBuffer(self, data: Any, nbytes: int) -> int: ...
    def writeQueued(self, req: WriteWrap, data: Any, nbytes: int) -> int: ...
    def writeBuffer(self, req: WriteWrap, data: Any) -> int: ...
    def writev(self, req: WriteWrap, chunks: list[Any], all_buffers: bool) -> int: ...
    def writeUtf8String(self, req: WriteWrap, s: str) -> int: ...
    def writeLatin1String(self, req: WriteWrap, s: str) -> int: ...
    def writeAsciiString(self, req: WriteWrap, s: str) -> int: ...
    def writeUcs2String(self, req: WriteWrap, s: str) -> int: ...
    def shutdown(self, req: ShutdownWrap) -> int: ...
    def close(self, callback: Callable[[], Any] | None = None) -> None: ...
    def ref(self) -> None: ...
    def unref(self) -> None: ...
    def hasRef(self) -> bool: ...


# DIVERGENCE: Node 24's binding creates the WriteWrap itself (handle.writeBuffer(null,
# data) returns an error number or the req) and lib/ attaches oncomplete afterwards. Our
# _binding keeps Node 20's protocol, a WriteWrap made here first, so Node 20's
# handleWriteReq and createWriteWrap stay; the JS-visible behaviour is Node 24's.
def handleWriteReq(req: WriteWrap, data: Any, encoding: str) -> int:
    handle = req.handle
    if encoding == "buffer":
        if isinstance(data, str):
            # StreamBase::WriteBuffer checks its argument in C++.
            raise errors.cppError(errors.ERR_INVALID_ARG_TYPE, "Second argument must be a buffer")
        return int(handle.writeBuffer(req, data))
    if encoding in ("latin1", "binary"):
        return int(handle.writeLatin1String(req, data))
    if encoding in ("utf8", "utf-8"):
        return int(handle.writeUtf8String(req, data))
    if encoding == "ascii":
        return int(handle.writeAsciiString(req, data))
    if encoding in ("ucs2", "ucs-2", "utf16le", "utf-16le"):
        return int(handle.writeUcs2String(req, data))
    if isinstance(data, str):
        return int(handle.writeBuffer(req, buffer_from_string(data, encoding)))
    return int(handle.writeBuffer(req, data))


def onWriteComplete(req: WriteWrap, status: int) -> None:
    stream = req.handle.owner
    callback = req.callback

    # Node 24 reports a failed write even when the stream was destroyed meanwhile (Node
    # 20 swallowed it: the "TODO (ronag)" there).
    if status < 0:
        error = errors.ErrnoException(status, "write", req.error)
        if callable(callback):
            callback(error)
            return
        stream.destroy(error)
        return

    if stream.destroyed:
        if callable(callback):
            callback(None)
        return

    stream._k_update_timer()
    stream._k_after_async_write()

    if callable(callback):
        callback(None)


def createWriteWrap(handle: StreamHandle, callback: Callable[..., Any] | None) -> WriteWrap:
    req = WriteWrap()
    req.handle = handle
    req.oncomplete = onWriteComplete
    req.async_ = False
    req.bytes = 0
    req.buffer = None
    req.callback = callback
    return req


def entry_chunk(entry: Any) -> Any:
    """The chunk of a writable-buffer entry (``{chunk, encoding, callback}``)."""
    return entry["chunk"] if isinstance(entry, dict) else entry.chunk


def entry_encoding(entry: Any) -> Any:
    """The encoding of a writable-buffer entry."""
    return entry["encoding"] if isinstance(entry, dict) else entry.encoding


def writevGeneric(self: Any, data: Any, cb: Callable[..., Any]) -> WriteWrap:
    req = createWriteWrap(self._handle, cb)
    all_buffers = getattr(data, "allBuffers", None)
    if all_buffers is None:
        all_buffers = all(not isinstance(entry_chunk(e), str) for e in data)
    chunks: list[Any]
    # Buffer chunks are passed as they are; strings go with their encoding.
    if all_buffers:
        chunks = [entry_chunk(e) for e in data]
    else:
        chunks = []
        for e in data:
            chunks.append(entry_chunk(e))
            chunks.append(entry_encoding(e))
    err = req.handle.writev(req, chunks, all_buffers)

    # Retain chunks
    if err == 0:
        req._chunks = chunks

    afterWriteDispatched(req, err, cb)
    return req


class _SyncWrite:
    """``{ async: false, bytes }``: what writeGeneric returns for a write that completed
    synchronously (Node 24's afterWriteDispatched returns that object)."""

    __slots__ = ()
    async_ = False
    bytes = 0


_SYNC_WRITE = _SyncWrite()
_BUFFER_TYPES = (bytes, bytearray, memoryview)


# ACCELERATED(_speedups.Writable_write): the bytes branch, for an unmodified Socket.
def writeGeneric(self: Any, data: Any, encoding: str, cb: Callable[..., Any]) -> Any:
    if type(data) is str and (encoding == "utf8" or encoding == "utf-8"):
        # handleWriteReq's utf8 branch is the binding's writeUtf8String, which is
        # writeBuffer of string_bytes.write(data, 'utf8'): encode here and take the
        # buffer path below, with the same bytes, bytesWritten, completion and errors.
        # end('x') comes here.
        data = string_bytes.write(data, "utf8")
        encoding = "buffer"
    if encoding == "buffer" and type(data) in _BUFFER_TYPES:
        # INLINED(afterWriteDispatched, lib/internal/stream_base_commons.js)
        # INLINED(StreamBase::Write, src/stream_base.cc)
        # The hot path: try_write first, as StreamBase::Write does, and build a WriteWrap
        # only for a remainder that must be queued. A write that completes at once calls
        # back synchronously, exactly as afterWriteDispatched does for a write that
        # completed synchronously. The slow path below is the same without the shortcut;
        # tests/unit/test_net_slow_paths.py runs writes through both.
        handle = self._handle
        nbytes = len(data) if type(data) is not memoryview else data.nbytes
        written = handle.tryWriteBuffer(data, nbytes)
        if written == nbytes:
            cb()
            return _SYNC_WRITE
        if written < 0:
            cb(errors.ErrnoException(written, "write"))
            return _SYNC_WRITE
        req = createWriteWrap(handle, cb)
        rest = memoryview(data)[written:] if written else data
        err = handle.writeQueued(req, rest, nbytes)
        afterWriteDispatched(req, err, cb)
        return req
    req = createWriteWrap(self._handle, cb)
    err = handleWriteReq(req, data, encoding)
    afterWriteDispatched(req, err, cb)
    return req


def afterWriteDispatched(req: WriteWrap, err: int, cb: Callable[..., Any]) -> None:
    if err != 0:
        cb(errors.ErrnoException(err, "write", req.error))
        return

    # The write (or its failure) completed synchronously: the callback runs now (the
    # Writable layer defers user callbacks and 'drain' to the next tick because
    # state.sync is set).
    if not req.async_ and callable(req.callback):
        req.callback()


# ACCELERATED(_speedups.onStreamRead): the data case, for an unmodified Socket.
def onStreamRead(handle: StreamHandle, nread: int, buf: Any) -> Any:
    """Every stream handle's ``onread``: push data, EOF or a read error into the socket."""
    stream = handle.owner

    # stream[kUpdateTimer](): every read (data, EOF or error) refreshes the idle timeout.
    # (Skipped, as _unrefTimer would do nothing, when there is no timer and no parent.)
    if stream._k_timeout is not None or stream._parent is not None:
        stream._unrefTimer()

    # (_readableState.destroyed: a Duplex's both halves are destroyed together.)
    if nread > 0 and not stream._readableState.destroyed:
        ret = None
        user_buf = stream._k_buffer
        if user_buf is not None:
            if user_buf is not True and buf is not user_buf:
                # The binding normally reads into user_buf itself (useUserBuffer).
                n = min(nread, len(user_buf))
                user_buf[:n] = buf[:n]
            result = stream._k_buffer_cb(nread, user_buf) is not False
            buf_gen = stream._k_buffer_gen
            if buf_gen is not None:
                next_buf = buf_gen()
                if isinstance(next_buf, (bytearray, memoryview)):
                    stream._k_buffer = ret = next_buf
        else:
            result = stream.push(buf)
        if not result:
            handle.reading = False
            if not stream.destroyed:
                err = handle.readStop()
                if err:
                    stream.destroy(errors.ErrnoException(err, "read"))

        return ret

    if nread == 0:
        return None

    # After seeing EOF, most streams will be closed permanently,
    # and will not deliver any more read events after this point.
    # (equivalently, it should have called readStop on itself already).
    # Some streams may be reset and explicitly started again with a call
    # to readStart, such as TTY.

    if nread != UV_EOF:
        # CallJSOnreadMethod expects the return value to be a buffer.
        # Ref: https://github.com/nodejs/node/pull/34375
        stream.destroy(errors.ErrnoException(nread, "read"))
        return None

    # Defer this until we actually emit end
    if not stream._readableState.endEmitted:
        # (kMaybeDestroy, http2's, would be added as an 'end' listener here.)
        # Push a null to signal the end of data.
        # Do it before `maybeDestroy` for correct order of events:
        # `end` -> `close`
        stream.push(None)
        stream.read(0)
    return None


def onStreamTimeout(stream: Any) -> None:
    stream._onTimeout()


def setStreamTimeout(self: Any, msecs: Any, callback: Any = None) -> Any:
    """Socket.prototype.setTimeout(msecs[, callback])."""
    if self.destroyed:
        return self

    self.timeout = msecs

    # Type checking identical to timers.enroll()
    ms = getTimerDuration(msecs, "msecs")

    # Attempt to clear an existing timer in both cases -
    #  even if it will be rescheduled we don't want to leak an existing timer.
    _itimers.clear_timeout(self._k_timeout)

    if ms == 0:
        if callback is not None:
            validators.validate_function(callback, "callback")
            self.removeListener("timeout", callback)
    else:
        # DIVERGENCE: Node 24 reuses the cleared Timeout (reuseOrCreateUnrefTimeout, not
        # in _internal.timers yet); a new one behaves the same. onStreamTimeout looks
        # stream._onTimeout up when the timer fires, as Node 24 does.
        self._k_timeout = _itimers.set_unref_timeout(lambda: onStreamTimeout(self), ms)
        if callback is not None:
            validators.validate_function(callback, "callback")
            self.once("timeout", callback)
    return self
