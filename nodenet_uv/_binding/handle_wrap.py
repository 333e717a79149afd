"""Port of Node.js src/handle_wrap.cc: a libuv handle's lifecycle, as JS sees it.

States as in Node: ``INITIALIZED`` → ``CLOSING`` (``close()`` called, libuv's close
callback pending) → ``CLOSED``. ``close()`` is a no-op unless the handle is initialized,
so a double close is safe; the callback runs from libuv's close phase through
``make_callback`` (at least one loop turn after ``close()``, which is why a socket's
``'close'`` always comes after the nextTick ``'error'``).
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import loop as _loop

INITIALIZED = "initialized"
CLOSING = "closing"
CLOSED = "closed"


# Every wrap whose handle is not closed yet (see HandleWrap.__init__).
open_handles: set[HandleWrap] = set()


class HandleWrap:
    """Base of TCP and Pipe: close/ref/unref/hasRef over one pyuv handle."""

    # "__dict__": a JS handle object takes any property, and Node's tests replace
    # binding methods on one handle (``client._handle.setNoDelay = mustCall(...)``).
    __slots__ = ("__dict__", "__weakref__", "_h", "_onclose", "owner", "state")

    def __init__(self, handle: Any) -> None:
        self._h = handle
        self.state = INITIALIZED
        self._onclose: Callable[[], Any] | None = None
        # Node: handle[owner_symbol], the JS object (Socket/Server) this handle serves.
        self.owner: Any = None
        # A libuv handle lives until uv_close(), whoever still references it (Node's
        # HandleWrap is not collected while open). pyuv closes a handle's fd when Python
        # collects it, so keep every open wrap reachable until its close completes.
        open_handles.add(self)

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if self.state != INITIALIZED:
            return
        self._onclose = callback
        self.state = CLOSING
        try:
            self._h.close(self._on_close)
        except pyuv.error.HandleClosedError:
            # Closed behind our back (a test harness resetting the loop): nothing to wait for.
            self.state = CLOSED
            self._onclose = None
            open_handles.discard(self)

    def _on_close(self, handle: Any) -> None:
        self.state = CLOSED
        open_handles.discard(self)
        cb = self._onclose
        self._onclose = None
        if cb is not None:
            _loop.make_callback(cb)

    def is_alive(self) -> bool:
        """HandleWrap::IsAlive: not closed yet (a closing handle still counts, as in Node).

        Every binding method that needs a live handle asks this (StreamBase::JSMethod
        returns UV_EINVAL otherwise); hot paths inline the test, tagged INLINED.
        """
        return self.state != CLOSED

    def ref(self) -> None:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if self.is_alive():
            self._h.ref = True

    def unref(self) -> None:
        if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
            _loop.enter_slow()
        if self.is_alive():
            self._h.ref = False

    def hasRef(self) -> bool:
        return self.state == INITIALIZED and bool(self._h.ref)

    def getAsyncId(self) -> int:
        return id(self)
