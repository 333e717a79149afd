"""Port of Node.js lib/internal/timers.js (with internal/linkedlist.js and priority_queue.js).

How and why
-----------
As in Node, every Timeout with the same duration lives in one ``TimersList`` (a circular
doubly linked list, appended in start order, so the head always expires first); the lists
sit in a binary heap keyed by expiry. One libuv timer (``_binding.timers``) fires at the
earliest expiry and calls :func:`processTimers`, which runs every due list, draining the
nextTick queue between two timers exactly as Node does. Ref'ed timers are counted
(``timeout_info[0]``) and the libuv timer is ref'ed only while that count is positive, so
unref'ed timers never keep :func:`nodenet_uv.run` alive.

``setImmediate`` entries are a plain linked list run from the check phase; an immediate
added while the queue runs waits for the next loop iteration (Node's outstanding queue).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv._binding import timers as binding
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.inspect import number_to_string
from nodenet_uv._internal.naming import NodeNames

TIMEOUT_MAX = 2**31 - 1

# timeoutInfo[0]: how many ref'ed timers exist.
timeout_info = [0]
_next_expiry = math.inf
_timer_list_id = 0
_async_id = [0]


def _new_async_id() -> int:
    _async_id[0] += 1
    return _async_id[0]


# -- internal/linkedlist.js ---------------------------------------------------------------
def _l_init(item: Any) -> None:
    item._idleNext = item
    item._idlePrev = item


def _l_peek(lst: Any) -> Any:
    nxt = lst._idlePrev
    return None if nxt is lst else nxt


def _l_remove(item: Any) -> None:
    # getattr: an object given to timers.unenroll() may never have been enrolled.
    nxt = getattr(item, "_idleNext", None)
    prev = getattr(item, "_idlePrev", None)
    if nxt is not None:
        nxt._idlePrev = prev
    if prev is not None:
        prev._idleNext = nxt
    item._idleNext = None
    item._idlePrev = None


def _l_append(lst: Any, item: Any) -> None:
    if getattr(item, "_idleNext", None) is not None or getattr(item, "_idlePrev", None) is not None:
        _l_remove(item)
    item._idleNext = lst._idleNext
    lst._idleNext._idlePrev = item
    item._idlePrev = lst
    lst._idleNext = item


def _l_is_empty(lst: Any) -> bool:
    return lst._idleNext is lst


# -- internal/priority_queue.js -------------------------------------------------------------
class _PriorityQueue:
    """Binary heap of TimersList ordered by (expiry, id), with positions for removeAt."""

    __slots__ = ("_heap",)

    def __init__(self) -> None:
        self._heap: list[TimersList] = []

    @staticmethod
    def _less(a: TimersList, b: TimersList) -> bool:
        return (a.expiry, a.id) < (b.expiry, b.id)

    def peek(self) -> TimersList | None:
        return self._heap[0] if self._heap else None

    def insert(self, item: TimersList) -> None:
        self._heap.append(item)
        self._up(len(self._heap) - 1)

    def shift(self) -> TimersList | None:
        if not self._heap:
            return None
        return self.removeAt(0)

    def removeAt(self, pos: int) -> TimersList:
        heap = self._heap
        item = heap[pos]
        last = heap.pop()
        if pos < len(heap):
            heap[pos] = last
            last.priority_queue_position = pos
            if pos > 0 and self._less(last, heap[(pos - 1) // 2]):
                self._up(pos)
            else:
                self.percolateDown(pos)
        item.priority_queue_position = None
        return item

    def percolateDown(self, pos: int) -> None:
        heap = self._heap
        n = len(heap)
        item = heap[pos]
        while True:
            child = 2 * pos + 1
            if child >= n:
                break
            if child + 1 < n and self._less(heap[child + 1], heap[child]):
                child += 1
            if not self._less(heap[child], item):
                break
            heap[pos] = heap[child]
            heap[pos].priority_queue_position = pos
            pos = child
        heap[pos] = item
        item.priority_queue_position = pos

    def _up(self, pos: int) -> None:
        heap = self._heap
        item = heap[pos]
        while pos > 0:
            parent = (pos - 1) // 2
            if not self._less(item, heap[parent]):
                break
            heap[pos] = heap[parent]
            heap[pos].priority_queue_position = pos
            pos = parent
        heap[pos] = item
        item.priority_queue_position = pos

    def __len__(self) -> int:
        return len(self._heap)


class TimersList:
    __slots__ = ("_idleNext", "_idlePrev", "expiry", "id", "msecs", "priority_queue_position")

    def __init__(self, expiry: float, msecs: int) -> None:
        global _timer_list_id
        self._idleNext: Any = self
        self._idlePrev: Any = self
        self.expiry = expiry
        self.id = _timer_list_id
        _timer_list_id += 1
        self.msecs = msecs
        self.priority_queue_position: int | None = None


timer_list_map: dict[int, TimersList] = {}
timer_list_queue = _PriorityQueue()
known_timers_by_id: dict[int, Timeout] = {}


def _coerce_after(after: Any) -> float:
    """JS ``after *= 1``: coerce to a number or NaN (Node 24: undefined is 1)."""
    if after is None:
        return 1.0
    if isinstance(after, bool):
        return float(after)
    if isinstance(after, (int, float)):
        return float(after)
    if isinstance(after, str):
        s = after.strip()
        if s == "":
            return 0.0
        try:
            return float(int(s, 0)) if s[:2].lower() in ("0x", "0o", "0b") else float(s)
        except ValueError:
            return math.nan
    return math.nan


# Node 22+: TimeoutNegativeWarning and TimeoutNaNWarning are emitted once per process
# (Node's warnedNegativeNumber / warnedNotNumber): the names of those emitted so far.
warned: set[str] = set()


def cleanTimer(timer: Any) -> None:
    """internal/timers.js cleanTimer: drop a cleared timer's callback and arguments."""
    timer._onTimeout = None
    timer._timerArgs = None


def cleanImmediate(immediate: Any) -> None:
    """internal/timers.js cleanImmediate: drop a done immediate's callback and arguments."""
    immediate._onImmediate = None
    immediate._argv = None


class Timeout(NodeNames):
    """A timer, as returned by setTimeout/setInterval (Node's Timeout class)."""

    __slots__ = (
        "__weakref__",
        "_async_id",
        "_destroyed",
        "_has_primitive",
        "_idleNext",
        "_idlePrev",
        "_idleStart",
        "_idleTimeout",
        "_onTimeout",
        "_refed",
        "_repeat",
        "_timerArgs",
    )

    def __init__(
        self,
        callback: Callable[..., Any] | None,
        after: Any,
        args: tuple[Any, ...] | None,
        is_repeat: bool,
        is_refed: bool,
    ) -> None:
        after_n = _coerce_after(after)
        if not (after_n >= 1 and after_n <= TIMEOUT_MAX):
            if after_n > TIMEOUT_MAX:
                _warning.emit_warning(
                    f"{number_to_string(after_n)} does not fit into a 32-bit signed integer."
                    "\nTimeout duration was set to 1.",
                    "TimeoutOverflowWarning",
                )
            elif after_n < 0 and "TimeoutNegativeWarning" not in warned:
                warned.add("TimeoutNegativeWarning")
                _warning.emit_warning(
                    f"{number_to_string(after_n)} is a negative number."
                    "\nTimeout duration was set to 1.",
                    "TimeoutNegativeWarning",
                )
            elif math.isnan(after_n) and "TimeoutNaNWarning" not in warned:
                warned.add("TimeoutNaNWarning")
                _warning.emit_warning(
                    "NaN is not a number.\nTimeout duration was set to 1.",
                    "TimeoutNaNWarning",
                )
            after_n = 1  # Schedule on next tick, follows browser behavior
        self._idleTimeout: float = after_n
        self._idlePrev: Any = self
        self._idleNext: Any = self
        self._idleStart: int | None = None
        self._onTimeout = callback
        self._timerArgs = args
        self._repeat: float | None = after_n if is_repeat else None
        self._destroyed = False
        if is_refed:
            incRefCount()
        self._refed = is_refed
        self._has_primitive = False
        self._async_id = _new_async_id()

    def refresh(self) -> Timeout:
        if self._refed:
            active(self)
        else:
            unrefActive(self)
        return self

    def unref(self) -> Timeout:
        if self._refed:
            self._refed = False
            if not self._destroyed:
                decRefCount()
        return self

    def ref(self) -> Timeout:
        if not self._refed:
            self._refed = True
            if not self._destroyed:
                incRefCount()
        return self

    def hasRef(self) -> bool:
        return self._refed

    def close(self) -> Timeout:
        clearTimeout(self)
        return self

    def __int__(self) -> int:
        # Timeout[Symbol.toPrimitive]: the id clearTimeout() also accepts (`+timeout`).
        if not self._has_primitive:
            self._has_primitive = True
            known_timers_by_id[self._async_id] = self
        return self._async_id

    __index__ = __int__

    def __str__(self) -> str:
        # `${timeout}` / String(timeout): Symbol.toPrimitive again, as a string.
        return str(self.__int__())

    def __enter__(self) -> Timeout:
        return self

    def __exit__(self, *exc: object) -> None:
        # Timeout.prototype[Symbol.dispose]
        clearTimeout(self)

    def __repr__(self) -> str:
        return (
            f"Timeout {{ _idleTimeout: {_js_num(self._idleTimeout)}, "
            f"_destroyed: {str(self._destroyed).lower()} }}"
        )

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        has_ref = hasRef
    # END twins


def _js_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else repr(n)


def incRefCount() -> None:
    timeout_info[0] += 1
    if timeout_info[0] == 1:
        binding.toggle_timer_ref(True)


def decRefCount() -> None:
    timeout_info[0] -= 1
    if timeout_info[0] == 0:
        binding.toggle_timer_ref(False)


def active(item: Any) -> None:
    insertGuarded(item, True)


def unrefActive(item: Any) -> None:
    insertGuarded(item, False)


def _init_plain_timer(item: Any) -> None:
    # An object made a timer by timers.enroll() has none of a Timeout's fields; Node
    # reads them as undefined (its symbol-keyed ones are created by initAsyncResource).
    for name, default in (
        ("_onTimeout", None),
        ("_destroyed", False),
        ("_refed", None),
        ("_has_primitive", False),
        ("_repeat", None),
        ("_timerArgs", None),
    ):
        if not hasattr(item, name):
            setattr(item, name, default)


def insertGuarded(item: Any, refed: bool, start: int | None = None) -> None:
    msecs = getattr(item, "_idleTimeout", None)
    if msecs is None or msecs < 0:
        return
    if type(item) is not Timeout:
        _init_plain_timer(item)
    insert(item, msecs, start)
    is_destroyed = item._destroyed
    if is_destroyed or not getattr(item, "_async_id", None):
        item._destroyed = False
        item._async_id = _new_async_id()
    if is_destroyed:
        if refed:
            incRefCount()
    elif refed == (not item._refed):
        if refed:
            incRefCount()
        else:
            decRefCount()
    item._refed = refed


def insert(item: Any, msecs: float, start: int | None = None) -> None:
    global _next_expiry
    if start is None:
        start = binding.get_libuv_now()
    m = int(msecs)  # truncate: sub-millisecond accuracy is not assumed
    item._idleStart = start
    lst = timer_list_map.get(m)
    if lst is None:
        expiry = start + m
        lst = timer_list_map[m] = TimersList(expiry, m)
        timer_list_queue.insert(lst)
        if _next_expiry > expiry:
            binding.schedule_timer(m)
            _next_expiry = expiry
    _l_append(lst, item)


def setUnrefTimeout(callback: Callable[..., Any], after: float) -> Timeout:
    timer = Timeout(callback, after, None, False, False)
    insert(timer, timer._idleTimeout)
    return timer


def unenroll(item: Any) -> None:
    """lib/timers.js unenroll: cancel a timer and reset its list bookkeeping."""
    if getattr(item, "_destroyed", False):
        cleanTimer(item)
        return
    wasEnrolled = (
        getattr(item, "_idleNext", None) is not None or getattr(item, "_idlePrev", None) is not None
    )
    item._destroyed = True
    if getattr(item, "_has_primitive", False):
        known_timers_by_id.pop(item._async_id, None)
    _l_remove(item)
    # We only delete refed lists because unrefed ones are incredibly likely to come
    # from http and be recreated shortly after.
    if getattr(item, "_refed", False):
        m = int(item._idleTimeout)
        lst = timer_list_map.get(m)
        if lst is not None and _l_is_empty(lst):
            assert lst.priority_queue_position is not None
            timer_list_queue.removeAt(lst.priority_queue_position)
            del timer_list_map[lst.msecs]
        decRefCount()
    if wasEnrolled:
        cleanTimer(item)
    # If active is called later, then we want to make sure not to insert again
    item._idleTimeout = -1


def clearTimeout(timer: Any) -> None:
    """lib/timers.js clearTimeout: a Timeout, or the id its toPrimitive gave (`+t`)."""
    if timer is not None and getattr(timer, "_onTimeout", None):
        timer._onTimeout = None
        unenroll(timer)
        return
    if isinstance(timer, (int, float, str)) and not isinstance(timer, bool):
        # knownTimersById[timer]: a number or its canonical string form.
        key = timer
        if isinstance(timer, float) and timer.is_integer():
            key = int(timer)
        elif isinstance(timer, str) and timer.isdigit() and str(int(timer)) == timer:
            key = int(timer)
        inst = known_timers_by_id.get(key) if isinstance(key, int) else None
        if inst is not None:
            inst._onTimeout = None
            unenroll(inst)


# -- immediates ------------------------------------------------------------------------
class Immediate(NodeNames):
    """A setImmediate entry (Node's Immediate class)."""

    __slots__ = ("_argv", "_destroyed", "_idleNext", "_idlePrev", "_onImmediate", "_refed")

    def __init__(self, callback: Callable[..., Any] | None, args: tuple[Any, ...] | None) -> None:
        self._idleNext: Immediate | None = None
        self._idlePrev: Immediate | None = None
        self._onImmediate: Callable[..., Any] | None = callback
        self._argv = args
        self._destroyed = False
        self._refed: bool | None = False
        self.ref()
        binding.immediate_info["count"] += 1
        if binding.immediate_info["count"] == 1:
            binding.start_immediate_check()
        immediate_queue.append(self)

    def ref(self) -> Immediate:
        if self._refed is False:
            self._refed = True
            binding.immediate_info["ref_count"] += 1
            if binding.immediate_info["ref_count"] == 1:
                binding.toggle_immediate_ref(True)
        return self

    def unref(self) -> Immediate:
        if self._refed is True:
            self._refed = False
            binding.immediate_info["ref_count"] -= 1
            if binding.immediate_info["ref_count"] == 0:
                binding.toggle_immediate_ref(False)
        return self

    def hasRef(self) -> bool:
        return bool(self._refed)

    def __enter__(self) -> Immediate:
        return self

    def __exit__(self, *exc: object) -> None:
        # Immediate.prototype[Symbol.dispose]
        clearImmediate(self)

    def __repr__(self) -> str:
        return f"Immediate {{ _destroyed: {str(self._destroyed).lower()} }}"

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        has_ref = hasRef
    # END twins


class ImmediateList:
    __slots__ = ("head", "tail")

    def __init__(self) -> None:
        self.head: Immediate | None = None
        self.tail: Immediate | None = None

    def append(self, item: Immediate) -> None:
        if self.tail is not None:
            self.tail._idleNext = item
            item._idlePrev = self.tail
        else:
            self.head = item
        self.tail = item

    def remove(self, item: Immediate) -> None:
        if item._idleNext is not None:
            item._idleNext._idlePrev = item._idlePrev
        if item._idlePrev is not None:
            item._idlePrev._idleNext = item._idleNext
        if item is self.head:
            self.head = item._idleNext
        if item is self.tail:
            self.tail = item._idlePrev
        item._idleNext = None
        item._idlePrev = None


immediate_queue = ImmediateList()
_outstanding_queue = ImmediateList()


def clearImmediate(immediate: Any) -> None:
    if not isinstance(immediate, Immediate) or not immediate._onImmediate or immediate._destroyed:
        return
    info = binding.immediate_info
    info["count"] -= 1
    immediate._destroyed = True
    if immediate._refed:
        info["ref_count"] -= 1
        if info["ref_count"] == 0:
            binding.toggle_immediate_ref(False)
    immediate._refed = None
    cleanImmediate(immediate)
    immediate_queue.remove(immediate)


def processImmediate() -> None:
    queue = _outstanding_queue if _outstanding_queue.head is not None else immediate_queue
    immediate = queue.head
    # Clear the list early: setImmediate() calls made while these run wait for the
    # next loop iteration.
    if queue is not _outstanding_queue:
        queue.head = queue.tail = None
        binding.immediate_info["has_outstanding"] = 1
    prev: Immediate | None = None
    ran_at_least_one = False
    info = binding.immediate_info
    while immediate is not None:
        if ran_at_least_one:
            task_queues.run_next_ticks()
        else:
            ran_at_least_one = True
        # It may have been cleared while the tick queue ran: continue from the previous.
        if immediate._destroyed:
            _outstanding_queue.head = immediate = prev._idleNext if prev is not None else None
            continue
        immediate._destroyed = True
        info["count"] -= 1
        if immediate._refed:
            info["ref_count"] -= 1
        immediate._refed = None
        prev = immediate
        try:
            fn = immediate._onImmediate
            assert fn is not None
            argv = immediate._argv
            if argv:
                fn(*argv)
            else:
                fn()
        finally:
            cleanImmediate(immediate)
            _outstanding_queue.head = immediate = immediate._idleNext
    if queue is _outstanding_queue:
        _outstanding_queue.head = None
    info["has_outstanding"] = 0


def processTimers(now: int) -> int:
    global _next_expiry
    _next_expiry = math.inf
    ran_at_least_one_list = False
    while True:
        lst = timer_list_queue.peek()
        if lst is None:
            break
        if lst.expiry > now:
            _next_expiry = lst.expiry
            return int(_next_expiry) if timeout_info[0] > 0 else -int(_next_expiry)
        if ran_at_least_one_list:
            task_queues.run_next_ticks()
        else:
            ran_at_least_one_list = True
        listOnTimeout(lst, now)
    return 0


def listOnTimeout(lst: TimersList, now: int) -> None:
    global _timer_list_id
    msecs = lst.msecs
    ran_at_least_one_timer = False
    while True:
        timer = _l_peek(lst)
        if timer is None:
            break
        diff = now - timer._idleStart
        # Too early for this timer: more timers are scheduled later in the list.
        if diff < msecs:
            lst.expiry = max(timer._idleStart + msecs, now + 1)
            lst.id = _timer_list_id
            _timer_list_id += 1
            timer_list_queue.percolateDown(0)
            return
        if ran_at_least_one_timer:
            task_queues.run_next_ticks()
        else:
            ran_at_least_one_timer = True
        _l_remove(timer)
        if not timer._onTimeout:
            if not timer._destroyed:
                timer._destroyed = True
                cleanTimer(timer)
                if timer._has_primitive:
                    known_timers_by_id.pop(timer._async_id, None)
                if timer._refed:
                    timeout_info[0] -= 1
            continue
        start = binding.get_libuv_now() if timer._repeat else None
        try:
            args = timer._timerArgs
            if args:
                timer._onTimeout(*args)
            else:
                timer._onTimeout()
        finally:
            if timer._repeat and timer._idleTimeout != -1:
                timer._idleTimeout = timer._repeat
                insert(timer, timer._idleTimeout, start)
            elif timer._idleNext is None and timer._idlePrev is None:
                if timer._destroyed:
                    # Cleared by its own callback.
                    timer._onTimeout = None
                    timer._timerArgs = None
                else:
                    timer._destroyed = True
                    if timer._has_primitive:
                        known_timers_by_id.pop(timer._async_id, None)
                    if timer._refed:
                        timeout_info[0] -= 1
    # The list may have been removed and recreated meanwhile: only drop our own.
    if timer_list_map.get(msecs) is lst:
        del timer_list_map[msecs]
        timer_list_queue.shift()


binding.setup_timers(processImmediate, processTimers)

# The snake_case spellings net.py and _stream_base_commons.py call (owned elsewhere).
set_unref_timeout = setUnrefTimeout
clear_timeout = clearTimeout
