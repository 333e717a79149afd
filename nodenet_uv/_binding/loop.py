"""Port of Node.js src/api/embed_helpers.cc (SpinEventLoop) and InternalCallbackScope.

How and why
-----------
Node runs one libuv loop. Every time libuv calls back into JavaScript, the call goes
through ``InternalCallbackScope``: the callback runs, then the nextTick queue and the
microtask queue are drained before control returns to libuv. Most of Node's event-order
rules ("'error' on the next tick, 'close' a loop turn later") follow from that one rule,
so here every pyuv callback that reaches JS-level code goes through :func:`make_callback`.

Exceptions: pyuv swallows exceptions raised in callbacks (it prints them and carries on).
:func:`make_callback` catches them itself and hands them to the ``uncaughtException``
hook that ``nodenet_uv.process`` installs. If nobody handles one, it is stored, the loop
is stopped, and :func:`run` re-raises it with its original traceback, as Node would crash
the process. The loop stays usable afterwards, so a test can clean up.

A scope whose callback threw has *failed*: it does not drain the queues (Node's
``MarkAsFailed``), and a drain in which a tick throws stops there. What is left waits
for the next scope: at the latest the check phase, whose native-immediates scope
(``RunAndClearNativeImmediates``) drains before the immediates run; the
'uncaughtException' path queues an immediate so that a check phase comes. Measured
against node v24 in tests/differential/test_runtime_orders.py (``uncaught_*``).
"""

from __future__ import annotations

import signal
import socket
import threading
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Any

import pyuv

# The one loop, like Node's default loop.
loop: Any = pyuv.Loop.default_loop()

# Installed by _internal.task_queues: drains nextTicks and microtasks.
_tick_callback: Callable[[], None] = lambda: None

# The nextTick and microtask queues live here, shared with _internal.task_queues, the way
# Node shares tickInfo between C++ and JS: the hot path after every libuv callback is then
# a truth test of two deques, not a function call.
tick_queue: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()
microtask_queue: deque[Callable[[], Any]] = deque()


def _has_pending_ticks() -> bool:
    return bool(tick_queue) or bool(microtask_queue)


# Installed by nodenet_uv.process: returns True when 'uncaughtException' took the error.
_uncaught_handler: Callable[[BaseException], bool] = lambda exc: False
# Called with no argument when the loop has drained; returns True if it scheduled work
# (Node's 'beforeExit').
_before_exit: Callable[[], None] = lambda: None

_fatal: list[BaseException] = []


def set_tick_callback(drain: Callable[[], None]) -> None:
    global _tick_callback
    _tick_callback = drain


def set_uncaught_handler(handler: Callable[[BaseException], bool]) -> None:
    global _uncaught_handler
    _uncaught_handler = handler


def set_before_exit(hook: Callable[[], None]) -> None:
    global _before_exit
    _before_exit = hook


def trigger_uncaught_exception(exc: BaseException) -> None:
    """Node's TriggerUncaughtException: to 'uncaughtException', or fatal."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit)) or _fatal:
        _set_fatal(exc)
        return
    try:
        handled = _uncaught_handler(exc)
    except BaseException as again:  # a throwing handler is fatal, as in Node
        _set_fatal(again)
        return
    if not handled:
        _set_fatal(exc)


def _set_fatal(exc: BaseException) -> None:
    if not _fatal:
        _fatal.append(exc)
    loop.stop()


def drain_ticks() -> None:
    """Drain nextTicks and microtasks (the end of InternalCallbackScope::Close).

    A tick that throws goes to the uncaught path and ends this drain, as in Node: the
    ticks queued behind it wait for the next callback scope (at the latest the check
    phase, see ``_binding.timers``; the ``uncaughtException`` path queues an immediate so
    that one comes).
    """
    try:
        _tick_callback()
    except BaseException as exc:
        trigger_uncaught_exception(exc)


def make_callback(fn: Callable[..., Any], *args: Any) -> None:
    """Call ``fn(*args)`` from libuv, then drain the tick queues (InternalMakeCallback).

    If ``fn`` throws, the scope has failed: the exception goes to the uncaught path and
    the queues are *not* drained here (Node's ``scope.MarkAsFailed()``); they run at the
    next callback scope.
    """
    try:
        fn(*args)
    except BaseException as exc:
        trigger_uncaught_exception(exc)
        return
    if tick_queue or microtask_queue:
        drain_ticks()


def _excepthook(typ: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    # Only reached by a bug in the binding itself (user code runs under make_callback).
    _set_fatal(value)


loop.excepthook = _excepthook

# Handles the runtime itself owns (not user resources; leak checks skip them).
internal_handles: list[Any] = []


def _install_signal_checker() -> None:
    """Let Python signal handlers run while libuv waits (Ctrl-C, SIGALRM, SIGTERM...).

    CPython runs a signal handler only between bytecodes; while libuv sits in epoll_wait
    no bytecode runs, so a Ctrl-C would wait for the next I/O. A poll handle watches the
    fd given to signal.set_wakeup_fd and calls into Python when a signal arrives: the
    pending handlers run as soon as its callback executes bytecode, and an exception one
    raises (KeyboardInterrupt, pytest-timeout's Failed) then stops the loop and comes out
    of run(), as Ctrl-C ends a Node process. Unref'ed: it never keeps the loop alive.
    Skipped off the main thread, or when someone (asyncio) already owns the fd.

    DIVERGENCE from pyuv's own ``pyuv.util.SignalChecker``: its callback (pyuv 1.4.0,
    src/util.c ``pyuv__check_signals``) ends with a ``Py_DECREF(self)`` that has no
    matching ``Py_INCREF``, so every signal it sees drops a reference; after the second
    one the object is freed while libuv still holds its handle, and the next
    ``loop.handles`` walk segfaults (or the process hangs). A plain ``pyuv.Poll`` with
    a Python callback has correct reference counting.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    r, w = socket.socketpair()
    r.setblocking(False)
    w.setblocking(False)
    try:
        old = signal.set_wakeup_fd(w.fileno())
    except ValueError:
        r.close()
        w.close()
        return
    if old != -1:
        signal.set_wakeup_fd(old)
        r.close()
        w.close()
        return

    def on_wakeup(handle: Any, events: Any, error: Any) -> None:
        # Executing this body runs the pending Python handlers; one that raises stops
        # the loop (here, or through loop.excepthook if it fires before the try).
        try:
            while r.recv(4096):  # drain: one byte per signal
                pass
        except BlockingIOError:
            pass
        except BaseException as exc:
            _set_fatal(exc)

    checker = pyuv.Poll(loop, r.fileno())
    checker.start(pyuv.UV_READABLE, on_wakeup)
    checker.ref = False
    internal_handles.append(checker)
    _signal_fds.extend((r, w))


_signal_fds: list[socket.socket] = []
_install_signal_checker()


def call_in_idle(fn: Callable[..., Any], *args: Any) -> None:
    """``fn(*args)`` once, from a fresh idle handle: in this loop turn's idle phase if it is
    still to come, else in the next turn's (before its poll)."""
    idle = pyuv.Idle(loop)

    def once(handle: Any) -> None:
        handle.stop()
        handle.close()
        fn(*args)

    idle.start(once)


def now() -> int:
    """uv_now(): the loop's cached time in milliseconds."""
    return int(loop.now())


# Environment::timer_base(): uv_now() when the environment was created. Node's timers
# count from it (getLibuvNow() is uv_now() - timer_base), so their values stay small.
timer_base: int = now()


def update_time() -> None:
    loop.update_time()


def raise_fatal() -> None:
    if _fatal:
        exc = _fatal.pop()
        _fatal.clear()
        raise exc.with_traceback(exc.__traceback__)


def spin_event_loop() -> None:
    """Run the loop until nothing ref'ed is left (Node's SpinEventLoop)."""
    drain_ticks()
    raise_fatal()
    while True:
        loop.run(pyuv.UV_RUN_DEFAULT)
        raise_fatal()
        _before_exit()
        if _has_pending_ticks():
            drain_ticks()
        raise_fatal()
        if not loop.alive and not _has_pending_ticks():
            return


def live_handles() -> list[Any]:
    """Handles libuv still knows about (open or closing)."""
    return [h for h in loop.handles if not h.closed]
