"""How many positional arguments a listener takes (the JS "extra arguments are dropped" rule).

docs/python-rules.md: a listener may declare fewer positional parameters than Node passes. The
limit is computed once, when the listener is added; a call then passes ``args[:limit]``.
``-1`` means "pass everything" (``*args``, or a callable we cannot inspect).

A listener that *requires* more positional arguments than a call passes gets ``None``
(JS ``undefined``) for the missing ones (docs/python-rules.md, "Python mistakes are loud"): the
call sites test ``limit > len(args)`` (a listener declaring more parameters than passed, the
rare case) and only then call :func:`call_padded`, so the usual call costs nothing more.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import FunctionType, MethodType
from typing import Any

_CO_VARARGS = inspect.CO_VARARGS
_cache: dict[Any, int] = {}


def arg_limit(fn: Callable[..., Any]) -> int:
    t = type(fn)
    if t is FunctionType:
        code = fn.__code__
        if code.co_flags & _CO_VARARGS:
            return -1
        return int(code.co_argcount)
    if t is MethodType:
        func = fn.__func__  # type: ignore[attr-defined]
        if type(func) is FunctionType:
            code = func.__code__
            if code.co_flags & _CO_VARARGS:
                return -1
            return max(int(code.co_argcount) - 1, 0)
    key = fn if getattr(fn, "__hash__", None) is not None else None
    if key is not None:
        try:
            cached = _cache.get(key)
        except TypeError:
            cached = None
            key = None
        if cached is not None:
            return cached
    limit = _inspect_limit(fn)
    if key is not None and isinstance(fn, type):
        _cache[key] = limit
    return limit


def _inspect_limit(fn: Callable[..., Any]) -> int:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return -1
    count = 0
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            return -1
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            count += 1
    return count


def arg_required(fn: Callable[..., Any]) -> int:
    """How many positional parameters ``fn`` requires (those without a default)."""
    t = type(fn)
    if t is FunctionType:
        return int(fn.__code__.co_argcount) - len(fn.__defaults__ or ())
    if t is MethodType:
        func = fn.__func__  # type: ignore[attr-defined]
        if type(func) is FunctionType:
            return max(int(func.__code__.co_argcount) - len(func.__defaults__ or ()) - 1, 0)
    try:
        cached = _required_cache.get(fn)
    except TypeError:
        return _inspect_required(fn)
    if cached is None:
        cached = _inspect_required(fn)
        if isinstance(fn, type):
            _required_cache[fn] = cached
    return cached


_required_cache: dict[Any, int] = {}


def _inspect_required(fn: Callable[..., Any]) -> int:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return 0
    return sum(
        1
        for p in sig.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    )


def call_padded(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """``fn(*args)``, with ``None`` (JS undefined) for each required parameter past them."""
    missing = arg_required(fn) - len(args)
    if missing > 0:
        return fn(*args, *((None,) * missing))
    return fn(*args)


def call_limited(fn: Callable[..., Any], limit: int, args: tuple[Any, ...]) -> Any:
    n = len(args)
    if limit == n or limit < 0:
        return fn(*args)
    if limit > n:
        return call_padded(fn, args)
    return fn(*args[:limit])


def limited(fn: Callable[..., Any], n: int) -> Callable[..., Any]:
    """``fn`` to be called with ``n`` arguments: itself if it takes them all, else a wrapper
    passing the first ``arg_limit(fn)`` of them (an options function such as ``read`` or
    ``write`` that declares fewer parameters than Node passes)."""
    limit = arg_limit(fn)
    if limit < 0 or limit == n:
        return fn
    if limit > n:
        if arg_required(fn) <= n:
            return fn

        def padded(*args: Any) -> Any:
            return call_padded(fn, args)

        return padded

    def call(*args: Any) -> Any:
        return fn(*args[:limit])

    return call
