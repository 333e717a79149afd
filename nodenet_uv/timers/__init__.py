"""Port of Node.js lib/timers.js: setTimeout, setInterval, setImmediate and their clears.

Node: ``timers``. Durations are milliseconds; extra arguments are passed to the callback.
Node 22 removed the deprecated ``enroll``/``unenroll``/``active``/``_unrefActive``.
``timers.promises`` is :mod:`nodenet_uv.timers.promises` (lib/timers/promises.js).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal import timers as _timers
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.arity import arg_limit, arg_required
from nodenet_uv._internal.inspect import number_to_string
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.timers import TIMEOUT_MAX, Immediate, Timeout

__all__ = [
    "TIMEOUT_MAX",
    "Immediate",
    "Timeout",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "promises",
    "setImmediate",
    "setInterval",
    "setTimeout",
]


def _callback_args(callback: Any, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    # the arity rule, docs/python-rules.md: a callback may take fewer positional parameters than the
    # arguments given for it (JS drops the extra ones). The arguments are fixed when the
    # timer is created, so they are cut to size once, here.
    limit = arg_limit(callback)
    n = len(args)
    if 0 <= limit < n:
        args = args[:limit]
    elif limit > n:
        # It requires more than given: None (JS undefined) for each missing one.
        missing = arg_required(callback) - n
        if missing > 0:
            args = (*args, *((None,) * missing))
    return args or None


def _new_timer(callback: Any, after: Any, args: tuple[Any, ...], is_repeat: bool) -> Timeout:
    # The body Node's setTimeout and setInterval both spell out.
    validators.validate_function(callback, "callback")
    timeout = Timeout(callback, after, _callback_args(callback, args), is_repeat, True)
    _timers.insert(timeout, timeout._idleTimeout)
    return timeout


def setTimeout(
    callback: Callable[..., Any] | None = None, after: Any = None, *args: Any
) -> Timeout:
    """setTimeout(callback, after, *args): call ``callback`` once after ``after`` ms (Node: ``timers.setTimeout``)."""
    return _new_timer(callback, after, args, False)


def clearTimeout(timer: Any = None) -> None:
    """clearTimeout(timer): cancel a Timeout (Node: ``timers.clearTimeout``)."""
    _timers.clearTimeout(timer)


def setInterval(
    callback: Callable[..., Any] | None = None, repeat: Any = None, *args: Any
) -> Timeout:
    """setInterval(callback, repeat, *args): call ``callback`` every ``repeat`` ms (Node: ``timers.setInterval``)."""
    return _new_timer(callback, repeat, args, True)


def clearInterval(timer: Any = None) -> None:
    # clearTimeout and clearInterval are interchangeable (HTML Living Standard).
    """clearInterval(timer): cancel an interval (Node: ``timers.clearInterval``)."""
    _timers.clearTimeout(timer)


def setImmediate(callback: Callable[..., Any] | None = None, *args: Any) -> Immediate:
    """setImmediate(callback, *args): call ``callback`` in the check phase (Node: ``timers.setImmediate``)."""
    validators.validate_function(callback, "callback")
    return Immediate(callback, _callback_args(callback, args))


def clearImmediate(immediate: Any = None) -> None:
    """clearImmediate(immediate): cancel an Immediate (Node: ``timers.clearImmediate``)."""
    _timers.clearImmediate(immediate)


def getTimerDuration(msecs: Any, name: str) -> float:
    """internal/timers.js getTimerDuration (used by Socket.setTimeout)."""
    validators.validate_number(msecs, name)
    if isinstance(msecs, int) and not isinstance(msecs, bool):
        try:
            float(msecs)
        except OverflowError:  # an int too large for a double is Infinity to JS
            msecs = math.inf if msecs > 0 else -math.inf
    if msecs < 0 or not math.isfinite(msecs):
        raise errors.ERR_OUT_OF_RANGE(name, "a non-negative finite number", msecs)
    # Ensure that msecs fits into signed int32
    if msecs > TIMEOUT_MAX:
        _warning.emit_warning(
            f"{number_to_string(msecs)} does not fit into a 32-bit signed integer."
            f"\nTimer duration was truncated to {TIMEOUT_MAX}.",
            "TimeoutOverflowWarning",
        )
        return TIMEOUT_MAX
    return msecs


def setUnrefTimeout(callback: Callable[..., Any], after: Any = None) -> Timeout:
    """internal/timers.js setUnrefTimeout: a timer that never keeps the loop alive."""
    # Type checking identical to setTimeout()
    validators.validate_function(callback, "callback")
    return _timers.setUnrefTimeout(callback, after)


# The warnings Node emits once per process (TimeoutNegativeWarning, TimeoutNaNWarning);
# the test runtime clears this set between Node test ports, as each Node test is a
# fresh process.
_codes_warned = _timers.warned


# Node's `promises` getter requires timers/promises lazily; the submodule imports this
# module's clear* functions, so it is loaded last.
from nodenet_uv.timers import promises  # noqa: E402

__all__ += alias_module(globals(), __all__)
alias_module(globals(), ["getTimerDuration", "setUnrefTimeout"])


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    clear_immediate = clearImmediate
    clear_interval = clearInterval
    clear_timeout = clearTimeout
    get_timer_duration = getTimerDuration
    set_immediate = setImmediate
    set_interval = setInterval
    set_timeout = setTimeout
    set_unref_timeout = setUnrefTimeout
# END twins
