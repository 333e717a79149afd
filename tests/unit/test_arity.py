"""The arity rule (docs/python-rules.md): a listener or callback may declare fewer positional
parameters than Node passes; it gets as many as it has (those with defaults count), a
``*args`` callable gets everything, and the limit is decided once, when it is added."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from nodenet_uv import process, run
from nodenet_uv._internal.arity import arg_limit, call_limited, limited
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setImmediate, setInterval, setTimeout


def f0() -> None:
    pass


def f2(a: Any, b: Any) -> None:
    pass


def f_defaults(a: Any, b: Any = 1, c: Any = 2) -> None:
    pass


def f_varargs(a: Any, *rest: Any) -> None:
    pass


def f_kwonly(a: Any, *, key: Any = None) -> None:
    pass


def f_posonly(a: Any, b: Any, /, c: Any) -> None:
    pass


class Listener:
    def method(self, a: Any) -> None:
        pass

    def method_varargs(self, *args: Any) -> None:
        pass

    @classmethod
    def cls_method(cls, a: Any, b: Any) -> None:
        pass

    @staticmethod
    def static(a: Any, b: Any, c: Any) -> None:
        pass

    def __call__(self, a: Any, b: Any) -> None:
        pass


class Constructed:
    def __init__(self, a: Any) -> None:
        self.a = a


@pytest.mark.parametrize(
    ("fn", "limit"),
    [
        (lambda: None, 0),
        (lambda a: None, 1),
        (lambda a, b: None, 2),
        (f0, 0),
        (f2, 2),
        (f_defaults, 3),  # parameters with defaults count
        (f_varargs, -1),  # *args: everything
        (lambda *a: None, -1),
        (f_kwonly, 1),  # keyword-only parameters are not positional
        (f_posonly, 3),
        (Listener().method, 1),  # bound method: self is not counted
        (Listener().method_varargs, -1),
        (Listener.cls_method, 2),
        (Listener.static, 3),
        (Listener(), 2),  # a callable object: its __call__
        (Constructed, 1),  # a class: its constructor
        (functools.partial(f2, 1), 1),
        (len, 1),  # builtins with a signature
        (print, -1),  # builtins that take *args
    ],
)
def test_arg_limit(fn: Any, limit: int) -> None:
    assert arg_limit(fn) == limit


def test_builtins() -> None:
    import operator

    assert arg_limit(operator.add) == 2
    assert arg_limit([].append) == 1  # a bound builtin method
    assert arg_limit(dict.fromkeys) == 2
    # No signature inspect can read (int, max): pass everything, the callee decides.
    assert arg_limit(int) == -1
    assert arg_limit(max) == -1


def test_call_limited() -> None:
    got: list[Any] = []
    assert call_limited(lambda a: got.append(a), 1, (1, 2, 3)) is None
    call_limited(lambda *a: got.append(a), -1, (1, 2, 3))
    call_limited(lambda a, b, c: got.append((a, b, c)), 3, (1, 2, 3))
    assert got == [1, (1, 2, 3), (1, 2, 3)]


def test_emit_drops_extra_arguments() -> None:
    ee = EventEmitter()
    got: list[Any] = []
    ee.on("x", lambda: got.append("none"))
    ee.on("x", lambda a: got.append(("one", a)))
    ee.on("x", lambda a, b=0, c=0: got.append(("defaults", a, b, c)))
    ee.on("x", lambda *args: got.append(("all", args)))
    ee.on("x", Listener().method)
    ee.on("x", lambda a, b, c, d: got.append(("four", a, b, c, d)))
    ee.emit("x", 1, 2, 3, 4)
    assert got == [
        "none",
        ("one", 1),
        ("defaults", 1, 2, 3),
        ("all", (1, 2, 3, 4)),
        ("four", 1, 2, 3, 4),
    ]


def test_once_drops_extra_arguments() -> None:
    ee = EventEmitter()
    got: list[Any] = []
    ee.once("x", lambda a: got.append(a))
    ee.prependOnceListener("x", lambda: got.append("first"))
    ee.emit("x", 1, 2)
    assert got == ["first", 1]


def test_arity_is_decided_when_added() -> None:
    ee = EventEmitter()
    got: list[Any] = []

    class Changing:
        def __init__(self) -> None:
            self.impl: Any = lambda a: got.append(("one", a))

        def __call__(self, *args: Any) -> None:
            self.impl(*args)

    c = Changing()
    ee.on("x", lambda a: got.append(a))
    entry = ee._events["x"][0]  # (call, limit, raw listener)
    assert entry[1] == 1
    ee.on("y", c)
    assert ee._events["y"][0][1] == -1
    ee.emit("x", "a", "b")
    ee.emit("y", "a")
    assert got == ["a", ("one", "a")]


def test_listener_may_not_take_more_than_emitted() -> None:
    # A listener needing more arguments than emitted gets None (JS undefined) for the
    # required ones; parameters with defaults keep them (docs/python-rules.md, issue 14).
    ee = EventEmitter()
    got: list[Any] = []
    ee.on("x", lambda a=None, b=7: got.append((a, b)))
    assert ee.emit("x", 1) is True
    ee.on("y", lambda a, b: got.append((a, b)))
    ee.emit("y", 1)
    assert got == [(1, 7), (1, None)]


def test_timer_and_tick_callbacks_drop_extra_arguments() -> None:
    got: list[Any] = []
    setTimeout(common.mustCall(lambda: got.append("timeout")), 1, "extra", "args")
    setTimeout(common.mustCall(lambda a: got.append(("timeout", a))), 1, "a", "b")
    setImmediate(common.mustCall(lambda: got.append("immediate")), "extra")
    process.nextTick(common.mustCall(lambda: got.append("tick")), "extra")
    process.nextTick(common.mustCall(lambda *a: got.append(("tick", a))), 1, 2)

    def interval(a: Any) -> None:
        got.append(("interval", a))
        clearInterval(iv)

    iv = setInterval(common.mustCall(interval), 1, "i", "j")
    run()
    assert sorted(map(str, got)) == sorted(
        map(
            str,
            [
                "tick",
                ("tick", (1, 2)),
                "immediate",
                "timeout",
                ("timeout", "a"),
                ("interval", "i"),
            ],
        )
    )


def test_must_call_wrapper_keeps_the_rule() -> None:
    ee = EventEmitter()
    ee.on("x", common.mustCall(lambda a: None))
    ee.on("x", common.mustCall(lambda: None))
    ee.emit("x", 1, 2, 3)


def test_limited_wraps_only_short_functions() -> None:
    """_internal.arity.limited: the one helper the stream constructors use for options
    functions (read/write/destroy/...) that declare fewer parameters than Node passes."""

    def full(a: Any, b: Any, c: Any) -> Any:
        return (a, b, c)

    def star(*args: Any) -> Any:
        return args

    def two(a: Any, b: Any) -> Any:
        return (a, b)

    assert limited(full, 3) is full
    assert limited(star, 3) is star
    assert limited(two, 3) is not two
    assert limited(two, 3)(1, 2, 3) == (1, 2)
    assert limited(lambda: "x", 2)(1, 2) == "x"
