"""Argument fuzz (issue 18): arbitrary Python values into every public entry point.

hypothesis draws *value descriptors* (JSON: ``{"t": "int", "v": "12"}``,
``{"t": "dict", "v": [["port", ...]]}``, ...) and each test builds the Python values they
stand for (docs/python-rules.md: ``None`` is ``undefined``, ``dict`` a plain object,
``bytes`` a Buffer, a callable a function, ...), calls the entry point and records the
outcome: a return summary, or the error it raised. The outcome must be success or a Node
error (a :class:`nodenet_uv.errors.JsError` carrying Node's ``code``), never another
exception type; errors emitted later ('error' events, uncaught exceptions while the loop
runs the call's consequences) must be Node errors too.

Where every value in the case has a JS equivalent, the same case goes to one node 24
process per test (``fuzz_args.js``, a JSON line each way), which builds the JS values,
makes the same call in try/catch and answers the outcome: code, name and message (and the
return summary) must be equal.

Some values are tamed before the call so the fuzzer cannot do harm: ports 1-65535 become
port 9 (connect: nothing listens there) or 0 (listen), descriptor numbers 0-65535 become
an fd nobody holds, paths never start with ``/``, spawn runs ``true`` and fork an empty
module, ``shell`` is never a command interpreter. Validation is unchanged by taming: a
tamed value is valid exactly when the drawn one was.
"""

from __future__ import annotations

import fcntl
import inspect
import json
import math
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nodenet_uv import child_process, cluster, net, process, run, timers
from nodenet_uv._binding import handle_wrap as _handle_wrap
from nodenet_uv._internal.inspect import js_number, js_typeof
from nodenet_uv.errors import JsError
from nodenet_uv.testing.node_peer import find_node
from tests.reliability.conftest import SOAK, Load

HERE = Path(__file__).resolve().parent
NODE = find_node()

Desc = dict[str, Any]

# --- value descriptors ----------------------------------------------------------------

_INDEX_KEY = re.compile(r"^(0|[1-9][0-9]*)$")

_PY_ONLY: dict[str, Callable[[], Any]] = {
    "complex": lambda: 1 + 2j,
    "ellipsis": lambda: ...,
    "object": lambda: object(),
    "class": lambda: type("Klass", (), {}),
    "frozenset": lambda: frozenset({1, 2}),
    "range": lambda: range(3),
    "int-key-dict": lambda: {1: "a"},
    "exception": lambda: ValueError("boom"),
    "generator": lambda: (i for i in range(2)),
    "path": lambda: Path("fuzz-sock"),
}


def _float_desc(x: float) -> Desc:
    if math.isnan(x):
        return {"t": "float", "v": "nan"}
    if math.isinf(x):
        return {"t": "float", "v": "inf" if x > 0 else "-inf"}
    return {"t": "float", "v": repr(x)}


_texts = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.sampled_from("a0\x00 \u00e9\u4e2d\U0001f600:./-x%"), max_size=8),
    st.sampled_from(
        [
            "",
            "utf8",
            "hex",
            "base64",
            "latin1",
            "buffer",
            "bogus",
            "ipv4",
            "ipv6",
            "IPv4",
            "127.0.0.1",
            "::1",
            "::ffff:1.2.3.4",
            "1.2.3.4/24",
            "10.0.0.0/8",
            "fe80::/10",
            "[::1]:80",
            "1.2.3.4:65536",
            "0x10",
            " 12 ",
            "1e3",
            "-0",
            "Infinity",
            "NaN",
            "a\x00b",
            "pipe",
            "ignore",
            "inherit",
            "ipc",
            "json",
            "advanced",
            "SIGTERM",
            "SIGBOGUS",
        ]
    ),
)
_ints = st.one_of(
    st.integers(-70000, 70000),
    st.integers(),
    st.sampled_from(
        [0, -1, 1, 65535, 65536, 2**31 - 1, 2**31, 2**32, 2**53, 2**53 + 1, -(2**63), 2**1030]
    ),
)


def _leaf() -> st.SearchStrategy[Desc]:
    return st.one_of(
        st.just({"t": "undef"}),
        st.booleans().map(lambda b: {"t": "bool", "v": b}),
        _ints.map(lambda i: {"t": "int", "v": str(i)}),
        st.floats().map(_float_desc),
        _texts.map(lambda s: {"t": "str", "v": s}),
        st.binary(max_size=6).map(lambda b: {"t": "bytes", "v": b.hex()}),
        st.binary(max_size=4).map(lambda b: {"t": "bytearray", "v": b.hex()}),
        st.binary(max_size=4).map(lambda b: {"t": "memoryview", "v": b.hex()}),
        st.sampled_from(["fuzzFn", ""]).map(lambda n: {"t": "fn", "name": n}),
        st.sampled_from(["Foo", "Bar"]).map(lambda c: {"t": "obj", "cls": c}),
        st.sampled_from(sorted(_PY_ONLY)).map(lambda n: {"t": "py", "v": n}),
    )


# No integer-like keys (JS orders them first) and no "_" inside a key: a dict key like
# 'keep_alive' is the snake_case spelling of 'keepAlive' (docs/python-rules.md), renamed
# on purpose, which JS has no equivalent for.
_keys_any = st.text(max_size=6).filter(
    lambda k: not _INDEX_KEY.match(k) and "_" not in k.strip("_")
)


def _containers(kids: st.SearchStrategy[Desc]) -> st.SearchStrategy[Desc]:
    return st.one_of(
        st.lists(kids, max_size=3).map(lambda v: {"t": "list", "v": v}),
        st.lists(kids, max_size=2).map(lambda v: {"t": "tuple", "v": v}),
        st.lists(st.tuples(_keys_any, kids), max_size=3).map(
            lambda kv: {"t": "dict", "v": [list(p) for p in kv]}
        ),
    )


ANY = st.recursive(_leaf(), _containers, max_leaves=5)


def d_str(s: str) -> Desc:
    return {"t": "str", "v": s}


def d_int(i: int) -> Desc:
    return {"t": "int", "v": str(i)}


def d_dict(pairs: list[tuple[str, Desc]]) -> Desc:
    return {"t": "dict", "v": [[k, v] for k, v in pairs]}


def options(keys: list[str], value: st.SearchStrategy[Desc] = ANY) -> st.SearchStrategy[Desc]:
    """A plain object whose keys are mostly the entry point's option names."""
    key = st.one_of(st.sampled_from(keys), _keys_any)
    return st.lists(st.tuples(key, value), max_size=4).map(d_dict)


def maybe(*strats: st.SearchStrategy[Desc]) -> st.SearchStrategy[Desc]:
    """Any value, or one of the more plausible ones given."""
    return st.one_of(ANY, *strats)


def arglists(*positions: st.SearchStrategy[Desc]) -> st.SearchStrategy[list[Desc]]:
    """0..len(positions) arguments, each drawn from its position's strategy."""
    return st.integers(0, len(positions)).flatmap(lambda n: st.tuples(*positions[:n]).map(list))


FN_D = {"t": "fn", "name": "fuzzFn"}
FN = st.just(FN_D)
PORTS = st.sampled_from([0, 1, 80, 65535, 65536, -1]).map(d_int) | st.sampled_from(
    ["0", "80", "65536", " 1 ", "0x50", "abc"]
).map(d_str)
HOSTS = st.sampled_from(
    ["127.0.0.1", "::1", "localhost", "", "0.0.0.0", "::", "1.2.3.4.5", "a\x00b", "x.invalid"]
).map(d_str)
ADDRS = st.sampled_from(
    ["1.2.3.4", "::1", "10.0.0.0", "::ffff:10.0.0.1", "255.255.255.255", "1.2.3", "zz", "::"]
).map(d_str)
FAMILIES = st.sampled_from(["ipv4", "ipv6", "IPv4", "IPV6", "ipv5", ""]).map(d_str)


def has_js(d: Any) -> bool:
    """True if every value in the descriptor has a JS equivalent."""
    if isinstance(d, dict):
        if d.get("t") == "py":
            return False
        return all(has_js(v) for v in d.values())
    if isinstance(d, list):
        return all(has_js(v) for v in d)
    return True


def _fuzz_fn(*args: Any) -> None:
    return None


_fuzz_fn.__name__ = "fuzzFn"


def build(d: Desc) -> Any:
    t = d["t"]
    if t == "undef":
        return None
    if t == "bool":
        return d["v"]
    if t == "int":
        return int(d["v"])
    if t == "float":
        return float(d["v"])
    if t == "str":
        return d["v"]
    if t == "bytes":
        return bytes.fromhex(d["v"])
    if t == "bytearray":
        return bytearray.fromhex(d["v"])
    if t == "memoryview":
        return memoryview(bytearray.fromhex(d["v"]))
    if t == "list":
        return [build(x) for x in d["v"]]
    if t == "tuple":
        return tuple(build(x) for x in d["v"])
    if t == "dict":
        return {k: build(v) for k, v in d["v"]}
    if t == "fn":
        return _fuzz_fn if d["name"] else (lambda *a: None)
    if t == "obj":
        return type(d["cls"], (), {})()
    if t == "py":
        return _PY_ONLY[d["v"]]()
    if t == "placeholder":
        return str(HERE / "fuzz_empty.py")
    raise AssertionError(d)


# --- taming: keep the fuzzer harmless without changing what is valid ------------------


def _tame_str_path(s: str) -> str:
    return s.lstrip("/") if s.startswith("/") else s


def tame_port(d: Desc, to: int) -> Desc:
    """A valid non-zero port becomes ``to`` (same validity, no stranger's server hit)."""
    if d["t"] == "int":
        if 1 <= int(d["v"]) <= 65535:
            return d_int(to)
    if d["t"] == "float":
        x = float(d["v"])
        if math.isfinite(x) and x == int(x) and 1 <= x <= 65535:
            return d_int(to)
    if d["t"] == "str":
        n = js_number(d["v"])
        if math.isfinite(n) and n == int(n) and 1 <= n <= 65535:
            return d_str(str(to))
        return d_str(_tame_str_path(d["v"]))
    return d


def tame_fd(d: Desc) -> Desc:
    if d["t"] in ("int", "float", "str"):
        n = js_number(build(d)) if d["t"] != "int" else int(d["v"])
        if 0 <= n <= 65535:
            return d_int(4093)
    return d


def tame_options(d: Desc, port_to: int) -> Desc:
    if d["t"] != "dict":
        return d
    out = []
    for k, v in d["v"]:
        if k in ("handle", "_handle"):
            continue
        if k == "port":
            v = tame_port(v, port_to)
        elif k == "fd":
            v = tame_fd(v)
        elif k in ("path", "cwd") and v["t"] == "str":
            v = d_str(_tame_str_path(v["v"]))
        elif k == "host":
            v = v if v["t"] != "str" else d_str(v["v"] if v["v"] in _SAFE_HOSTS else "127.0.0.1")
        out.append([k, v])
    return {"t": "dict", "v": out}


_SAFE_HOSTS = {"127.0.0.1", "::1", "localhost", "", "0.0.0.0", "::", "1.2.3.4.5", "a\x00b"}


def tame_host(d: Desc) -> Desc:
    if d["t"] == "str" and d["v"] not in _SAFE_HOSTS:
        return d_str("x.invalid")
    return d


def tame_exec(d: Desc, harmless: str) -> Desc:
    """A program name: only '' or one with a NUL (both invalid) stay; any other string
    runs ``harmless``."""
    if d["t"] == "str" and d["v"] != "" and "\x00" not in d["v"]:
        if harmless == "EMPTY_MODULE":
            return {"t": "placeholder", "v": harmless}
        return d_str(harmless)
    return d


def tame_spawn_options(d: Desc) -> Desc:
    if d["t"] != "dict":
        return d
    out = []
    for k, v in d["v"]:
        if k == "shell":
            # Never a shell: true (or a command string) would run the args as a command.
            if v["t"] == "bool" or (v["t"] == "str" and v["v"]):
                v = {"t": "bool", "v": False}
        elif k == "execPath":
            if v["t"] == "str" and "\x00" not in v["v"]:
                v = d_str("")
        elif k == "execArgv" and v["t"] in ("list", "tuple"):
            v = {
                "t": v["t"],
                "v": [
                    x if x["t"] != "str" or "\x00" in x["v"] else d_str("--no-warnings")
                    for x in v["v"]
                ],
            }
        elif k == "cwd" and v["t"] == "str":
            v = d_str(_tame_str_path(v["v"]))
        elif k in ("stdio",):
            # An fd number in stdio hands one of ours to the child: only 0-2 (harmless).
            v = _tame_stdio(v)
        out.append([k, v])
    return {"t": "dict", "v": out}


def _tame_stdio(v: Desc) -> Desc:
    if v["t"] in ("list", "tuple"):
        return {"t": v["t"], "v": [_tame_stdio(x) for x in v["v"]]}
    if v["t"] == "int" and int(v["v"]) > 2:
        return d_int(2)
    if v["t"] == "str" and v["v"] == "inherit":
        return d_str("ignore")  # the child's output must not reach fuzz_args.js's stdout
    return v


# --- outcomes --------------------------------------------------------------------------


def summary(v: Any) -> Any:
    if v is None or isinstance(v, bool | str):
        return v
    if isinstance(v, int | float):
        x = float(v) if not isinstance(v, int) or abs(v) > 2**53 else v
        return None if isinstance(x, float) and not math.isfinite(x) else x
    if isinstance(v, net.SocketAddress):
        return {"address": v.address, "port": v.port, "family": v.family, "flowlabel": v.flowlabel}
    if isinstance(v, list | tuple):
        return [summary(x) for x in v]
    if isinstance(v, dict):
        return {k: summary(x) for k, x in v.items()}
    return f"[{js_typeof(v)}]"


def describe_error(e: BaseException) -> dict[str, Any]:
    return {
        "name": getattr(e, "name", type(e).__name__) if isinstance(e, JsError) else None,
        "code": getattr(e, "code", None) if isinstance(e, JsError) else None,
        "message": str(e),
        "py_type": type(e).__name__,
    }


_ARITY = re.compile(
    r"(missing \d+ required positional argument|takes (from )?\d+ (to \d+ )?positional "
    r"arguments? but \d+ (were|was) given|takes no arguments)"
)


def is_python_arity_error(e: BaseException) -> bool:
    return type(e) is TypeError and bool(_ARITY.search(str(e)))


def is_node_error(e: BaseException) -> bool:
    # An ERR_* error, or a JS engine error (V8's TypeError, JSON.parse's SyntaxError):
    # those have no code in Node either; the comparison with node checks name and message.
    code = getattr(e, "code", None)
    return isinstance(e, JsError) and (
        isinstance(code, str)
        or (code is None and type(e).js_constructor_name in ("TypeError", "SyntaxError"))
    )


class Oracle:
    """One node 24 process for a test: a JSON case in (its fd 3), a JSON outcome out (its
    fd 4); its stdio is /dev/null, so children that inherit it cannot mix in."""

    def __init__(self, cwd: str) -> None:
        assert NODE, "node 24 (the oracle) not found"
        self.cwd = cwd
        to_node_r, to_node_w = os.pipe()
        from_node_r, from_node_w = os.pipe()

        # The child sees the two pipe ends as fds 3 and 4.
        def fds_3_4() -> None:
            high_r = fcntl.fcntl(to_node_r, fcntl.F_DUPFD, 100)
            high_w = fcntl.fcntl(from_node_w, fcntl.F_DUPFD, 100)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [NODE, str(HERE / "fuzz_args.js")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=fds_3_4,
            cwd=cwd,
        )
        os.close(to_node_r)
        os.close(from_node_w)
        self.send = os.fdopen(to_node_w, "w", encoding="utf-8")
        self.recv = os.fdopen(from_node_r, "r", encoding="utf-8")
        self.calls = 0

    def ask(self, call: str, args: list[Desc]) -> dict[str, Any]:
        """The oracle's outcome; ``{"abort": ...}`` if node itself died on the case (node
        24 aborts on a few inputs, e.g. a non-int32 fd number in spawn's stdio: a C++
        CHECK), after which a new oracle process takes over."""
        line = ""
        try:
            self.send.write(json.dumps({"call": call, "args": args}) + "\n")
            self.send.flush()
            line = self.recv.readline()
        except BrokenPipeError:
            pass
        if not line:
            code = self.proc.wait(10)
            self.close()
            self.__init__(self.cwd)  # type: ignore[misc]
            return {"abort": code}
        self.calls += 1
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        try:
            self.send.close()
        except BrokenPipeError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.recv.close()


class Fuzz:
    """Runs cases on the Python side (and the oracle), counting what was tried."""

    def __init__(self, oracle: Oracle) -> None:
        self.oracle = oracle
        self.tried = 0
        self.compared = 0
        self.arity = 0
        self.node_aborts = 0
        self.known: dict[str, int] = {}
        self.late: list[BaseException] = []
        self.cleanup: list[Callable[[], Any]] = []

    def on_error(self, err: BaseException) -> None:
        self.late.append(err)

    def settle(self) -> None:
        """Undo the call's effects and run the loop until idle (a watchdog closes every
        handle after 5 s: a hang is reported, not waited for)."""
        for f in self.cleanup:
            try:
                f()
            except Exception as e:
                self.late.append(e)
        self.cleanup.clear()
        hung: list[bool] = []

        def watchdog() -> None:
            hung.append(True)
            for w in list(_handle_wrap.open_handles):
                w.close()

        t = timers.setTimeout(watchdog, 5000)
        t.unref()
        run()
        timers.clearTimeout(t)
        assert not hung, "the loop did not come to rest within 5 s after the call"

    def case(self, call: str, args: list[Desc], fn: Callable[..., Any]) -> None:
        self.tried += 1
        self.late.clear()
        values = [build(a) for a in args]
        try:
            py: dict[str, Any] = {"ok": summary(fn(*values))}
        except BaseException as e:
            if isinstance(e, KeyboardInterrupt):
                raise
            if is_python_arity_error(e):
                # DIVERGENCE (docs/python-rules.md): a Python call with too few or too many
                # positional arguments is a Python mistake, loud as in any Python code (JS
                # drops extra arguments and passes undefined for missing ones).
                self.arity += 1
                return
            if not is_node_error(e):
                bug = known_bug(call, values, {"raised": e}, None)
                if bug:
                    self.known[bug] = self.known.get(bug, 0) + 1
                    return
            assert is_node_error(e), (
                f"{call}{tuple(values)!r} raised {type(e).__name__}: {e} (no Node code)"
            )
            py = {"err": describe_error(e)}
        finally:
            self.settle()
        bad_late = [e for e in self.late if not is_node_error(e)]
        assert not bad_late, (
            f"{call}{tuple(values)!r}: later errors without a Node code: "
            + "; ".join(f"{type(e).__name__}: {e}" for e in bad_late)
        )
        if not has_js(args):
            return
        js = self.oracle.ask(call, args)
        if "abort" in js:
            self.node_aborts += 1
            return
        self.compared += 1
        if "err" in py:
            py["err"].pop("py_type")
        if py != js:
            bug = known_bug(call, values, py, js)
            if bug:
                self.known[bug] = self.known.get(bug, 0) + 1
                return
        assert py == js, f"{call}{tuple(values)!r}:\n  python: {py}\n  node:   {js}"


def _code(outcome: dict[str, Any] | None) -> Any:
    if outcome is None:
        return None
    if "raised" in outcome:
        return type(outcome["raised"]).__name__
    return outcome["err"]["code"] if "err" in outcome else "ok"


def _is_js_object(v: Any) -> bool:
    return v is not None and not isinstance(v, bool | int | float | str) and not callable(v)


# Divergences found by this fuzzer and still open (see the report of issue 18). Each entry:
# a name for the soak table and a predicate on (call, Python values, Python outcome, node
# outcome). A case that diverges in a known way is counted under its name, not failed; any
# other divergence fails the test.
KNOWN_BUGS: dict[str, Callable[[str, list[Any], Any, Any], bool]] = {
    # DIVERGENCE, inherent: String(fn) in a message (new Socket({encoding: fn}) is
    # "Unknown encoding: " + the function's source); a Python callable has no JS source.
    "String(function) in a message": lambda c, v, p, j: (
        _code(p) == _code(j)
        and re.sub(r"function \w*\(\) \{ \[native code\] \}", "function() {}", p["err"]["message"])
        == j["err"]["message"]
    ),
    # DIVERGENCE, kept on purpose: write(None) is write(null) (ERR_STREAM_NULL_VALUES,
    # checked before the encoding), as Writable's _write and the ports of
    # test-stream-writable-null, -invalid-chunk, test-net-write-arguments say; the oracle
    # sends undefined (an invalid chunk type, after the encoding check).
    "write(None) is ERR_STREAM_NULL_VALUES": lambda c, v, p, j: (
        c in ("socket.write", "socket.end")
        and v[0] is None
        and _code(p) == "ERR_STREAM_NULL_VALUES"
        and _code(j) in ("ERR_INVALID_ARG_TYPE", "ERR_UNKNOWN_ENCODING")
    ),
    # setupPrimary({execArgv: undefined}), setupPrimary({execArgv: [undefined]}): Node's
    # --prof check throws an engine TypeError (no code: "Array.prototype.some called on
    # null or undefined", "String.prototype.startsWith called on null or undefined");
    # Python accepts the value (cluster.py).
    "execArgv not an array: not checked first (Node: engine TypeError)": lambda c, v, p, j: (
        c == "cluster.setupPrimary"
        and "err" in j
        and j["err"]["code"] is None
        and "execArgv" in j["err"]["message"] + repr(v)
    ),
}


def known_bug(call: str, values: list[Any], py: Any, js: Any) -> str | None:
    for name, pred in KNOWN_BUGS.items():
        try:
            if pred(call, values, py, js):
                return name
        except (KeyError, TypeError, IndexError):
            continue
    return None


@pytest.fixture
def fuzz(
    monkeypatch: pytest.MonkeyPatch, reliability_row: Callable[..., None], request: Any
) -> Iterator[Fuzz]:
    tmp = tempfile.mkdtemp(prefix="nnuv-fuzz.", dir="/tmp")
    monkeypatch.chdir(tmp)
    oracle = Oracle(tmp)
    f = Fuzz(oracle)
    process.on("uncaughtException", f.on_error)
    try:
        yield f
    finally:
        process.removeListener("uncaughtException", f.on_error)
        oracle.close()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    reliability_row(
        test=f"argument fuzz: {request.node.name.removeprefix('test_')}",
        load=f"{f.tried} cases, {f.compared} compared with node 24, {f.arity} Python arity errors, {f.node_aborts} node aborts",
        faults="arbitrary Python values",
        bad_inputs=f.tried,
        bytes_compared=0,
        leaks=[],
        lost=0,
        bugs_open=[f"{name} ({n} cases)" for name, n in sorted(f.known.items())],
    )


# The fixture ``load`` cannot reach a decorator: the same choice, made at import.
SETTINGS = settings(
    max_examples=Load(full=SOAK).n(25, 2000),
    deadline=None,
    # make test runs the same examples every time (a new divergence fails the soak run,
    # not a random CI run); make soak explores.
    derandomize=not SOAK,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def _noop(*a: Any) -> None:
    return None


def fresh_socket(f: Fuzz) -> Any:
    s = net.Socket()
    s.on("error", f.on_error)
    f.cleanup.append(s.destroy)
    return s


# --- net.Socket and its methods --------------------------------------------------------

SOCKET_KEYS = [
    "fd",
    "allowHalfOpen",
    "readable",
    "writable",
    "signal",
    "onread",
    "noDelay",
    "keepAlive",
    "keepAliveInitialDelay",
    "blockList",
    "highWaterMark",
    "objectMode",
    "autoDestroy",
    "emitClose",
    "encoding",
]


@SETTINGS
@given(args=arglists(maybe(options(SOCKET_KEYS))))
# Found by the fuzzer: an int too large for a double is Infinity, not an integer.
@example(args=[d_dict([("fd", d_int(10**400))])])
# Found by the fuzzer: options.encoding and options.signal are taken when JS-truthy ([]
# and {} are), by the stream constructors, before the Socket's own options.
@example(args=[d_dict([("encoding", {"t": "list", "v": []})])])
@example(args=[d_dict([("signal", d_dict([]))])])
@example(args=[d_dict([("encoding", FN_D)])])
def test_socket_constructor(fuzz: Fuzz, args: list[Desc]) -> None:
    # new Socket(n) is new Socket({fd: n}) (Node's legacy form): tamed as an fd.
    args = [tame_fd(a) if a["t"] in ("int", "float") else tame_options(a, 9) for a in args]

    def call(*a: Any) -> None:
        s = net.Socket(*a)
        s.on("error", fuzz.on_error)
        fuzz.cleanup.append(s.destroy)

    fuzz.case("Socket", args, call)


CONNECT_KEYS = [
    "port",
    "host",
    "path",
    "localAddress",
    "localPort",
    "family",
    "hints",
    "lookup",
    "timeout",
    "noDelay",
    "keepAlive",
    "keepAliveInitialDelay",
    "autoSelectFamily",
    "autoSelectFamilyAttemptTimeout",
    "onread",
    "blockList",
    "signal",
    "allowHalfOpen",
]
CONNECT_VALUES = st.one_of(ANY, PORTS, HOSTS, st.sampled_from([4, 6, 0]).map(d_int))


def _connect_args() -> st.SearchStrategy[list[Desc]]:
    return st.one_of(
        arglists(maybe(options(CONNECT_KEYS, CONNECT_VALUES)), maybe(FN)),  # options form
        arglists(maybe(PORTS), maybe(HOSTS), maybe(FN)),  # port, host form
        arglists(maybe(st.just(d_str("fuzz.sock"))), maybe(FN)),  # path form
    )


def _tame_connect(args: list[Desc]) -> list[Desc]:
    out = list(args)
    if out:
        out[0] = tame_options(tame_port(out[0], 9), 9)
    if len(out) > 1:
        out[1] = tame_host(out[1])
    return out


@SETTINGS
@given(args=_connect_args())
# Found by the fuzzer: options.localAddress is checked when JS-truthy ([] is).
@example(args=[d_dict([("port", d_int(0)), ("localAddress", {"t": "list", "v": []})])])
def test_socket_connect(fuzz: Fuzz, args: list[Desc]) -> None:
    args = _tame_connect(args)
    fuzz.case("socket.connect", args, lambda *a: fresh_socket(fuzz).connect(*a) and None)


@SETTINGS
@given(args=_connect_args())
# Found by the fuzzer: a falsy signal (0, '') is no signal, as in Node (`if (options.signal)`).
@example(args=[d_dict([("signal", d_int(0))])])
# Found by the fuzzer: an object that is not a dict is an options object without options.
@example(args=[{"t": "list", "v": []}])
# Found by the fuzzer: options.host is taken when JS-truthy ([] is), then validated.
@example(args=[d_dict([("port", d_int(0)), ("host", {"t": "list", "v": []})])])
def test_net_connect(fuzz: Fuzz, args: list[Desc]) -> None:
    args = _tame_connect(args)

    def call(*a: Any) -> None:
        s = net.connect(*a)
        s.on("error", fuzz.on_error)
        fuzz.cleanup.append(s.destroy)

    fuzz.case("net.connect", args, call)


LISTEN_KEYS = [
    "port",
    "host",
    "path",
    "backlog",
    "exclusive",
    "readableAll",
    "writableAll",
    "ipv6Only",
    "reusePort",
    "signal",
    "fd",
]


@SETTINGS
@given(
    args=st.one_of(
        arglists(maybe(options(LISTEN_KEYS, CONNECT_VALUES)), maybe(FN)),
        arglists(maybe(PORTS), maybe(HOSTS), maybe(st.just(d_int(5))), maybe(FN)),
        arglists(maybe(st.just(d_str("fuzz.sock"))), maybe(st.just(d_int(5))), maybe(FN)),
    )
)
# Found by the fuzzer: an object without port or path gets Node's reason in the message.
@example(args=[{"t": "list", "v": []}])
@example(args=[{"t": "bytes", "v": ""}, FN_D])
# Found by the fuzzer: options.host is looked up when JS-truthy ([] is, and is rejected).
@example(args=[d_dict([("port", d_int(0)), ("host", {"t": "list", "v": []})])])
# Found by the fuzzer: `options.backlog || backlogFromArgs`, then C++'s Int32Value (ToNumber).
@example(args=[d_dict([("port", d_int(0)), ("backlog", {"t": "list", "v": [{"t": "undef"}]})])])
def test_server_listen(fuzz: Fuzz, args: list[Desc]) -> None:
    args = list(args)
    if args:
        args[0] = tame_options(tame_port(args[0], 0), 0)
    if len(args) > 1:
        args[1] = tame_host(tame_port(args[1], 0))

    def call(*a: Any) -> None:
        srv = net.createServer()
        srv.on("error", fuzz.on_error)
        fuzz.cleanup.append(srv.close)
        srv.listen(*a)

    fuzz.case("server.listen", args, call)


SERVER_KEYS = [
    "allowHalfOpen",
    "pauseOnConnect",
    "noDelay",
    "keepAlive",
    "keepAliveInitialDelay",
    "highWaterMark",
    "blockList",
]


@SETTINGS
@given(args=arglists(maybe(options(SERVER_KEYS)), maybe(FN)))
# Found by the fuzzer: any object is an options object ({...options} in Node).
@example(args=[{"t": "list", "v": []}])
@example(args=[{"t": "bytes", "v": "00"}, FN_D])
@example(args=[{"t": "obj", "cls": "Foo"}])
def test_create_server(fuzz: Fuzz, args: list[Desc]) -> None:
    def call(*a: Any) -> None:
        srv = net.createServer(*a)
        srv.on("error", fuzz.on_error)
        fuzz.cleanup.append(srv.close)

    fuzz.case("net.createServer", args, call)


DATA = st.one_of(
    st.binary(max_size=8).map(lambda b: {"t": "bytes", "v": b.hex()}),
    _texts.map(d_str),
)
ENCODINGS = st.sampled_from(["utf8", "hex", "base64", "latin1", "buffer", "bogus", "UTF-8"]).map(
    d_str
)


@SETTINGS
@given(args=arglists(maybe(DATA), maybe(ENCODINGS, FN), maybe(FN)))
# Found by the fuzzer: an encoding that is JS-truthy ([]) and no encoding name is
# ERR_UNKNOWN_ENCODING, checked before the chunk.
@example(args=[d_str("x"), {"t": "list", "v": []}])
@example(args=[d_int(5), {"t": "list", "v": []}])
def test_socket_write(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("socket.write", args, lambda *a: fresh_socket(fuzz).write(*a))


@SETTINGS
@given(args=arglists(maybe(DATA, FN), maybe(ENCODINGS, FN), maybe(FN)))
@example(args=[{"t": "bytes", "v": "00"}, d_dict([])])
def test_socket_end(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("socket.end", args, lambda *a: fresh_socket(fuzz).end(*a) and None)


MSECS = st.sampled_from([0, 1, 100, -1, 2**31, 2**53]).map(d_int) | st.sampled_from(
    [0.5, math.inf, math.nan]
).map(_float_desc)


@SETTINGS
@given(args=arglists(maybe(MSECS), maybe(FN)))
def test_socket_set_timeout(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("socket.setTimeout", args, lambda *a: fresh_socket(fuzz).setTimeout(*a) and None)


@SETTINGS
@given(args=arglists(maybe(st.booleans().map(lambda b: {"t": "bool", "v": b})), maybe(MSECS)))
def test_socket_set_keep_alive(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("socket.setKeepAlive", args, lambda *a: fresh_socket(fuzz).setKeepAlive(*a) and None)


@SETTINGS
@given(args=arglists(ANY))
def test_socket_set_no_delay(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("socket.setNoDelay", args, lambda *a: fresh_socket(fuzz).setNoDelay(*a) and None)


# --- BlockList, SocketAddress, isIP ------------------------------------------------------

BLOCKLIST_METHODS = [
    "addAddress",
    "addAddresses",
    "addRange",
    "addSubnet",
    "addCIDR",
    "addCIDRs",
    "removeAddress",
    "removeRange",
    "removeSubnet",
    "removeCIDR",
    "check",
    "fromJSON",
]
PREFIXES = st.sampled_from([0, 8, 24, 32, 33, 64, 128, 129, -1]).map(d_int)
ADDR_LISTS = st.lists(ADDRS, max_size=3).map(lambda v: {"t": "list", "v": v})
CIDRS = st.sampled_from(["1.2.3.0/24", "::/0", "10.0.0.0/33", "1.2.3.4", "/8", "a/b"]).map(d_str)


@SETTINGS
@given(
    method=st.sampled_from(BLOCKLIST_METHODS),
    args=arglists(
        maybe(ADDRS, CIDRS, ADDR_LISTS), maybe(ADDRS, PREFIXES, FAMILIES), maybe(FAMILIES)
    ),
)
# Found by the fuzzer: JSON.parse's SyntaxError, with V8's message (no code).
@example(method="fromJSON", args=[d_str("not json")])
@example(method="fromJSON", args=[d_str('["a"] x')])
@example(method="fromJSON", args=[d_str("NaN")])
def test_blocklist(fuzz: Fuzz, method: str, args: list[Desc]) -> None:
    # JS ignores arguments past the method's own: drop them rather than count a Python
    # arity error for each (the methods take 1 to 3).
    params = inspect.signature(getattr(net.BlockList, method)).parameters
    args = args[: len(params) - 1]

    def call(*a: Any) -> Any:
        b = net.BlockList()
        r = getattr(b, method)(*a)
        return {"r": r, "rules": b.rules}

    fuzz.case("BlockList", [d_str(method), *args], lambda _m, *a: call(*a))


@SETTINGS
@given(args=arglists(ANY))
def test_blocklist_is_blocklist(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("BlockList.isBlockList", args, net.BlockList.isBlockList)


SOCKADDR_VALUES = st.one_of(ANY, ADDRS, FAMILIES, PORTS, st.just(d_int(2**20)))


@SETTINGS
@given(args=arglists(maybe(options(["address", "port", "family", "flowlabel"], SOCKADDR_VALUES))))
# Found by the fuzzer: a port string is converted as JS `+port` does ('0x50' is 80).
@example(args=[d_dict([("port", d_str("0x50"))])])
@example(args=[d_dict([("port", d_str(" 1e3 "))])])
def test_socket_address(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("SocketAddress", args, net.SocketAddress)


@SETTINGS
@given(
    args=arglists(
        maybe(
            st.sampled_from(
                ["1.2.3.4:80", "[::1]:8080", "1.2.3.4", "[::1]", "1.2.3.4:99999", "a:b", ""]
            ).map(d_str),
            # WHATWG URL parsing: slashes before the host, tabs and newlines, percent
            # escapes, IPv4 number forms, IPv6 serialization.
            st.lists(
                st.sampled_from(
                    [
                        "/",
                        "\\",
                        "\t",
                        "\n",
                        " ",
                        "%31",
                        "%2e",
                        "1",
                        "0x1f",
                        "010",
                        ".",
                        ":",
                        "80",
                        "@",
                        "[",
                        "]",
                        "::",
                        "ffff:",
                        "1.2.3.4",
                        "%",
                        "#",
                        "?",
                        "\uff11",
                        "-",
                        "+",
                        "_",
                        "09",
                    ]
                ),
                max_size=6,
            ).map(lambda parts: d_str("".join(parts))),
        )
    )
)
# Found by the fuzzer: SocketAddress.parse reads the input as an http: URL's host, with
# WHATWG's rules ('/0' is 0.0.0.0, '%31' is 0.0.0.1, no IPv6 zone index).
@example(args=[d_str("/0")])
@example(args=[d_str("%31.2.3.4")])
@example(args=[d_str("1.2.3.4\t:8\n1")])
@example(args=[d_str("[::ffff:1.2.3.4]:1")])
@example(args=[d_str("[::1%eth0]")])
# Found by the fuzzer: an IPv4 part is only its radix's digits (no sign).
@example(args=[d_str("-0.0")])
def test_socket_address_parse(fuzz: Fuzz, args: list[Desc]) -> None:
    fuzz.case("SocketAddress.parse", args, net.SocketAddress.parse)


@SETTINGS
@given(name=st.sampled_from(["isIP", "isIPv4", "isIPv6"]), args=arglists(maybe(ADDRS)))
def test_is_ip(fuzz: Fuzz, name: str, args: list[Desc]) -> None:
    fuzz.case(name, args, getattr(net, name))


# --- child_process and cluster ---------------------------------------------------------

SPAWN_KEYS = [
    "cwd",
    "env",
    "argv0",
    "stdio",
    "detached",
    "uid",
    "gid",
    "serialization",
    "shell",
    "windowsVerbatimArguments",
    "windowsHide",
    "signal",
    "timeout",
    "killSignal",
    "maxBuffer",
    "encoding",
]
FILES = st.sampled_from(["true", "", "tr\x00ue"]).map(d_str)
ARGV = st.lists(_texts.map(d_str), max_size=3).map(lambda v: {"t": "list", "v": v})


@SETTINGS
@given(args=arglists(maybe(FILES), maybe(ARGV, options(SPAWN_KEYS)), maybe(options(SPAWN_KEYS))))
# Found by the fuzzer: `options.env || {...process.env}`, then `for (key in env)`: false
# is the parent's env, a list or a string is walked by index.
@example(args=[d_str("true"), d_dict([("env", {"t": "bool", "v": False})])])
@example(args=[d_str("true"), d_dict([("env", {"t": "list", "v": [d_str("")]})])])
# Found by the fuzzer: any object in args' place (a Uint8Array) is the options.
@example(args=[d_str("true"), {"t": "bytearray", "v": "5f"}])
# Found by the fuzzer: `options.stdio || 'pipe'`: {} is JS-truthy, and no valid stdio.
@example(args=[d_str("true"), {"t": "list", "v": []}, d_dict([("stdio", d_dict([]))])])
def test_spawn(fuzz: Fuzz, args: list[Desc]) -> None:
    args = [tame_exec(args[0], "true"), *map(tame_spawn_options, args[1:])] if args else []

    def call(*a: Any) -> None:
        c = child_process.spawn(*a)
        c.on("error", fuzz.on_error)

    fuzz.case("spawn", args, call)


@SETTINGS
@given(
    args=arglists(
        maybe(FILES),
        maybe(ARGV, options(SPAWN_KEYS), FN),
        maybe(options(SPAWN_KEYS), FN),
        maybe(FN),
    )
)
# Found by the fuzzer: a Buffer is an object: the options (and spreads to no option).
@example(args=[d_str("true"), {"t": "undef"}, {"t": "bytes", "v": ""}])
@example(args=[d_str("true"), {"t": "bytes", "v": ""}, {"t": "undef"}, {"t": "list", "v": []}])
def test_exec_file(fuzz: Fuzz, args: list[Desc]) -> None:
    args = [tame_exec(args[0], "true"), *map(tame_spawn_options, args[1:])] if args else []

    def call(*a: Any) -> None:
        c = child_process.execFile(*a)
        c.on("error", fuzz.on_error)

    fuzz.case("execFile", args, call)


FORK_KEYS = [
    "cwd",
    "detached",
    "env",
    "execPath",
    "execArgv",
    "gid",
    "serialization",
    "signal",
    "killSignal",
    "silent",
    "stdio",
    "uid",
    "timeout",
]


@SETTINGS
@given(
    args=arglists(
        maybe(st.just(d_str("module")), FILES),
        maybe(ARGV, options(FORK_KEYS)),
        maybe(options(FORK_KEYS)),
    )
)
# Found by the fuzzer: fork(modulePath, {...}, x): the object is the options, x ignored.
@example(args=[d_str("module"), d_dict([]), d_dict([])])
# Found by the fuzzer: options.execPath is taken when JS-truthy ([] is), as `||` does.
@example(args=[d_str("module"), d_dict([("execPath", {"t": "list", "v": []})])])
# Found by the fuzzer: a path is a string or a Uint8Array without NUL (validatePath).
@example(args=[{"t": "bytearray", "v": "7400"}])
@example(args=[d_str("tr\x00ue")])
# Found by the fuzzer: `[...execArgv]` of a non-iterable is V8's TypeError.
@example(args=[d_str("module"), d_dict([("execArgv", d_dict([]))])])
def test_fork(fuzz: Fuzz, args: list[Desc]) -> None:
    args = [tame_exec(args[0], "EMPTY_MODULE"), *map(tame_spawn_options, args[1:])] if args else []

    # stdio 'inherit' (fork's default) would put the child's output into the oracle's
    # answers: the options always say stdio, tamed.
    def call(*a: Any) -> None:
        c = child_process.fork(*a)
        c.on("error", fuzz.on_error)

    fuzz.case("fork", args, call)


CLUSTER_KEYS = [
    "exec",
    "args",
    "execArgv",
    "silent",
    "stdio",
    "uid",
    "gid",
    "inspectPort",
    "serialization",
    "cwd",
    "windowsHide",
]


@SETTINGS
@given(args=arglists(maybe(options(CLUSTER_KEYS))))
# Found by the fuzzer: any value is spread into the settings ({...options} in Node).
@example(args=[FN_D])
@example(args=[d_int(1)])
@example(args=[{"t": "list", "v": [d_int(1)]}])
def test_cluster_setup_primary(fuzz: Fuzz, args: list[Desc]) -> None:
    def call(*a: Any) -> None:
        saved = cluster.settings
        fuzz.cleanup.append(lambda: setattr(cluster, "settings", saved))
        cluster.setupPrimary(*a)

    fuzz.case("cluster.setupPrimary", args, call)
