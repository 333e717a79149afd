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

import errno as _errno
import os as _os
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import _pyuv_compat, string_bytes, uv
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding.handle_wrap import CLOSED, INITIALIZED, HandleWrap

_UVError = pyuv.error.UVError
_HandleClosedError = pyuv.error.HandleClosedError
_UV_EBADF = uv.UV_EBADF
_UV_EINVAL = uv.UV_EINVAL
# See LibuvStreamWrap._shutdown_fed (Unix only; Windows keeps libuv 1.13's timing).
_FEED_SHUTDOWN = _os.name == "posix"
# tryWriteBuffer writes with os.write, as _pyuv_compat.try_write does on POSIX.
_FD_WRITE = _pyuv_compat._USE_FD_WRITE


def _code(exc: BaseException) -> int:
    if isinstance(exc, _HandleClosedError):
        return _UV_EBADF
    args = getattr(exc, "args", ())
    if args and isinstance(args[0], int):
        return int(args[0])
    return uv.UV_UNKNOWN


def call_uv(fn: Callable[..., Any], *args: Any) -> int:
    """Run a pyuv call and return what the libuv call returns: 0, or a negative uv code
    (pyuv raises where libuv returns an error; a C++ binding method passes that on)."""
    try:
        fn(*args)
    except (_UVError, _HandleClosedError) as exc:
        return _code(exc)
    return 0


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
        "_fd",
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
        # The socket's fd, cached at the first write (it exists by then and never changes).
        self._fd = -1

    # -- reading -------------------------------------------------------------------------
    def readStart(self) -> int:
        if self.state == CLOSED:
            return _UV_EINVAL
        if self._pending_user_data is not None:
            # Bytes already read (user-buffer mode) go first, a loop turn later as a
            # real read would; the socket is read again after them.
            self._uv_reading = True
            _loop.call_in_idle(self._deliver_pending_user_data)
            return 0
        err = call_uv(self._h.start_read, self._on_read)
        if err:
            return err
        self._uv_reading = True
        return 0

    def readStop(self) -> int:
        if self.state == CLOSED:
            return _UV_EINVAL
        self._uv_reading = False
        return call_uv(self._h.stop_read)

    def _on_read(self, handle: Any, data: bytes | None, error: int | None) -> None:
        # LibuvStreamWrap::OnUvRead + EmitRead, and make_callback inlined: this is the
        # hottest path of the library.
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
            except (_UVError, _HandleClosedError) as exc:
                _loop.make_callback(self._on_read, self._h, None, _code(exc))

    # -- writing -------------------------------------------------------------------------
    def _dispatch(self, req: WriteWrap, data: Any, nbytes: int) -> int:
        # StreamBase::Write → LibuvStreamWrap::DoTryWrite, then uv_write for the rest.
        req.handle = self
        self.bytesWritten += nbytes
        req.bytes = nbytes
        h = self._h
        if h.write_queue_size:
            written = 0  # uv_try_write: EAGAIN while earlier writes are queued
        else:
            fd = self._fd
            if fd < 0:
                fd = self._fd = self.fd
            written = _pyuv_compat.try_write(h, fd, data)
            if written < 0:
                req.async_ = False
                return written
        if written >= nbytes:
            req.async_ = False
            return 0
        rest = memoryview(data)[written:] if written else data
        req.async_ = True
        req.buffer = rest
        try:
            h.write(rest, req._after_write)
        except (_UVError, _HandleClosedError) as exc:
            req.async_ = False
            return _code(exc)
        return 0

    def tryWriteBuffer(self, data: Any, nbytes: int) -> int:
        """The synchronous half of writeBuffer (StreamBase::Write's DoTryWrite).

        Counts ``nbytes`` into ``bytesWritten`` (at dispatch, as Node does) and writes what
        the socket takes now. Returns the number of bytes written (0 when earlier writes
        are still queued or the socket would block), or a negative uv error. The caller
        queues any remainder with :meth:`writeBuffer`. This lets the JS layer skip
        building a WriteWrap for the common case of a write that completes at once.
        """
        if self.state == CLOSED:
            return _UV_EINVAL
        self.bytesWritten += nbytes
        if self._h.write_queue_size:
            return 0
        fd = self._fd
        if fd < 0:
            fd = self._fd = self.fd
        if _FD_WRITE and fd >= 0:
            # _pyuv_compat.try_write's POSIX branch, inlined (one write() on the fd; the
            # same results: bytes written, 0 when it would block, or -errno).
            try:
                return _os.write(fd, data)
            except (BlockingIOError, InterruptedError):
                return 0
            except OSError as exc:
                return -(exc.errno or _errno.EIO)
        return _pyuv_compat.try_write(self._h, fd, data)

    def writeQueued(self, req: WriteWrap, data: Any, nbytes: int) -> int:
        """uv_write of the rest of a request after tryWriteBuffer (already counted)."""
        req.handle = self
        req.bytes = nbytes
        req.async_ = True
        req.buffer = data
        try:
            self._h.write(data, req._after_write)
        except (_UVError, _HandleClosedError) as exc:
            req.async_ = False
            return _code(exc)
        return 0

    def writeBuffer(self, req: WriteWrap, data: Any) -> int:
        if self.state == CLOSED:
            return _UV_EINVAL
        return self._dispatch(
            req, data, len(data) if type(data) is bytes else memoryview(data).nbytes
        )

    def writev(self, req: WriteWrap, chunks: list[Any], all_buffers: bool) -> int:
        """Node's Writev: ``chunks`` are buffers, or ``[chunk, encoding, ...]`` pairs."""
        if self.state == CLOSED:
            return _UV_EINVAL
        if all_buffers:
            bufs = list(chunks)
        else:
            bufs = []
            for i in range(0, len(chunks), 2):
                chunk, enc = chunks[i], chunks[i + 1]
                bufs.append(chunk if not isinstance(chunk, str) else string_bytes.write(chunk, enc))
        data = b"".join(bufs)
        return self._dispatch(req, data, len(data))

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
        if self.state == CLOSED:
            return _UV_EINVAL
        req.handle = self
        if _FEED_SHUTDOWN and not self._h.write_queue_size:
            return self._shutdown_fed(req)
        return call_uv(self._h.shutdown, req._after_shutdown)

    def _shutdown_fed(self, req: ShutdownWrap) -> int:
        # DIVERGENCE from pyuv's libuv 1.13, to match libuv 1.46: with nothing queued,
        # uv_shutdown feeds the stream to the pending queue (uv__io_feed), and 1.46 runs
        # that queue right after the poll phase, before the check phase: the shutdown()
        # syscall and its callback come before this iteration's setImmediate()s (or, if
        # requested from a timer, before the poll). libuv 1.13 arms POLLOUT and waits for
        # the next poll, a whole loop turn later (and if the peer's EOF arrives while
        # that POLLOUT is armed, 1.13 leaves the handle active for good). So libuv's
        # uv_shutdown is not called here: its checks are made, then the syscall and the
        # callback come from the emulated pending queue (_pyuv_compat.PendingQueue).
        h = self._h
        if not h.writable:
            return uv.UV_ENOTCONN
        # The fd cached by a write is the handle's (it never changes while open).
        fd = self._fd if self._fd >= 0 else self.fd
        if fd < 0:
            return _UV_EBADF
        _loop.pending_queue.feed(self._fed_shutdown, req, fd)
        return 0

    def _fed_shutdown(self, req: ShutdownWrap, fd: int) -> None:
        # uv__drain: the shutdown() syscall, then the request's callback. A handle closed
        # first gets UV_ECANCELED, as uv__stream_destroy gives it.
        if self.state != INITIALIZED:
            req._after_shutdown(self._h, uv.UV_ECANCELED)
            return
        req._after_shutdown(self._h, _pyuv_compat.shutdown_fd(fd))

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
        except _UVError:  # closed, or no socket yet (Node's fd getter: -1)
            return -1

    def useUserBuffer(self, buf: Any) -> None:
        # CustomBufferJSListener: reads land in `buf`; emulated by net (copy into it).
        self._user_buffer = buf
