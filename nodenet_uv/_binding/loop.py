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

Threads: the loop belongs to the thread that runs it (:func:`spin_event_loop`, or the
asyncio thread while ``nodenet_uv.aio`` is attached). :func:`enter` is the one guard the
entry points call (the tick and microtask queues call it inline): off that thread it
raises ``RuntimeError`` naming :func:`call_soon_threadsafe`, the one thread-safe way in
(a libuv async handle, as a Node addon hands work back to JS). While ``aio`` is attached,
an entry from asyncio code (outside a libuv turn) also asks the bridge for a turn soon.
"""

from __future__ import annotations

import atexit
import signal
import socket
import threading
from _thread import get_ident
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


# Callback scopes entered through make_callback (with task_queues.drains, which counts
# the drains of the scopes that inline it): nodenet_uv.aio compares them around a libuv
# turn to tell a turn that ran callbacks from an idle one.
scopes = 0


# ACCELERATED(_speedups.drain_ticks)
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


# ACCELERATED(_speedups.make_callback)
def make_callback(fn: Callable[..., Any], *args: Any) -> None:
    """Call ``fn(*args)`` from libuv, then drain the tick queues (InternalMakeCallback).

    If ``fn`` throws, the scope has failed: the exception goes to the uncaught path and
    the queues are *not* drained here (Node's ``scope.MarkAsFailed()``); they run at the
    next callback scope.
    """
    global scopes
    scopes += 1
    try:
        fn(*args)
    except BaseException as exc:
        trigger_uncaught_exception(exc)
        return
    if tick_queue or microtask_queue:
        drain_ticks()


# The pure-Python originals (the C versions call them when _speedups is disabled).
_py_drain_ticks = drain_ticks
_py_make_callback = make_callback
try:
    from nodenet_uv._speedups import (  # type: ignore[assignment]  # positional-only
        drain_ticks,
        make_callback,
    )
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass


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

    def close_wakeup() -> None:
        # At exit: give the wakeup fd back and close the pair (else -X dev reports
        # "ResourceWarning: unclosed <socket.socket ...>" as the process ends).
        try:
            if not checker.closed:
                checker.close()
            old = signal.set_wakeup_fd(-1)
            if old not in (-1, w.fileno()):
                signal.set_wakeup_fd(old)  # someone else's since: theirs stays
        except (ValueError, pyuv.error.HandleError):
            pass
        for sock in _signal_fds:
            sock.close()
        _signal_fds.clear()

    atexit.register(close_wakeup)


_signal_fds: list[socket.socket] = []
_install_signal_checker()


def _ignore_sigpipe() -> None:
    """Ignore SIGPIPE, as Node does at startup (src/node.cc, ``PlatformInit``).

    libuv writes to pipes and sockets with write(2)/writev(2): once the reader is gone the
    kernel sends SIGPIPE, and only with the signal ignored does the write fail with EPIPE
    (an 'error' event) instead of killing the process. CPython ignores SIGPIPE at startup
    too, but scripts often restore ``SIG_DFL`` (so that ``| head`` ends them quietly);
    importing nodenet_uv puts Node's setting back. A handler the script installed for
    SIGPIPE is kept. Off the main thread signal dispositions cannot be changed: skipped.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    try:
        if signal.getsignal(signal.SIGPIPE) == signal.SIG_DFL:
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    except (AttributeError, ValueError):  # no SIGPIPE (Windows), or not allowed here
        pass


_ignore_sigpipe()


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
    # Every timer insert reads the time through here (getLibuvNow): the guard, so a
    # setTimeout from asyncio code gets the bridge to re-read libuv's next timeout.
    if get_ident() != _fast:  # INLINED(enter)
        enter_slow()
    loop.update_time()


def raise_fatal() -> None:
    if _fatal:
        exc = _fatal.pop()
        _fatal.clear()
        raise exc.with_traceback(exc.__traceback__)


def spin_event_loop() -> None:
    """Run the loop until nothing ref'ed is left (Node's SpinEventLoop).

    The calling thread owns the loop until it returns (:func:`running`, unless the
    caller holds it already): entries from other threads raise (see :func:`enter`), and
    a second ``run()`` (another thread, a callback, or while ``nodenet_uv.aio`` is
    attached) is refused by :func:`check_run`.
    """
    if _running_depth[0] and _owner == get_ident() and not _spinning[0]:
        _spin()  # inside running(): the main program ran, now the loop
        return
    with running():  # refuses a nested run() too
        _spin()


_spinning = [False]


def _spin() -> None:
    _spinning[0] = True
    try:
        _spin_loop()
    finally:
        _spinning[0] = False


def _spin_loop() -> None:
    drain_ticks()
    raise_fatal()
    while True:
        if _threadsafe_calls:
            run_threadsafe_calls()
            raise_fatal()
        loop.run(pyuv.UV_RUN_DEFAULT)
        raise_fatal()
        _before_exit()
        if _has_pending_ticks():
            drain_ticks()
        raise_fatal()
        if not loop.alive and not _has_pending_ticks() and not _threadsafe_calls:
            return


_running_depth = [0]


@contextmanager
def running(what: str = "run()") -> Iterator[None]:
    """The calling thread owns the loop for the block (``run()``: the main program, then
    :func:`spin_event_loop`); refused as :func:`check_run` says."""
    global _owner, _fast
    check_run(what)
    _owner = _fast = get_ident()
    _running_depth[0] += 1
    try:
        yield
    finally:
        _running_depth[0] -= 1
        _owner = None
        _fast = 0


# -- threads ----------------------------------------------------------------------------
# The thread that owns the loop while it runs (spin_event_loop, or the asyncio thread
# while nodenet_uv.aio is attached); None when no loop runs.
_owner: int | None = None
# The thread for which enter() has nothing to do: the owner while it is inside run() or
# inside a libuv turn driven by aio; 0 (no thread) otherwise, so enter() takes its slow
# path. Read inline by task_queues (one compare on the hot path).
_fast: int = 0
# Set by nodenet_uv.aio while attached: asks for a libuv turn soon (see aio's docstring).
_wake: Callable[[], None] | None = None
# Set by nodenet_uv.aio while attached: its bridge (closed() and stop(), for check_run).
attached_to: Any = None


def enter() -> None:
    """The guard on nodenet_uv's entry points: call it first in a public function.

    Off the loop's thread while the loop runs it raises ``RuntimeError`` (use
    :func:`call_soon_threadsafe`). From asyncio code while ``nodenet_uv.aio`` is attached
    it asks the bridge for a libuv turn soon: libuv hands a started handle to epoll only
    inside ``uv_run``, and the nextTicks queued by the call must run.
    """
    if get_ident() != _fast:
        enter_slow()


def enter_slow() -> None:
    """:func:`enter` when the caller is not the owner inside a turn (inlined callers)."""
    owner = _owner
    if owner is None:
        return
    me = get_ident()
    if owner != me:
        raise RuntimeError(
            f"nodenet_uv's event loop runs in {_thread_name(owner)}; this call came from "
            f"{_thread_name(me)}. Hand it to the loop's thread with "
            "nodenet_uv.call_soon_threadsafe(fn, *args)"
        )
    if _wake is not None:
        _wake()


def _thread_name(ident: int) -> str:
    for t in threading.enumerate():
        if t.ident == ident:
            return f"thread {t.name!r}"
    return f"thread {ident}"


def check_run(what: str = "run()") -> None:
    """Refuse a second loop: ``run()`` while the loop already runs (another thread, a
    callback of this one) or while ``nodenet_uv.aio`` drives it from asyncio."""
    if attached_to is not None and attached_to.closed():
        attached_to.stop()  # its asyncio loop is gone: nothing drives nodenet_uv any more
    owner = _owner
    if owner is None:
        return
    if attached_to is not None:
        raise RuntimeError(
            "nodenet_uv.aio is attached: the asyncio loop drives nodenet_uv's event loop, "
            f"so {what} cannot; await aio.wrap(promise) or nodenet_uv.start(coro) "
            "instead, or aio.detach() first"
        )
    if owner == get_ident():
        raise RuntimeError(f"{what} called from inside the running nodenet_uv event loop")
    raise RuntimeError(
        f"nodenet_uv's event loop already runs in {_thread_name(owner)} (one loop per "
        "process); hand work to it with nodenet_uv.call_soon_threadsafe(fn, *args)"
    )


# call_soon_threadsafe: FIFO queue (deque.append is atomic) + one libuv async handle.
_threadsafe_calls: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()


def run_threadsafe_calls(handle: Any = None) -> None:
    """Run the calls other threads handed over, in order, each in its own callback scope."""
    q = _threadsafe_calls
    while q:
        fn, args = q.popleft()
        make_callback(fn, *args)
        if _fatal:
            if q:
                _async.send()  # the rest run at the next turn (or run())
            return


_async: Any = pyuv.Async(loop, run_threadsafe_calls)
# Never keeps the loop alive by itself (aio refs it while attached, see there).
_async.ref = False
internal_handles.append(_async)


# -- the asyncio bridge's libuv side (nodenet_uv.aio) -------------------------------------


def attach_bridge(bridge: Any, wake: Callable[[], None]) -> None:
    """nodenet_uv.aio takes the loop for the calling (asyncio) thread.

    ``bridge`` needs ``closed() -> bool`` (its asyncio loop is closed: a stale bridge,
    detached by :func:`check_run`) and ``stop()``. While attached the async handle is
    ref'ed, so the loop counts as alive: a NOWAIT turn then serves unref'ed handles and
    timers too (asyncio, not libuv, decides when the program ends), and
    ``uv_backend_timeout`` is the real next timer, not 0.
    """
    global _owner, _wake, attached_to
    check_run("nodenet_uv.aio.attach()")
    _owner = get_ident()
    _wake = wake
    attached_to = bridge
    _async.ref = True


def detach_bridge() -> None:
    global _owner, _wake, attached_to
    _owner = None
    _wake = None
    attached_to = None
    if not _async.closed:
        _async.ref = False


def turn(run_loop: bool = True) -> BaseException | None:
    """One libuv turn for the bridge: the nextTicks and microtasks asyncio code queued
    (its callback scope closing), then ``uv_run(UV_RUN_NOWAIT)`` (unless ``run_loop`` is
    false: the bridge detaching). Returns the fatal error, if one came up (taken: the
    loop stays usable)."""
    global _fast
    _fast = get_ident()
    try:
        if tick_queue or microtask_queue:
            drain_ticks()
        if run_loop and not _fatal:
            loop.run(pyuv.UV_RUN_NOWAIT)
    finally:
        _fast = 0
    if _fatal:
        exc = _fatal.pop()
        _fatal.clear()
        return exc
    return None


def backend_fd() -> int:
    """uv_backend_fd(): readable when libuv has I/O to process (epoll's fd on Linux)."""
    return int(loop.fileno())


def backend_timeout() -> float:
    """uv_backend_timeout() in seconds: 0 = a turn is due now, negative = none is."""
    return float(loop.get_timeout())


def call_soon_threadsafe(fn: Callable[..., Any], *args: Any) -> None:
    """Run ``fn(*args)`` on the loop's thread, soon, from any thread (uv_async_send).

    Calls run in the order they were made, each in its own callback scope (its nextTicks
    and microtasks drain after it; an exception goes to 'uncaughtException', as from any
    callback). The async handle is unref'ed: it never keeps ``run()`` going by itself;
    calls made while no loop runs wait for the next ``run()`` (or attached turn), and
    ``run()`` runs those queued before it finds nothing else to do.
    """
    if not callable(fn):
        raise TypeError(f"call_soon_threadsafe() needs a callable, not {type(fn).__name__}")
    _threadsafe_calls.append((fn, args))
    _async.send()


def live_handles() -> list[Any]:
    """Handles libuv still knows about (open or closing)."""
    return [h for h in loop.handles if not h.closed]
