"""Port of Node.js lib/internal/stream_base_commons.js: the JS side of StreamBase.

``write_generic``/``writev_generic`` dispatch a write to the handle and complete it the
way Node does (synchronously when ``try_write`` took everything); ``on_stream_read`` is
every stream handle's ``onread``; ``set_stream_timeout`` is ``Socket.prototype.setTimeout``.

# DIVERGENCE: Node keeps this file under lib/internal/; here it sits at the net layer
# (not under ``_internal``) because it builds Node errors and uses timers, which our
# layering (DESIGN.md §2) puts above ``_internal``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._binding import string_bytes, uv
from nodenet_uv._binding.stream_wrap import WriteWrap
from nodenet_uv._internal import timers as _itimers
from nodenet_uv._internal.buffer import buffer_from_string
from nodenet_uv.timers import getTimerDuration

_UV_EOF = uv.UV_EOF


def handle_write_req(req: WriteWrap, data: Any, encoding: str) -> int:
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


def on_write_complete(req: WriteWrap, status: int) -> None:
    stream = req.handle.owner
    callback = req.callback
    if stream.destroyed:
        # A write finishing after destroy() is swallowed, as in Node.
        if callable(callback):
            callback(None)
        return
    if status < 0:
        ex = errors.ErrnoException(status, "write", req.error)
        if callable(callback):
            callback(ex)
        else:
            stream.destroy(ex)
        return
    stream._k_update_timer()
    stream._k_after_async_write()
    if callable(callback):
        callback(None)


def create_write_wrap(handle: Any, callback: Callable[..., Any] | None) -> WriteWrap:
    req = WriteWrap()
    req.handle = handle
    req.oncomplete = on_write_complete
    req.callback = callback
    return req


def entry_chunk(entry: Any) -> Any:
    """The chunk of a writable-buffer entry (``{chunk, encoding, callback}``)."""
    return entry["chunk"] if isinstance(entry, dict) else entry.chunk


def entry_encoding(entry: Any) -> Any:
    """The encoding of a writable-buffer entry."""
    return entry["encoding"] if isinstance(entry, dict) else entry.encoding


def writev_generic(self: Any, data: Any, cb: Callable[..., Any]) -> WriteWrap:
    req = create_write_wrap(self._handle, cb)
    all_buffers = getattr(data, "allBuffers", None)
    if all_buffers is None:
        all_buffers = all(not isinstance(entry_chunk(e), str) for e in data)
    chunks: list[Any]
    if all_buffers:
        chunks = [entry_chunk(e) for e in data]
    else:
        chunks = []
        for e in data:
            chunks.append(entry_chunk(e))
            chunks.append(entry_encoding(e))
    err = req.handle.writev(req, chunks, all_buffers)
    if err == 0:
        req._chunks = chunks
    after_write_dispatched(req, err, cb)
    return req


class _SyncWrite:
    """What write_generic returns for a buffer write that completed at once."""

    __slots__ = ()
    async_ = False
    bytes = 0


_SYNC_WRITE = _SyncWrite()
_BUFFER_TYPES = (bytes, bytearray, memoryview)


def write_generic(self: Any, data: Any, encoding: str, cb: Callable[..., Any]) -> Any:
    if type(data) is str and (encoding == "utf8" or encoding == "utf-8"):
        # handle_write_req's utf8 branch is the binding's writeUtf8String, which is
        # writeBuffer of string_bytes.write(data, 'utf8'): encode here and take the
        # buffer path below (try_write first, a WriteWrap only for a remainder), with
        # the same bytes, bytesWritten, completion and errors. end('x') comes here.
        data = string_bytes.write(data, "utf8")
        encoding = "buffer"
    if encoding == "buffer" and type(data) in _BUFFER_TYPES:
        # The hot path: try_write first, as StreamBase::Write does, and build a WriteWrap
        # only for a remainder that must be queued. A write that completes at once calls
        # back synchronously, exactly as afterWriteDispatched does for req.async false.
        handle = self._handle
        nbytes = len(data) if type(data) is not memoryview else data.nbytes
        written = handle.tryWriteBuffer(data, nbytes)
        if written == nbytes:
            cb()
            return _SYNC_WRITE
        if written < 0:
            cb(errors.ErrnoException(written, "write"))
            return _SYNC_WRITE
        req = create_write_wrap(handle, cb)
        rest = memoryview(data)[written:] if written else data
        err = handle.writeQueued(req, rest, nbytes)
        after_write_dispatched(req, err, cb)
        return req
    req = create_write_wrap(self._handle, cb)
    err = handle_write_req(req, data, encoding)
    after_write_dispatched(req, err, cb)
    return req


def after_write_dispatched(req: WriteWrap, err: int, cb: Callable[..., Any]) -> None:
    if err != 0:
        cb(errors.ErrnoException(err, "write", req.error))
        return
    # Completed by try_write: the callback runs now, synchronously (the Writable layer
    # defers user callbacks and 'drain' to the next tick because state.sync is set).
    if not req.async_ and callable(req.callback):
        req.callback()


def on_stream_read(handle: Any, nread: int, buf: Any) -> Any:
    """Every stream handle's ``onread``: push data, EOF or a read error into the socket."""
    stream = handle.owner
    # Every read (data, EOF or error) refreshes the idle timeout (kUpdateTimer).
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
    if nread != _UV_EOF:
        stream.destroy(errors.ErrnoException(nread, "read"))
        return None
    if stream._readableState.endEmitted:
        maybe_destroy = getattr(stream, "_k_maybe_destroy", None)
        if maybe_destroy is not None:
            maybe_destroy()
    else:
        maybe_destroy = getattr(stream, "_k_maybe_destroy", None)
        if maybe_destroy is not None:
            stream.on("end", maybe_destroy)
        # Push EOF only after kMaybeDestroy listens for 'end': 'end' precedes 'close'.
        stream.push(None)
        stream.read(0)
    return None


def set_stream_timeout(self: Any, msecs: Any, callback: Any = None) -> Any:
    """Socket.prototype.setTimeout(msecs[, callback])."""
    if self.destroyed:
        return self
    self.timeout = msecs
    ms = getTimerDuration(msecs, "msecs")
    _itimers.clear_timeout(self._k_timeout)
    if ms == 0:
        if callback is not None:
            validators.validate_function(callback, "callback")
            self.removeListener("timeout", callback)
    else:
        self._k_timeout = _itimers.set_unref_timeout(self._onTimeout, ms)
        if callback is not None:
            validators.validate_function(callback, "callback")
            self.once("timeout", callback)
    return self
