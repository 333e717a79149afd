"""Port of Node.js src/stream_wrap.cc (LibuvStreamWrap) and src/stream_base.cc (StreamBase).

The JS-facing surface is Node's: ``readStart``/``readStop``, ``writeBuffer``/``writev``/
``write*String``, ``shutdown``, ``bytesRead``/``bytesWritten``/``writeQueueSize``/``fd``,
and the ``onread`` callback. Methods return 0 or a negative uv code.

Where Node passes ``this`` to a JS callback, we pass it as the first argument:
``handle.onread(handle, nread, buf)``, ``req.oncomplete(req, status)``.

Writes, as StreamBase::Write: ``bytesWritten`` grows by the whole request at dispatch;
``uv_try_write`` goes first, and only the remainder is queued with ``uv_write``.
``req.bytes`` and ``req.async_`` replace Node's ``streamBaseState[kBytesWritten]`` and
``[kLastWriteWasAsync]``. A write completed by ``try_write`` does not call ``oncomplete``:
JS calls the callback itself (``afterWriteDispatched``).
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from typing import Any, final

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import string_bytes, uv
from nodenet_uv._binding.handle_wrap import CLOSED, INITIALIZED, HandleWrap

_PYUV_ERRORS = uv.PYUV_ERRORS
_HandleClosedError = uv._HandleClosedError
_convert_error = uv.convert_error
_call = uv.call
_UV_EAGAIN = uv.UV_EAGAIN
_UV_EINVAL = uv.UV_EINVAL

# The C accelerator (issue 17): None with NODENET_UV_PURE=1 or when it is not built.
try:
    from nodenet_uv._speedups import bind_on_read as _sp_bind_on_read
except ImportError:
    _sp_bind_on_read = None  # type: ignore[assignment]


@final
class WriteWrap:
    """A write request (Node's WriteWrap): ``oncomplete(req, status)`` when done."""

    __slots__ = (
        "_chunks",
        "async_",
        "buffer",
        "bytes",
        "callback",
        "error",
        "handle",
        "oncomplete",
    )

    def __init__(self) -> None:
        self.handle: Any = None
        self.oncomplete: Callable[[WriteWrap, int], Any] | None = None
        self.callback: Any = None
        self.bytes = 0
        # DIVERGENCE: Node's req.async; `async` is a Python keyword.
        self.async_ = False
        self.error: Any = None
        self.buffer: Any = None
        self._chunks: Any = None

    def _after_write(self, handle: Any, error: int | None) -> None:
        oncomplete = self.oncomplete
        self.buffer = self._chunks = None
        if oncomplete is not None:
            _loop.make_callback(oncomplete, self, error or 0)


@final
class ShutdownWrap:
    """A shutdown request (Node's ShutdownWrap): ``oncomplete(req, status)``."""

    __slots__ = ("callback", "handle", "oncomplete")

    def __init__(self) -> None:
        self.handle: Any = None
        self.oncomplete: Callable[[ShutdownWrap, int], Any] | None = None
        self.callback: Any = None

    def _after_shutdown(self, handle: Any, error: int | None) -> None:
        if self.oncomplete is not None:
            _loop.make_callback(self.oncomplete, self, error or 0)


class LibuvStreamWrap(HandleWrap):
    """A stream handle (TCP or Pipe) with Node's StreamBase methods."""

    __slots__ = (
        "_pending_user_data",
        "_user_buffer",
        "_uv_reading",
        "bytesRead",
        "bytesWritten",
        "onread",
        "reading",
    )

    def __init__(self, handle: Any) -> None:
        super().__init__(handle)
        self.bytesRead = 0
        self.bytesWritten = 0
        self.onread: Callable[[Any, int, Any], Any] | None = None
        # Managed by net.js (handle.reading), kept on the handle as in Node.
        self.reading = False
        self._user_buffer: Any = None
        # uv_read_start/uv_read_stop state, and bytes of a read that did not fit in the
        # user buffer before JS stopped reading (see _emit_user_reads).
        self._uv_reading = False
        self._pending_user_data: bytes | None = None

    # -- reading -------------------------------------------------------------------------
    def readStart(self) -> int:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if not self.is_alive():
            return _UV_EINVAL
        if self._pending_user_data is not None:
            # Bytes already read (user-buffer mode) go first, a loop turn later as a
            # real read would; the socket is read again after them.
            self._uv_reading = True
            _loop.call_in_idle(self._deliver_pending_user_data)
            return 0
        # _speedups.bind_on_read gives the C _on_read when self is an unmodified TCP/Pipe.
        on_read = self._on_read if _sp_bind_on_read is None else _sp_bind_on_read(self)
        err = _call(self._h.start_read, on_read)
        if err:
            return err
        self._uv_reading = True
        return 0

    def readStop(self) -> int:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if not self.is_alive():
            return _UV_EINVAL
        self._uv_reading = False
        return _call(self._h.stop_read)

    # ACCELERATED(_speedups.LibuvStreamWrap_on_read)
    def _on_read(self, handle: Any, data: bytes | None, error: int | None) -> None:
        # LibuvStreamWrap::OnUvRead + EmitRead, and make_callback inlined: this is the
        # hottest path of the library.
        # INLINED(InternalMakeCallback, src/api/callback.cc): loop.make_callback's body.
        if error is None:
            if not data:
                return  # nread == 0: libuv's "nothing this time"; Node ignores it too
            if self._user_buffer is not None:
                self._emit_user_reads(data)
                return
            nread = len(data)
            self.bytesRead += nread
        else:
            nread = error
            data = None
        onread = self.onread
        if onread is None:
            return
        # make_callback + drain_ticks in one try: an exception from onread (a failed
        # scope: the queues are not drained) and one from a tick (the drain stops there)
        # both go to trigger_uncaught_exception and end the callback, exactly as the two
        # separate handlers do, one Python call fewer per read.
        try:
            onread(self, nread, data)
            if _loop.tick_queue or _loop.microtask_queue:
                _loop._tick_callback()
        except BaseException as exc:
            _loop.trigger_uncaught_exception(exc)

    def _emit_user_reads(self, data: bytes) -> None:
        # CustomBufferJSListener (stream_base.cc): libuv reads straight into the user's
        # buffer, so one read is at most len(buffer) bytes and each is its own callback.
        # DIVERGENCE: pyuv reads into its own buffer; split what it read into
        # buffer-sized reads, copied into the user's buffer. Bytes left over when JS
        # stops reading wait for the next readStart.
        view = memoryview(data)
        total = len(view)
        offset = 0
        while offset < total:
            onread = self.onread
            buf = self._user_buffer
            if onread is None or buf is None or self.state != INITIALIZED:
                return
            n = min(memoryview(buf).nbytes, total - offset)
            if n <= 0:
                return
            buf[:n] = view[offset : offset + n]
            offset += n
            self.bytesRead += n
            try:
                ret = onread(self, n, buf)
            except BaseException as exc:
                # A failed scope does not drain the queues (make_callback), but the rest
                # of this read is still delivered: no data is lost.
                _loop.trigger_uncaught_exception(exc)
                continue
            if ret is not None:
                self._user_buffer = ret  # the JS side returned the next buffer
            if _loop.tick_queue or _loop.microtask_queue:
                _loop.drain_ticks()
            if not self._uv_reading and offset < total:
                self._pending_user_data = bytes(view[offset:])
                return

    def _deliver_pending_user_data(self) -> None:
        data = self._pending_user_data
        if data is None or not self._uv_reading or self.state != INITIALIZED:
            return
        self._pending_user_data = None
        self._emit_user_reads(data)
        if self._uv_reading and self._pending_user_data is None and self.state == INITIALIZED:
            try:
                self._h.start_read(self._on_read)
            except _PYUV_ERRORS as exc:
                _loop.make_callback(self._on_read, self._h, None, _convert_error(exc))

    # -- writing -------------------------------------------------------------------------
    # StreamBase::Write is DoTryWrite (uv_try_write) and then, for what is left, DoWrite
    # (uv_write). Here that is tryWriteBuffer + writeQueued: the JS layer's hot path
    # (_stream_base_commons.writeGeneric) calls the two itself, so that a write which
    # completes at once builds no WriteWrap; writeBuffer and writev chain them.
    # ACCELERATED(_speedups.tryWriteBuffer)
    def tryWriteBuffer(self, data: Any, nbytes: int) -> int:
        """The synchronous half of a write (StreamBase::Write up to DoTryWrite).

        Counts ``nbytes`` into ``bytesWritten`` (at dispatch, as Node does) and writes what
        the socket takes now with ``uv_try_write``. Returns the number of bytes written (0
        when earlier writes are still queued or the socket would block: libuv's
        UV_EAGAIN, which DoTryWrite turns into 0), or a negative uv error. The caller
        queues any remainder with :meth:`writeQueued`.
        """
        # INLINED(enter, _binding/loop.py): the loop-thread guard, one compare.
        if get_ident() != _loop._fast:
            _loop.enter_slow()
        # INLINED(HandleWrap::IsAlive, src/handle_wrap.h): called on every write.
        if self.state == CLOSED:
            return _UV_EINVAL
        self.bytesWritten += nbytes
        try:
            written: int = self._h.try_write_code(data)
        except _HandleClosedError:  # closing: libuv's fd is gone
            return uv.UV_EBADF
        return 0 if written == _UV_EAGAIN else written

    def writeQueued(self, req: WriteWrap, data: Any, nbytes: int) -> int:
        """DoWrite: ``uv_write`` of the rest of a request after tryWriteBuffer.

        ``nbytes`` is the whole request's size (already counted into bytesWritten).
        """
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        req.handle = self
        req.bytes = nbytes
        req.async_ = True
        req.buffer = data
        try:
            self._h.write(data, req._after_write)
        except _PYUV_ERRORS as exc:
            req.async_ = False
            req.buffer = None
            return _convert_error(exc)
        return 0

    def writeBuffer(self, req: WriteWrap, data: Any) -> int:
        """StreamBase::WriteBuffer: try_write, then uv_write of the rest; 0 or an error.

        ``req.async_`` tells whether a remainder was queued (then ``oncomplete`` follows).
        """
        if not self.is_alive():
            return _UV_EINVAL
        nbytes = len(data) if type(data) is bytes else memoryview(data).nbytes
        req.handle = self
        req.bytes = nbytes
        written = self.tryWriteBuffer(data, nbytes)
        if written < 0:
            req.async_ = False
            return written
        if written >= nbytes:
            req.async_ = False
            return 0
        return self.writeQueued(req, memoryview(data)[written:] if written else data, nbytes)

    def writev(self, req: WriteWrap, chunks: list[Any], all_buffers: bool) -> int:
        """Node's Writev: ``chunks`` are buffers, or ``[chunk, encoding, ...]`` pairs."""
        if not self.is_alive():
            return _UV_EINVAL
        if all_buffers:
            bufs = list(chunks)
        else:
            bufs = []
            for i in range(0, len(chunks), 2):
                chunk, enc = chunks[i], chunks[i + 1]
                bufs.append(chunk if not isinstance(chunk, str) else string_bytes.write(chunk, enc))
        # DIVERGENCE: Node hands libuv the buffers as they are (uv_buf_t array); pyuv's
        # try_write takes one buffer, so they are joined first.
        return self.writeBuffer(req, b"".join(bufs))

    def writeUtf8String(self, req: WriteWrap, s: str) -> int:
        return self.writeBuffer(req, string_bytes.write(s, "utf8"))

    def writeLatin1String(self, req: WriteWrap, s: str) -> int:
        return self.writeBuffer(req, string_bytes.write(s, "latin1"))

    def writeAsciiString(self, req: WriteWrap, s: str) -> int:
        return self.writeBuffer(req, string_bytes.write(s, "latin1"))

    def writeUcs2String(self, req: WriteWrap, s: str) -> int:
        return self.writeBuffer(req, string_bytes.write(s, "utf16le"))

    # -- shutdown ------------------------------------------------------------------------
    def shutdown(self, req: ShutdownWrap) -> int:
        """LibuvStreamWrap::DoShutdown: uv_shutdown; ``oncomplete(req, status)`` follows.

        With nothing queued, libuv feeds the stream to its pending queue (uv__io_feed): the
        shutdown() syscall and the callback come right after this turn's poll phase,
        before the check phase (this turn's setImmediate()s).
        """
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if not self.is_alive():
            return _UV_EINVAL
        req.handle = self
        return _call(self._h.shutdown, req._after_shutdown)

    # -- properties ------------------------------------------------------------------------
    @property
    def writeQueueSize(self) -> int:
        if self.state != INITIALIZED:
            return 0
        return int(self._h.write_queue_size)

    @property
    def fd(self) -> int:
        try:
            return int(self._h.fileno())
        except _PYUV_ERRORS:  # closed, or no socket yet (Node's fd getter: -1)
            return -1

    def useUserBuffer(self, buf: Any) -> None:
        # CustomBufferJSListener: reads land in `buf`; emulated by net (copy into it).
        self._user_buffer = buf
