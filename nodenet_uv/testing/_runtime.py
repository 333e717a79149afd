"""Leak checks and runtime reset between tests (uvloop's _testbase idea)."""

from __future__ import annotations

from typing import Any

from nodenet_uv._binding import cares_wrap as _cares
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import timers as _btimers
from nodenet_uv._internal import promise as _promise
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import timers as _timers


def live_handles() -> list[Any]:
    internal = set(map(id, _btimers.internal_handles()))
    return [h for h in _loop.loop.handles if not h.closed and id(h) not in internal]


def leaks() -> list[str]:
    """What a finished test left that would keep a Node process alive.

    An open but inactive handle (a socket whose peer ended and that nobody read to the
    end, say) does not keep Node alive either, so it is not counted; it is closed by
    :func:`reset_runtime`. Active ref'ed handles, ref'ed timers, queued immediates and
    pending ticks are counted.
    """
    found = [f"active handle: {h!r}" for h in live_handles() if h.active and h.ref]
    if _timers.timeout_info[0] > 0:
        found.append(f"{_timers.timeout_info[0]} ref'ed timer(s) still scheduled")
    if _btimers.immediate_info["count"] > 0:
        found.append(f"{_btimers.immediate_info['count']} immediate(s) still queued")
    if task_queues.has_pending():
        found.append("nextTick/microtask queue not empty")
    return found


def reset_runtime() -> None:
    """Close what a test left open and forget its timers, ticks and listeners."""
    _cares.cancel_all()
    # The timers handle must not keep the loop below waiting for a test's old timer.
    if _btimers._timer_handle is not None:
        _btimers._timer_handle.stop()
    for h in live_handles():
        try:
            h.close()
        except Exception:
            pass
    for _ in range(50):
        if not live_handles() and not _cares.pending:
            break
        _loop.loop.run(1)  # UV_RUN_ONCE: let close callbacks and cancelled lookups finish
    # Timers: drop every list, and the ref count with it.
    for lst in list(_timers.timer_list_map.values()):
        while True:
            t = _timers._l_peek(lst)
            if t is None:
                break
            _timers._l_remove(t)
            t._destroyed = True
    _timers.timer_list_map.clear()
    _timers.timer_list_queue._heap.clear()
    _timers.known_timers_by_id.clear()
    _timers.timeout_info[0] = 0
    _timers._next_expiry = float("inf")
    _btimers.toggle_timer_ref(False)
    _timers.immediate_queue.head = _timers.immediate_queue.tail = None
    _timers._outstanding_queue.head = _timers._outstanding_queue.tail = None
    _btimers.immediate_info.update(count=0, ref_count=0, has_outstanding=0)
    _btimers.toggle_immediate_ref(False)
    task_queues.clear()
    _promise._unhandled.clear()
    _loop._fatal.clear()
    from nodenet_uv.process import _on_warning, process

    for name in process.eventNames():
        for listener in process.listeners(name):
            if not (name == "warning" and listener is _on_warning):
                process.removeListener(name, listener)
