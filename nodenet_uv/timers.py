"""Port of Node.js lib/timers.js: setTimeout, setInterval, setImmediate and their clears.

Node: ``timers``. Durations are milliseconds; extra arguments are passed to the callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nodenet_uv import _validators as validators
from nodenet_uv._internal import timers as _timers
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.timers import TIMEOUT_MAX, Immediate, Timeout

__all__ = [
    "TIMEOUT_MAX",
    "Immediate",
    "Timeout",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "setImmediate",
    "setInterval",
    "setTimeout",
]


def setTimeout(callback: Callable[..., Any], after: Any = None, *args: Any) -> Timeout:
    validators.validate_function(callback, "callback")
    timeout = Timeout(callback, after, args or None, False, True)
    _timers.insert(timeout, timeout._idleTimeout)
    return timeout


def clearTimeout(timer: Any) -> None:
    _timers.clear_timeout(timer)


def setInterval(callback: Callable[..., Any], repeat: Any = None, *args: Any) -> Timeout:
    validators.validate_function(callback, "callback")
    timeout = Timeout(callback, repeat, args or None, True, True)
    _timers.insert(timeout, timeout._idleTimeout)
    return timeout


def clearInterval(timer: Any) -> None:
    # clearTimeout and clearInterval are interchangeable (HTML Living Standard).
    _timers.clear_timeout(timer)


def setImmediate(callback: Callable[..., Any], *args: Any) -> Immediate:
    validators.validate_function(callback, "callback")
    return Immediate(callback, args or None)


def clearImmediate(immediate: Any) -> None:
    _timers.clear_immediate(immediate)


def getTimerDuration(msecs: Any, name: str) -> float:
    """internal/timers.js getTimerDuration (used by Socket.setTimeout)."""
    from nodenet_uv import errors
    from nodenet_uv._internal import warning

    validators.validate_number(msecs, name)
    if msecs < 0 or msecs != msecs or msecs in (float("inf"), float("-inf")):
        raise errors.ERR_OUT_OF_RANGE(name, "a non-negative finite number", msecs)
    if msecs > TIMEOUT_MAX:
        warning.emit_warning(
            f"{msecs} does not fit into a 32-bit signed integer."
            f"\nTimer duration was truncated to {TIMEOUT_MAX}.",
            "TimeoutOverflowWarning",
        )
        return TIMEOUT_MAX
    return float(msecs)


def setUnrefTimeout(callback: Callable[..., Any], after: float) -> Timeout:
    """internal/timers.js setUnrefTimeout: a timer that never keeps the loop alive."""
    validators.validate_function(callback, "callback")
    return _timers.set_unref_timeout(callback, after)


__all__ += alias_module(globals(), __all__)
alias_module(globals(), ["getTimerDuration", "setUnrefTimeout"])
