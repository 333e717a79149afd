"""Port of Node.js test/common/index.js: the helpers Node's own tests use.

Call counts are checked when the test ends (Node checks them at process exit): the
pytest plugin calls :func:`check_must_call` after the test body returned.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
from collections.abc import Callable
from typing import Any

from nodenet_uv._internal.arity import arg_limit
from nodenet_uv._internal.naming import alias_module

__all__ = [
    "PIPE",
    "expectsError",
    "hasIPv6",
    "isLinux",
    "isWindows",
    "localhostIPv4",
    "mustCall",
    "mustCallAtLeast",
    "mustNotCall",
    "mustSucceed",
    "platformTimeout",
]

isWindows = os.name == "nt"
isLinux = os.uname().sysname == "Linux" if hasattr(os, "uname") else False
localhostIPv4 = "127.0.0.1"


def _has_ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


hasIPv6 = _has_ipv6()

_tmpdir = tempfile.mkdtemp(prefix="nodenet-uv-test.")
PIPE = os.path.join(_tmpdir, f"node-test.{os.getpid()}.sock")


def tmpdir() -> str:
    return _tmpdir


def platformTimeout(ms: float) -> float:
    return ms


class _Check:
    __slots__ = ("actual", "exact", "minimum", "name")

    def __init__(self, name: str, exact: int | None, minimum: int | None) -> None:
        self.name = name
        self.exact = exact
        self.minimum = minimum
        self.actual = 0


_checks: list[_Check] = []


def _name_of(fn: Any) -> str:
    return getattr(fn, "__name__", None) or "<anonymous>"


def _noop(*args: Any) -> None:
    return None


def _wrap(fn: Callable[..., Any] | None, check: _Check) -> Callable[..., Any]:
    target = fn if fn is not None else _noop
    limit = arg_limit(target)

    def wrapper(*args: Any) -> Any:
        check.actual += 1
        if limit < 0 or limit >= len(args):
            return target(*args)
        return target(*args[:limit])

    wrapper.__name__ = _name_of(fn) if fn is not None else "mustCall"
    wrapper.__wrapped_listener__ = target  # type: ignore[attr-defined]
    return wrapper


def mustCall(fn: Callable[..., Any] | int | None = None, exact: int = 1) -> Callable[..., Any]:
    """A wrapper that must be called exactly ``exact`` times by the end of the test."""
    if isinstance(fn, int) and not isinstance(fn, bool):
        fn, exact = None, fn
    check = _Check(_name_of(fn), exact, None)
    _checks.append(check)
    return _wrap(fn, check)  # type: ignore[arg-type]


def mustCallAtLeast(
    fn: Callable[..., Any] | int | None = None, minimum: int = 1
) -> Callable[..., Any]:
    if isinstance(fn, int) and not isinstance(fn, bool):
        fn, minimum = None, fn
    check = _Check(_name_of(fn), None, minimum)
    _checks.append(check)
    return _wrap(fn, check)  # type: ignore[arg-type]


def mustSucceed(fn: Callable[..., Any] | None = None, exact: int = 1) -> Callable[..., Any]:
    """A callback ``(err, *args)`` that must be called with ``err is None``."""
    limit = arg_limit(fn) if fn is not None else 0

    def succeed(err: Any = None, *args: Any) -> Any:
        if err is not None:
            raise err if isinstance(err, BaseException) else AssertionError(err)
        if fn is None:
            return None
        if limit < 0 or limit >= len(args):
            return fn(*args)
        return fn(*args[:limit])

    return mustCall(succeed, exact)


def mustNotCall(msg: str | None = None) -> Callable[..., Any]:
    def must_not_call(*args: Any) -> None:
        shown = ", ".join(repr(a) for a in args)
        raise AssertionError(
            f"{msg or 'function should not have been called'} (called with {shown})"
        )

    return must_not_call


def _check_error(err: Any, validation: dict[str, Any]) -> None:
    for key, expected in validation.items():
        if key == "message":
            actual = str(err)
        elif key == "name":
            actual = getattr(err, "name", type(err).__name__)
        elif key == "type":
            assert isinstance(err, expected), f"{err!r} is not a {expected}"
            continue
        else:
            actual = getattr(err, key, None)
        if isinstance(expected, re.Pattern):
            assert expected.search(str(actual)), f"{key}: {actual!r} !~ {expected.pattern!r}"
        else:
            assert actual == expected, f"{key}: {actual!r} != {expected!r}"


def expectsError(validation: dict[str, Any], exact: int = 1) -> Callable[..., Any]:
    """A callback whose first argument must be an error with these fields."""

    def check(err: Any = None, *args: Any) -> None:
        assert err is not None, "expected an error"
        _check_error(err, validation)

    return mustCall(check, exact)


def check_error(err: Any, validation: dict[str, Any]) -> None:
    """assert.throws-style field check: code, name, message (str or compiled regex)."""
    _check_error(err, validation)


def check_must_call() -> None:
    """Raise AssertionError for every mustCall whose count is off; then forget them."""
    failures = []
    for c in _checks:
        if c.exact is not None and c.actual != c.exact:
            failures.append(
                f"Mismatched {c.name} function calls. Expected exactly {c.exact}, "
                f"actual {c.actual}."
            )
        elif c.minimum is not None and c.actual < c.minimum:
            failures.append(
                f"Mismatched {c.name} function calls. Expected at least {c.minimum}, "
                f"actual {c.actual}."
            )
    _checks.clear()
    if failures:
        raise AssertionError("\n".join(failures))


def reset_must_call() -> None:
    _checks.clear()


__all__ += alias_module(globals(), __all__)
alias_module(globals(), ["check_error"])
