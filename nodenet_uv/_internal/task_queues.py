"""Port of Node.js lib/internal/process/task_queues.js: nextTick and microtask queues.

Order (as in Node): after every callback that enters from libuv, the whole nextTick
queue runs (ticks queued meanwhile included), then the microtask queue, and again until
both are empty. Promise reactions (``_internal.promise``) are microtasks.

Queuing a tick or a microtask is nodenet_uv's thread guard (``_binding.loop.enter``,
inlined: one compare when called on the loop's thread inside the loop): from another
thread while the loop runs it raises ``RuntimeError``; from asyncio code while
``nodenet_uv.aio`` is attached it asks for a libuv turn, which drains the queues.
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from typing import Any

from nodenet_uv._binding import loop as _loop

# The queues themselves live in the binding (Node's tickInfo is shared state too).
_queue = _loop.tick_queue
_microtasks = _loop.microtask_queue
# For the few hot paths that inline next_tick(fn, *args) as
# ``tick_queue.append((fn, args))`` (one Python call fewer per chunk).
tick_queue = _queue
# Hooks run after each microtask drain (unhandled-rejection processing, see promise.py),
# only while _rejections_pending[0] is set (processPromiseRejections).
_after_microtasks: list[Callable[[], bool]] = []
_rejections_pending = [False]


def set_has_rejection_to_warn() -> None:
    """A promise was rejected with no handler: check once the microtasks have run."""
    if not _rejections_pending[0]:
        _rejections_pending[0] = True
        # Make sure a drain happens even if nothing else is queued.
        queue_microtask(_noop)


def _noop() -> None:
    return None


#: The loop-thread guard for the layers above the binding (streams, net): call it first in
#: a public entry point, before any state changes (see _binding.loop.enter).
enter = _loop.enter


# ACCELERATED(_speedups.next_tick)
def next_tick(callback: Callable[..., Any], *args: Any) -> None:
    """process.nextTick without validation (the public one validates in process.py)."""
    if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
        _loop.enter_slow()
    _queue.append((callback, args))


_py_next_tick = next_tick  # the pure-Python original (the C version calls it when disabled)
try:
    from nodenet_uv._speedups import next_tick  # type: ignore[assignment]  # positional-only
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass


def queue_microtask(callback: Callable[[], Any]) -> None:
    if get_ident() != _loop._fast:  # INLINED(enter, _binding/loop.py)
        _loop.enter_slow()
    _microtasks.append(callback)


def run_microtasks() -> None:
    # V8's RunMicrotasks: an exception thrown by a queueMicrotask callback is reported
    # (uncaughtException) and the remaining microtasks still run.
    mq = _microtasks
    while mq:
        task = mq.popleft()
        try:
            task()
        except BaseException as exc:
            _loop.trigger_uncaught_exception(exc)
            if _loop._fatal:
                return


def _process_rejections() -> bool:
    _rejections_pending[0] = False
    more = False
    for hook in _after_microtasks:
        if hook():
            more = True
    return more


# Drains run (every callback scope that had ticks or microtasks, inlined ones included):
# nodenet_uv.aio tells a libuv turn that ran callbacks from an idle one by it.
drains = 0


# ACCELERATED(_speedups.process_ticks_and_rejections)
def process_ticks_and_rejections() -> None:
    global drains
    drains += 1
    q = _queue
    mq = _microtasks
    while True:
        while q:
            callback, args = q.popleft()
            callback(*args)
        if mq:
            run_microtasks()
            if _loop._fatal:
                return
        if q or mq:
            continue
        if _rejections_pending[0] and _process_rejections():
            continue
        if not q and not mq:
            return


def run_next_ticks() -> None:
    """Drain between two timers or two immediates (Node's runNextTicks)."""
    if not _queue:
        run_microtasks()
    if not _queue and not _microtasks:
        return
    process_ticks_and_rejections()


def clear() -> None:
    """Forget queued ticks and microtasks (test isolation only)."""
    _queue.clear()
    _microtasks.clear()
    _rejections_pending[0] = False


_loop.set_tick_callback(process_ticks_and_rejections)
