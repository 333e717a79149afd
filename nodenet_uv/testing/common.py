"""Port of Node.js test/common/index.js: the helpers Node's own tests use.

Call counts are checked when the test ends (Node checks them at process exit): the
pytest plugin calls :func:`check_must_call` after the test body returned.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv._internal.arity import arg_limit, call_limited
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.promise import spawn

__all__ = [
    "PIPE",
    "PORT",
    "createMockedLookup",
    "defaultAutoSelectFamilyAttemptTimeout",
    "expectWarning",
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
    "run_as_primary",
]

isWindows = os.name == "nt"
isLinux = os.uname().sysname == "Linux" if hasattr(os, "uname") else False
localhostIPv4 = "127.0.0.1"
# common.PORT: the fixed port some sequential tests listen on.
PORT = int(os.environ.get("NODE_COMMON_PORT") or 0) or 12346


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


# Node scales timeouts on slow builds/platforms; here an env var does it
# (NODENET_UV_TIMEOUT_SCALE=3 for a slow CI machine).
_timeout_scale = float(os.environ.get("NODENET_UV_TIMEOUT_SCALE", "1") or 1)


def platformTimeout(ms: float) -> float:
    """``ms`` scaled for a slow platform (``NODENET_UV_TIMEOUT_SCALE``, default 1)."""
    if _timeout_scale == 1:
        return ms
    return ms * _timeout_scale


# Node 24's test/common/index.js, at import, multiplies net's default happy-eyeballs
# attempt timeout by 10 (platformTimeout(getDefaultAutoSelectFamilyAttemptTimeout() * 10));
# the Node-test conftest applies it per test (a library import must not).
AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_FACTOR = 10


def defaultAutoSelectFamilyAttemptTimeout() -> float:
    """``common.defaultAutoSelectFamilyAttemptTimeout``: net's default attempt timeout once
    common has multiplied it (a value in Node, read after common's import; here a call, read
    inside a Node-test port, where the conftest has applied the factor)."""
    from nodenet_uv import net

    return float(net.getDefaultAutoSelectFamilyAttemptTimeout())


def createMockedLookup(*addresses: str) -> Callable[..., None]:
    """Port of test/common/dns.js createMockedLookup: a ``lookup`` option answering
    ``addresses`` in that order (all of them with ``all: true``, else the first), on the
    next tick."""
    from nodenet_uv._internal.net import isIP as is_ip
    from nodenet_uv._internal.task_queues import next_tick

    entries = [{"address": address, "family": is_ip(address)} for address in addresses]

    def lookup(hostname: Any, options: Any, cb: Callable[..., Any]) -> None:
        if options.get("all") is True:
            next_tick(lambda: cb(None, entries))
            return
        next_tick(lambda: cb(None, entries[0]["address"], entries[0]["family"]))

    return lookup


class _Check:
    __slots__ = ("actual", "exact", "minimum", "name", "where")

    def __init__(self, name: str, exact: int | None, minimum: int | None) -> None:
        self.name = name
        self.exact = exact
        self.minimum = minimum
        self.actual = 0
        self.where = _caller()


def run_as_primary(path: str, **env: str) -> str:
    """Run the port ``path`` as ``python path primary`` and return its stdout.

    A cluster port whose Node test needs a primary of its own (a fresh ``cluster`` module
    with its own scheduling policy and settings) runs it in a subprocess; its workers are
    the same file again (``cluster.fork()``'s default). Fails with the output unless the
    primary exits with 0.
    """
    import subprocess
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])  # the directory that holds nodenet_uv
    r = subprocess.run(
        [sys.executable, path, "primary"],
        env={**os.environ, "PYTHONPATH": root, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def _caller() -> str:
    # The first frame outside this module: where the test created the mustCall (Node
    # prints the same "at file:line" stack line).
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back  # type: ignore[assignment]
    return f"{f.f_code.co_filename}:{f.f_lineno}" if f is not None else "?"


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
        return call_limited(target, limit, args)

    wrapper.__name__ = _name_of(fn) if fn is not None else "mustCall"
    wrapper.__wrapped_listener__ = target  # type: ignore[attr-defined]
    return wrapper


def mustCall(fn: Callable[..., Any] | int | None = None, exact: int = 1) -> Callable[..., Any]:
    """A wrapper that must be called exactly ``exact`` times by the end of the test."""
    if isinstance(fn, int) and not isinstance(fn, bool):
        exact = fn
        fn = None
    check = _Check(_name_of(fn), exact, None)
    _checks.append(check)
    return _wrap(fn, check)  # type: ignore[arg-type]


def mustCallAtLeast(
    fn: Callable[..., Any] | int | None = None, minimum: int = 1
) -> Callable[..., Any]:
    if isinstance(fn, int) and not isinstance(fn, bool):
        minimum = fn
        fn = None
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
        return call_limited(fn, limit, args)

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
        actual: Any
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


_catch_warning: dict[str, Callable[[Any], None]] | None = None


def _expect_warning(name: str, expected: Any, code: str | None = None) -> Callable[[Any], None]:
    if isinstance(expected, str):
        pairs = [[expected, code]]
    elif isinstance(expected, dict):
        pairs = [[message, c] for c, message in expected.items()]
    elif expected and not isinstance(expected[0], (list, tuple)):
        pairs = [[expected[0], expected[1] if len(expected) > 1 else None]]
    else:
        pairs = [list(e) for e in expected]
    if name == "DeprecationWarning":
        # Deprecation codes are mandatory, everything else is not.
        for _, c in pairs:
            assert c, pairs

    def on_warning(warning: Any) -> None:
        if not pairs:
            raise AssertionError(f"Unexpected extra warning received: {warning}")
        message, c = pairs.pop(0)
        assert getattr(warning, "name", None) == name, (getattr(warning, "name", None), name)
        if isinstance(message, re.Pattern):
            assert message.search(str(warning)), (str(warning), message.pattern)
        else:
            assert str(warning) == message, (str(warning), message)
        assert getattr(warning, "code", None) == c, (getattr(warning, "code", None), c)

    return mustCall(on_warning, len(pairs))


def expectWarning(
    name_or_map: str | dict[str, Any], expected: Any = None, code: Any = None
) -> None:
    """Node's ``common.expectWarning``: each named warning must be emitted (through
    ``process.on('warning')``) exactly as listed, and no other warning may be.

    ``expectWarning('DeprecationWarning', 'msg', 'DEP0121')``,
    ``expectWarning('Warning', [['msg', 'CODE'], ...])`` or
    ``expectWarning({'DeprecationWarning': {'DEP0121': 'msg'}, 'Warning': 'other'})``.
    """
    global _catch_warning
    from nodenet_uv.process import process

    if _catch_warning is None:
        catch: dict[str, Callable[[Any], None]] = {}
        _catch_warning = catch

        def on_any_warning(warning: Any) -> None:
            name = getattr(warning, "name", type(warning).__name__)
            if name not in catch:
                raise TypeError(f'"{name}" was triggered without being expected.\n{warning!r}')
            catch[name](warning)

        process.on("warning", on_any_warning)
    if isinstance(name_or_map, str):
        _catch_warning[name_or_map] = _expect_warning(name_or_map, expected, code)
    else:
        for name, exp in name_or_map.items():
            _catch_warning[name] = _expect_warning(name, exp)


def _js_string(err: Any) -> str:
    # String(err) in JS: "TypeError [ERR_X]: message"; Node's regex matchers test that.
    name = getattr(err, "name", type(err).__name__)
    code = getattr(err, "code", None)
    return f"{name} [{code}]: {err}" if code else f"{name}: {err}"


def _match(err: Any, expected: Any) -> None:
    if isinstance(expected, str):
        assert re.search(expected, _js_string(err)), _js_string(err)
    else:
        _check_error(err, expected)


def throws(fn: Callable[[], Any], expected: Any) -> None:
    """assert.throws(fn, expected): ``expected`` is a regex string or a dict of fields."""
    try:
        fn()
    except Exception as err:
        _match(err, expected)
    else:
        raise AssertionError("Missing expected exception.")


async def rejects(block: Any, expected: Any) -> None:
    """assert.rejects(promise_or_fn, expected), awaited in a coroutine run by run()."""
    try:
        await (block() if callable(block) else block)
    except Exception as err:
        _match(err, expected)
    else:
        raise AssertionError("Missing expected rejection.")


def mustResolve(coro: Any) -> None:
    """``(async () => {...})().then(common.mustCall())``: the coroutine must complete."""
    spawn(coro).then(mustCall())


def check_must_call() -> None:
    """Raise AssertionError for every mustCall whose count is off; then forget them."""
    failures = []
    for c in _checks:
        if c.exact is not None and c.actual != c.exact:
            failures.append(
                f"Mismatched {c.name} function calls. Expected exactly {c.exact}, "
                f"actual {c.actual}.\n    at {c.where}"
            )
        elif c.minimum is not None and c.actual < c.minimum:
            failures.append(
                f"Mismatched {c.name} function calls. Expected at least {c.minimum}, "
                f"actual {c.actual}.\n    at {c.where}"
            )
    _checks.clear()
    if failures:
        raise AssertionError("\n".join(failures))


def reset_must_call() -> None:
    global _catch_warning
    _checks.clear()
    _catch_warning = None


__all__ += alias_module(globals(), __all__)
alias_module(globals(), ["check_error", "throws", "rejects", "mustResolve"])


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    create_mocked_lookup = createMockedLookup
    default_auto_select_family_attempt_timeout = defaultAutoSelectFamilyAttemptTimeout
    expect_warning = expectWarning
    expects_error = expectsError
    has_ipv6 = hasIPv6
    is_linux = isLinux
    is_windows = isWindows
    localhost_ipv4 = localhostIPv4
    must_call = mustCall
    must_call_at_least = mustCallAtLeast
    must_not_call = mustNotCall
    must_resolve = mustResolve
    must_succeed = mustSucceed
    platform_timeout = platformTimeout
# END twins
