"""Port of Node.js lib/internal/perf/observe.js (the PerformanceObserver part net uses).

What ``net`` reports: a ``'net'`` entry named ``'connect'`` per TCP connect (from the
connect call to ``'connect'``), with ``detail: {'host', 'port'}``. Observers get their
buffered entries in one call per ``setImmediate`` turn, as in Node. ``performance.now()`` is
milliseconds since this module was loaded (Node: since the process started).

# DIVERGENCE: only the observer machinery and the 'net' entries are ported: no marks and
# measures, no gc/http/dns/function entries, no resource timing (net needs none of them).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.naming import NodeNames
from nodenet_uv.timers import setImmediate

__all__ = [
    "PerformanceEntry",
    "PerformanceObserver",
    "PerformanceObserverEntryList",
    "performance",
]

_TIME_ORIGIN = time.perf_counter()


def now() -> float:
    """Milliseconds since the time origin (performance.now())."""
    return (time.perf_counter() - _TIME_ORIGIN) * 1000.0


class _Performance:
    """The ``performance`` object: ``now()`` and ``timeOrigin`` (ms since the epoch)."""

    def __init__(self) -> None:
        self.timeOrigin = time.time() * 1000.0 - now()

    def now(self) -> float:
        return now()


performance = _Performance()

# The entry types Node's PerformanceObserver.supportedEntryTypes lists.
SUPPORTED_ENTRY_TYPES = (
    "dns",
    "function",
    "gc",
    "http",
    "http2",
    "mark",
    "measure",
    "net",
    "resource",
)


class PerformanceEntry(NodeNames):
    """A performance entry: ``name``, ``entryType``, ``startTime``, ``duration``, ``detail``."""

    __slots__ = ("detail", "duration", "entryType", "name", "startTime")

    def __init__(
        self, name: str, entry_type: str, start_time: float, duration: float, detail: Any
    ) -> None:
        self.name = name
        self.entryType = entry_type
        self.startTime = start_time
        self.duration = duration
        self.detail = detail

    def toJSON(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entryType": self.entryType,
            "startTime": self.startTime,
            "duration": self.duration,
            "detail": self.detail,
        }

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        to_json = toJSON
    # END twins


class PerformanceObserverEntryList(NodeNames):
    """What an observer's callback gets: the entries buffered since its last call."""

    def __init__(self, entries: list[PerformanceEntry]) -> None:
        self._entries = sorted(entries, key=lambda e: e.startTime)

    def getEntries(self) -> list[PerformanceEntry]:
        return list(self._entries)

    def getEntriesByType(self, type: str) -> list[PerformanceEntry]:
        return [e for e in self._entries if e.entryType == str(type)]

    def getEntriesByName(self, name: str, type: str | None = None) -> list[PerformanceEntry]:
        return [
            e
            for e in self._entries
            if e.name == str(name) and (type is None or e.entryType == str(type))
        ]

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        get_entries = getEntries
        get_entries_by_name = getEntriesByName
        get_entries_by_type = getEntriesByType
    # END twins


_observers: list[PerformanceObserver] = []
_pending: list[PerformanceObserver] = []
_is_pending = [False]
_observer_counts: dict[str, int] = {}


def _queue_pending() -> None:
    # queuePending: one setImmediate dispatches every observer with buffered entries.
    if _is_pending[0]:
        return
    _is_pending[0] = True

    def dispatch() -> None:
        _is_pending[0] = False
        pendings = list(_pending)
        _pending.clear()
        for obs in pendings:
            obs._dispatch()

    setImmediate(dispatch)


class PerformanceObserver(NodeNames):
    """``new PerformanceObserver(callback)``; ``observe({type | entryTypes})``."""

    supportedEntryTypes = SUPPORTED_ENTRY_TYPES

    def __init__(self, callback: Callable[..., Any]) -> None:
        validators.validate_function(callback, "callback")
        self._callback = callback
        self._buffer: list[PerformanceEntry] = []
        self._entry_types: set[str] = set()

    def observe(self, options: Any = None) -> None:
        if options is None:
            options = {}
        validators.validate_object(options, "options")
        entry_types = options.get("entryTypes")
        type_ = options.get("type")
        if entry_types is not None and type_ is not None:
            raise errors.ERR_INVALID_ARG_VALUE(
                "options.entryTypes",
                entry_types,
                "options.entryTypes can not set with options.type together",
            )
        self._decrement()
        self._entry_types.clear()
        if entry_types is not None:
            if not isinstance(entry_types, (list, tuple)):
                raise errors.ERR_INVALID_ARG_TYPE("options.entryTypes", "string[]", entry_types)
            wanted = [t for t in entry_types if t in SUPPORTED_ENTRY_TYPES]
        else:
            if type_ not in SUPPORTED_ENTRY_TYPES:
                return
            wanted = [type_]
        for t in wanted:
            self._entry_types.add(t)
            _observer_counts[t] = _observer_counts.get(t, 0) + 1
        if self._entry_types:
            if self not in _observers:
                _observers.append(self)
        else:
            self.disconnect()

    def _decrement(self) -> None:
        for t in self._entry_types:
            _observer_counts[t] = _observer_counts.get(t, 1) - 1

    def disconnect(self) -> None:
        self._decrement()
        if self in _observers:
            _observers.remove(self)
        if self in _pending:
            _pending.remove(self)
        self._buffer = []
        self._entry_types.clear()

    def takeRecords(self) -> list[PerformanceEntry]:
        records, self._buffer = self._buffer, []
        return records

    def _maybe_buffer(self, entry: PerformanceEntry) -> None:
        if entry.entryType not in self._entry_types:
            return
        self._buffer.append(entry)
        if self not in _pending:
            _pending.append(self)
        _queue_pending()

    def _dispatch(self) -> None:
        self._callback(PerformanceObserverEntryList(self.takeRecords()), self)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        take_records = takeRecords
    # END twins


def enqueue(entry: PerformanceEntry) -> None:
    """Hand ``entry`` to every observer interested in its type."""
    for obs in list(_observers):
        obs._maybe_buffer(entry)


def hasObserver(type: str) -> bool:
    """Is any observer watching entries of ``type``? (net asks before timing a connect)."""
    return _observer_counts.get(type, 0) > 0


def startPerf(target: Any, key: str, context: dict[str, Any]) -> None:
    """Start timing: ``target.<key>`` = the context plus its start time."""
    setattr(target, key, {**context, "startTime": now()})


def stopPerf(target: Any, key: str, context: dict[str, Any] | None = None) -> None:
    """Stop timing and enqueue the entry (name, type and detail from the context)."""
    ctx = getattr(target, key, None)
    if not ctx:
        return
    start = ctx["startTime"]
    detail = {**ctx.get("detail", {}), **((context or {}).get("detail") or {})}
    enqueue(PerformanceEntry(ctx["name"], ctx["type"], start, now() - start, detail))


def reset() -> None:
    """Forget every observer (a test runtime's reset)."""
    for obs in list(_observers):
        obs.disconnect()
    _observers.clear()
    _pending.clear()
    _observer_counts.clear()
    _is_pending[0] = False
