"""Event-trace recording, the same format under node and under nodenet_uv.

``trace(emitter, label)`` records every event an emitter emits (``'newListener'`` and
``'removeListener'`` excepted) with normalized arguments; ``mark(label, what, value)``
adds a row of your own. :func:`dump` writes the rows as JSON lines; its twin
``trace.js`` (shipped beside this file, path in :data:`TRACE_JS`) does the same under
node at process exit, so the two outputs can be compared line by line
(``python -m nodenet_uv.compat diff scenario.js scenario.py``).

Normalization: ``None`` → ``null``; ``bytes`` → ``{"buffer": length}``; exceptions →
``{"error": code or name, "message": str}``; other objects → ``"<ClassName>"``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

__all__ = ["TRACE_JS", "alias", "clear", "dump", "entries", "mark", "norm", "trace"]

TRACE_JS = str(Path(__file__).with_name("trace.js"))

_entries: list[list[Any]] = []
_SKIP = {"newListener", "removeListener"}


def norm(value: Any, depth: int = 0) -> Any:
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"buffer": memoryview(value).nbytes}
    if isinstance(value, BaseException):
        out: dict[str, Any] = {
            "error": getattr(value, "code", None) or getattr(value, "name", type(value).__name__),
            "message": str(value),
        }
        errs = getattr(value, "errors", None)
        if isinstance(errs, list):
            out["errors"] = [norm(e, depth + 1) for e in errs]
        return out
    if isinstance(value, (bool, int, float, str)):
        return value
    if callable(value) and not isinstance(value, (list, dict)):
        return "<function>"
    if isinstance(value, (list, tuple)):
        return "<array>" if depth > 3 else [norm(x, depth + 1) for x in value]
    if isinstance(value, dict):
        if depth > 3:
            return "<object>"
        return {str(k): norm(value[k], depth + 1) for k in sorted(value, key=str)}
    return f"<{type(value).__name__}>"


def trace(emitter: Any, label: str, events: Iterable[str] | None = None) -> Any:
    """Record the events ``emitter`` emits under ``label``; returns the emitter."""
    only = set(events) if events is not None else None
    orig = emitter.emit

    def emit(event: Any, *args: Any) -> Any:
        if isinstance(event, str) and event not in _SKIP and (only is None or event in only):
            _entries.append([label, event, [norm(a) for a in args]])
        return orig(event, *args)

    emitter.emit = emit
    return emitter


def mark(label: str, what: str, value: Any = ...) -> None:
    _entries.append([label, what, [] if value is ... else [norm(value)]])


_aliases: list[tuple[Any, str]] = []


def alias(value: Any, name: str) -> None:
    """Replace a run-dependent value (a port, a temp path) by ``name`` in the output."""
    _aliases.append((value, name))


def _apply_aliases(v: Any) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        for value, name in _aliases:
            if v == value and not isinstance(value, bool):
                return name
        return v
    if isinstance(v, str):
        for value, name in _aliases:
            v = v.replace(str(value), name)
        return v
    if isinstance(v, list):
        return [_apply_aliases(x) for x in v]
    if isinstance(v, dict):
        return {k: _apply_aliases(x) for k, x in v.items()}
    return v


def entries() -> list[list[Any]]:
    return [_apply_aliases(e) for e in _entries]


def clear() -> None:
    _entries.clear()
    _aliases.clear()


def dump(out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    for e in entries():
        stream.write(json.dumps(e, separators=(",", ":")) + "\n")
