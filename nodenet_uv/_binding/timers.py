"""Port of Node.js src/timers.cc and the timer/immediate parts of src/env.cc.

Node drives every JS timer from one uv timer handle (``RunTimers``) and every
``setImmediate`` from one uv check handle (``CheckImmediate``), with an idle handle that
is started while ref'ed immediates are pending so the poll phase does not block. The JS
layer (``_internal.timers``) registers its ``process_timers(now)`` and
``process_immediate()`` here, exactly as Node's ``setupTimers`` does.
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import loop as _loop_mod
from nodenet_uv._binding._pyuv_compat import ms_to_pyuv_seconds

_process_timers: Callable[[int], int] = lambda now: 0
_process_immediate: Callable[[], None] = lambda: None

# immediate_info: how many immediates are queued, and how many of them are ref'ed.
immediate_info = {"count": 0, "ref_count": 0, "has_outstanding": 0}

_timer_handle: Any = None
_check_handle: Any = None
_idle_handle: Any = None


def internal_handles() -> tuple[Any, ...]:
    own = (_timer_handle, _check_handle, _idle_handle)
    return tuple(h for h in own if h is not None) + tuple(_loop_mod.internal_handles)


def setup_timers(
    process_immediate: Callable[[], None], process_timers: Callable[[int], int]
) -> None:
    global _process_timers, _process_immediate, _timer_handle, _check_handle, _idle_handle
    _process_immediate = process_immediate
    _process_timers = process_timers
    loop = _loop_mod.loop
    _timer_handle = pyuv.Timer(loop)
    _timer_handle.ref = False
    _check_handle = pyuv.Check(loop)
    _check_handle.ref = False
    _idle_handle = pyuv.Idle(loop)


def get_libuv_now() -> int:
    # Environment::GetNowUint64: uv_update_time() first, so a timer started late in a
    # long callback (or a main program run well after the loop was created) counts
    # from the real now, not from the loop's cached time; relative to timer_base.
    _loop_mod.update_time()
    return _loop_mod.now() - _loop_mod.timer_base


def schedule_timer(duration: int) -> None:
    if get_ident() != _loop_mod._fast:  # INLINED(enter, _binding/loop.py)
        _loop_mod.enter_slow()
    # ScheduleTimer: uv_timer_start(timer, RunTimers, duration, 0)
    _timer_handle.start(_run_timers, ms_to_pyuv_seconds(max(duration, 1)), 0.0)


def toggle_timer_ref(ref: bool) -> None:
    _timer_handle.ref = bool(ref)


def toggle_immediate_ref(ref: bool) -> None:
    if get_ident() != _loop_mod._fast:  # INLINED(enter, _binding/loop.py)
        _loop_mod.enter_slow()
    # Node: an idle handle keeps the loop alive (and the poll phase non-blocking) while
    # ref'ed immediates are pending; the check handle itself is always unref'ed.
    if ref:
        if not _idle_handle.active:
            _idle_handle.start(_idle_noop)
    elif _idle_handle.active:
        _idle_handle.stop()


def _idle_noop(handle: Any) -> None:
    pass


def _run_timers(handle: Any) -> None:
    # env.cc RunTimers: call processTimers(now) until it returns without throwing (an
    # exception taken by 'uncaughtException' lets the rest of the lists run; `now` is
    # read once, as Node does), then close the callback scope (drain the tick queues).
    now = get_libuv_now()
    while True:
        try:
            ret = _process_timers(now)
            break
        except BaseException as exc:
            _loop_mod.trigger_uncaught_exception(exc)
            if _loop_mod._fatal:
                # The process "crashed" here, but run() leaves the loop usable: re-arm,
                # so the timers still listed (and later ones) fire when it runs again.
                _timer_handle.start(_run_timers, ms_to_pyuv_seconds(1), 0.0)
                return
    # Re-arm before the scope closes: a setTimeout() from a nextTick drained below must
    # be able to move the expiry earlier again (insert() calls schedule_timer()).
    if ret != 0:
        duration = abs(ret) - (_loop_mod.now() - _loop_mod.timer_base)
        _timer_handle.start(_run_timers, ms_to_pyuv_seconds(max(duration, 1)), 0.0)
        _timer_handle.ref = ret > 0
    else:
        _timer_handle.ref = False
    if _loop_mod.tick_queue or _loop_mod.microtask_queue:
        _loop_mod.drain_ticks()


def start_immediate_check() -> None:
    """The first immediate was queued: run the check phase from now on.

    DIVERGENCE: Node's check handle runs every iteration and returns at once in C++ when
    no immediate is queued; here that would be a Python call per loop iteration, so the
    handle is started with the first immediate and stopped when the queue is empty.
    """
    if get_ident() != _loop_mod._fast:  # INLINED(enter, _binding/loop.py)
        _loop_mod.enter_slow()
    if not _check_handle.active:
        _check_handle.start(_check_immediate)


def _check_immediate(handle: Any) -> None:
    # env.cc CheckImmediate. First RunAndClearNativeImmediates, whose callback scope
    # drains whatever a failed scope left in the tick queues (so they run before this
    # iteration's immediates).
    if _loop_mod.tick_queue or _loop_mod.microtask_queue:
        _loop_mod.drain_ticks()
        if _loop_mod._fatal:
            return
    if immediate_info["count"] == 0:
        _check_handle.stop()
        return
    # Call processImmediate again while it left immediates outstanding (one threw and
    # 'uncaughtException' took it): the rest still run in this check phase.
    while True:
        _loop_mod.make_callback(_process_immediate)
        if not immediate_info["has_outstanding"] or _loop_mod._fatal:
            break
    if immediate_info["ref_count"] == 0:
        toggle_immediate_ref(False)
