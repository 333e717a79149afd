"""Differential checks of what changed in lib/timers.js and lib/internal/timers.js between
Node 20 and Node 24: the traces must be equal under node v24.22.3."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import process, run, timers
from nodenet_uv.timers import (
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)
from tests.differential._harness import NODE, node_trace, py_trace

pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

PRELUDE = r"""
const timers = require('timers');
const trace = [];
const ev = (...a) => trace.push(a.map((v) => (v === undefined ? null : v)));
process.on('exit', () => process.stdout.write(JSON.stringify(trace) + '\n'));
"""


def check(js: str, scenario: Callable[[Callable[..., None]], None]) -> None:
    assert py_trace(scenario) == node_trace(PRELUDE, js)


@pytest.fixture(autouse=True)
def _fresh_process_warnings() -> Any:
    # Node warns once per process; each scenario here plays a fresh process.
    timers._codes_warned.clear()
    yield
    timers._codes_warned.clear()


# Node 22+: a negative or NaN duration warns (once per process each); undefined is 1 ms
# without a warning.
def test_negative_and_nan_duration_warnings() -> None:
    js = """
    process.on('warning', (w) => ev('warning', w.name, w.message));
    setTimeout(() => ev('neg'), -5);
    setTimeout(() => ev('neg2'), -7.5);
    setTimeout(() => ev('nan'), 'abc');
    setTimeout(() => ev('nan2'), {});
    setTimeout(() => ev('undef'), undefined);
    setTimeout(() => ev('zero'), '');
    setInterval(function() { ev('iv'); clearInterval(this); }, -1);
    """

    def scenario(ev: Callable[..., None]) -> None:
        def on_warning(w: Any) -> None:
            ev("warning", w.name, str(w))

        process.on("warning", on_warning)
        try:
            setTimeout(lambda: ev("neg"), -5)
            setTimeout(lambda: ev("neg2"), -7.5)
            setTimeout(lambda: ev("nan"), "abc")
            setTimeout(lambda: ev("nan2"), {})
            setTimeout(lambda: ev("undef"), None)
            setTimeout(lambda: ev("zero"), "")
            iv: Any = None

            def tick() -> None:
                ev("iv")
                clearInterval(iv)

            iv = setInterval(tick, -1)
            run()  # while the 'warning' listener is there
        finally:
            process.removeListener("warning", on_warning)

    check(js, scenario)


# Node 24: clearTimeout()/clearImmediate() and a run immediate drop the callback and the
# arguments (cleanTimer/cleanImmediate); a fired timer keeps its callback (refresh works).
def test_clean_timer_and_immediate() -> None:
    js = """
    const c = setTimeout(() => {}, 5, 'x'); clearTimeout(c);
    ev('cleared', typeof c._onTimeout, c._timerArgs === undefined, c._destroyed);
    const j = setImmediate(() => {}, 1); clearImmediate(j);
    ev('imm cleared', typeof j._onImmediate, j._argv === undefined);
    const i = setImmediate((a) => ev('imm', a), 1);
    // The timers start after the immediates ran: a 1 ms timer against setImmediate is
    // a race in node itself (it depends on how long the first loop turn took).
    setImmediate(() => { ev('imm after', typeof i._onImmediate, i._argv === undefined);
                         clearImmediate(i);
      const t = setTimeout((a) => ev('fired', a), 1, 'y');
      setTimeout(() => {
        ev('after fire', typeof t._onTimeout, t._timerArgs === undefined, t._destroyed);
        t.refresh(); ev('refreshed', t.hasRef());
      }, 10);
    });
    """

    def scenario(ev: Callable[..., None]) -> None:
        def kind(fn: Any) -> str:
            return "function" if callable(fn) else "undefined"

        c = setTimeout(lambda x: None, 5, "x")
        clearTimeout(c)
        ev("cleared", kind(c._onTimeout), c._timerArgs is None, c._destroyed)
        j = setImmediate(lambda a: None, 1)
        clearImmediate(j)
        ev("imm cleared", kind(j._onImmediate), j._argv is None)
        i = setImmediate(lambda a: ev("imm", a), 1)

        def after() -> None:
            ev("imm after", kind(i._onImmediate), i._argv is None)
            clearImmediate(i)
            t = setTimeout(lambda a: ev("fired", a), 1, "y")

            def later() -> None:
                ev("after fire", kind(t._onTimeout), t._timerArgs is None, t._destroyed)
                t.refresh()
                ev("refreshed", t.hasRef())

            setTimeout(later, 10)

        setImmediate(after)

    check(js, scenario)


# Node 22 removed timers.enroll/unenroll/active/_unrefActive (deprecated since Node 10).
def test_deprecated_api_removed() -> None:
    js = """
    ev('api', typeof timers.enroll, typeof timers.unenroll, typeof timers.active,
       typeof timers._unrefActive);
    """

    def scenario(ev: Callable[..., None]) -> None:
        def kind(name: str) -> str:
            return "function" if callable(getattr(timers, name, None)) else "undefined"

        ev("api", kind("enroll"), kind("unenroll"), kind("active"), kind("_unrefActive"))

    check(js, scenario)
