"""Leak checks and runtime reset between tests (uvloop's _testbase idea)."""

from __future__ import annotations

import gc
import os
from typing import Any

from nodenet_uv._binding import cares_wrap as _cares
from nodenet_uv._binding import handle_wrap as _handle_wrap
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import timers as _btimers
from nodenet_uv._internal import promise as _promise
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import timers as _timers


def live_handles() -> list[Any]:
    internal = set(map(id, _btimers.internal_handles()))
    return [h for h in _loop.loop.handles if not h.closed and id(h) not in internal]


def _describe(handle: Any) -> str:
    text = f"active {type(handle).__name__} handle"
    if not handle.ref:
        text += " (unref'ed)"
    try:
        text += f" on {handle.getsockname()}"
    except Exception:  # no address to show (not a socket, or already closing)
        pass
    return text


def leaks() -> list[str]:
    """What a finished test left behind.

    Every active handle counts, ref'ed or not (an unref'ed listening server left open is
    a leak although it would not keep a Node process alive: the test forgot to close
    it). An open but inactive handle (a socket whose peer ended and that nobody read to
    the end, say) is not counted; it is closed by :func:`reset_runtime`. Ref'ed timers,
    queued ref'ed immediates and pending ticks are counted.
    """
    found = [_describe(h) for h in live_handles() if h.active]
    if _timers.timeout_info[0] > 0:
        found.append(f"{_timers.timeout_info[0]} ref'ed timer(s) still scheduled")
    if _btimers.immediate_info["ref_count"] > 0:
        # Unref'ed immediates may stay queued: they do not keep a Node process alive.
        found.append(f"{_btimers.immediate_info['ref_count']} ref'ed immediate(s) still queued")
    # A wrap whose libuv handle was closed behind its back (not through HandleWrap.close)
    # stays in open_handles for good: a leak of the wrapper (and of whatever it holds).
    for w in list(_handle_wrap.open_handles):
        if w.state == _handle_wrap.INITIALIZED and w._h.closed:
            found.append(f"{type(w).__name__} wrap whose handle was closed without it")
    if task_queues._queue or task_queues._microtasks:
        found.append("nextTick/microtask queue not empty")
    return found


def _fd_dir() -> str | None:
    for d in ("/proc/self/fd", "/dev/fd"):
        if os.path.isdir(d):
            return d
    return None


def open_fds() -> dict[int, str]:
    """This process's open file descriptors and what each points to (empty if unknown)."""
    d = _fd_dir()
    if d is None:
        return {}
    found: dict[int, str] = {}
    for name in os.listdir(d):
        try:
            found[int(name)] = os.readlink(os.path.join(d, name))
        except (OSError, ValueError):
            continue  # the listing's own fd, closed by now
    return found


def fd_leaks(before: dict[int, str]) -> list[str]:
    """Descriptors open now that were not open in ``before`` (after a GC pass: a Python
    socket nobody references any more is closed by then, one kept alive is a leak)."""
    if not before:
        return []
    from nodenet_uv.testing.node_peer import peer_fds

    gc.collect()
    after = open_fds()
    # The pipes of node peers still running: the ``node`` fixture closes them at its own
    # teardown, which comes after this check when it was set up first.
    peers = peer_fds()
    return [
        f"open fd {fd} -> {target}"
        for fd, target in sorted(after.items())
        # /dev/null: libuv's loop-wide EMFILE reserve fd, opened by the first listen()
        # of the process and kept for the loop's life (not a leak of the test's).
        if before.get(fd) != target and target != "/dev/null" and fd not in peers
    ]


def reset_runtime() -> None:
    """Close what a test left open and forget its timers, ticks and listeners."""
    _cares.cancel_all()
    from nodenet_uv import perf_hooks as _perf_hooks

    _perf_hooks.reset()
    # The timers handle must not keep the loop below waiting for a test's old timer.
    if _btimers._timer_handle is not None:
        _btimers._timer_handle.stop()
    # Close through the wraps first (their state follows), then any bare pyuv handle.
    for w in list(_handle_wrap.open_handles):
        try:
            w.close()
        except Exception:  # best effort: the leak check has reported it already
            pass
    for h in live_handles():
        try:
            h.close()
        except Exception:  # best effort, as above
            pass
    for _ in range(50):
        if not live_handles() and not _cares.pending:
            break
        _loop.loop.run(1)  # UV_RUN_ONCE: let close callbacks and cancelled lookups finish
    _handle_wrap.open_handles.clear()
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
    # Process-wide state a Node test may change (each Node test is a fresh process).
    from nodenet_uv import timers as _public_timers
    from nodenet_uv.events import EventEmitter

    _public_timers._codes_warned.clear()  # deprecations warn once per process
    EventEmitter.defaultMaxListeners = 10
    from nodenet_uv.process import _on_warning, process

    for name in process.eventNames():
        for listener in process.listeners(name):
            if not (name == "warning" and listener is _on_warning):
                process.removeListener(name, listener)
