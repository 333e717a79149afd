"""Tests for nodenet_uv._validators (lib/internal/validators.js).

Differential: one ``node --expose-internals`` process calls Node's own validators from
``internal/validators`` with the same values (written in JS) and reports either the return
value (``String(r)``) or the error's ``{code, message, name, kind}``; the Python validators
must agree byte for byte.
"""

from __future__ import annotations

import json
import math
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from nodenet_uv import _validators as V
from nodenet_uv import errors as E
from nodenet_uv._internal.inspect import js_string, number_to_string
from nodenet_uv.testing.node_peer import find_node

NODE = find_node()
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


class Foo:
    pass


def fn() -> None:
    pass


# (JS call on `v` = require('internal/validators'), Python call)
CASES: list[tuple[str, Callable[[], object]]] = [
    # validatePort
    ("v.validatePort(0)", lambda: V.validate_port(0)),
    ("v.validatePort(80)", lambda: V.validate_port(80)),
    ("v.validatePort(80.0)", lambda: V.validate_port(80.0)),
    ("v.validatePort(65535)", lambda: V.validate_port(65535)),
    ("v.validatePort('80')", lambda: V.validate_port("80")),
    ("v.validatePort(' 80 ')", lambda: V.validate_port(" 80 ")),
    ("v.validatePort('\\t443\\n')", lambda: V.validate_port("\t443\n")),
    ("v.validatePort('0x50')", lambda: V.validate_port("0x50")),
    ("v.validatePort('0b101')", lambda: V.validate_port("0b101")),
    ("v.validatePort('0o17')", lambda: V.validate_port("0o17")),
    ("v.validatePort('00080')", lambda: V.validate_port("00080")),
    ("v.validatePort('1e3')", lambda: V.validate_port("1e3")),
    ("v.validatePort('+80')", lambda: V.validate_port("+80")),
    ("v.validatePort('-0')", lambda: V.validate_port("-0")),
    ("v.validatePort(-0)", lambda: V.validate_port(-0.0)),
    ("v.validatePort('65535.0')", lambda: V.validate_port("65535.0")),
    ("v.validatePort(65536)", lambda: V.validate_port(65536)),
    ("v.validatePort(-1)", lambda: V.validate_port(-1)),
    ("v.validatePort(1.5)", lambda: V.validate_port(1.5)),
    ("v.validatePort(NaN)", lambda: V.validate_port(math.nan)),
    ("v.validatePort(Infinity)", lambda: V.validate_port(math.inf)),
    ("v.validatePort(2 ** 32 + 80)", lambda: V.validate_port(2**32 + 80)),
    ("v.validatePort('')", lambda: V.validate_port("")),
    ("v.validatePort(' ')", lambda: V.validate_port(" ")),
    ("v.validatePort('0x')", lambda: V.validate_port("0x")),
    ("v.validatePort('1_000')", lambda: V.validate_port("1_000")),
    ("v.validatePort('abc')", lambda: V.validate_port("abc")),
    ("v.validatePort('inf')", lambda: V.validate_port("inf")),
    ("v.validatePort(true)", lambda: V.validate_port(True)),
    ("v.validatePort(undefined)", lambda: V.validate_port(None)),
    ("v.validatePort([])", lambda: V.validate_port([])),
    ("v.validatePort({})", lambda: V.validate_port({})),
    ("v.validatePort(0, 'Port', false)", lambda: V.validate_port(0, "Port", False)),
    ("v.validatePort(-0, 'Port', false)", lambda: V.validate_port(-0.0, "Port", False)),
    ("v.validatePort('0', 'Port', false)", lambda: V.validate_port("0", "Port", False)),
    # Node 22+: `+port === 0` rejects the string '0' (and '0.0', ' 0 ') when !allowZero.
    ("v.validatePort('0.0', 'Port', false)", lambda: V.validate_port("0.0", "Port", False)),
    ("v.validatePort(' 0 ', 'Port', false)", lambda: V.validate_port(" 0 ", "Port", False)),
    ("v.validatePort('-0', 'Port', false)", lambda: V.validate_port("-0", "Port", False)),
    ("v.validatePort(-1, 'options.port')", lambda: V.validate_port(-1, "options.port")),
    # validateInteger
    ("v.validateInteger(1, 'n')", lambda: V.validate_integer(1, "n")),
    ("v.validateInteger(1.5, 'n')", lambda: V.validate_integer(1.5, "n")),
    ("v.validateInteger('x', 'n')", lambda: V.validate_integer("x", "n")),
    ("v.validateInteger(true, 'n')", lambda: V.validate_integer(True, "n")),
    ("v.validateInteger(2 ** 53, 'n')", lambda: V.validate_integer(2**53, "n")),
    ("v.validateInteger(-(2 ** 53), 'n')", lambda: V.validate_integer(-(2**53), "n")),
    ("v.validateInteger(5, 'n', 0, 4)", lambda: V.validate_integer(5, "n", 0, 4)),
    ("v.validateInteger(undefined, 'n')", lambda: V.validate_integer(None, "n")),
    # validateInt32 / validateUint32
    ("v.validateInt32(2 ** 31, 'n')", lambda: V.validate_int32(2**31, "n")),
    ("v.validateInt32(-(2 ** 31) - 1, 'n')", lambda: V.validate_int32(-(2**31) - 1, "n")),
    ("v.validateInt32(NaN, 'n')", lambda: V.validate_int32(math.nan, "n")),
    ("v.validateInt32(Infinity, 'n')", lambda: V.validate_int32(math.inf, "n")),
    ("v.validateInt32(0, 'n', 1)", lambda: V.validate_int32(0, "n", 1)),
    ("v.validateInt32(1e21, 'n', 1)", lambda: V.validate_int32(1e21, "n", 1)),
    ("v.validateInt32(-1e21, 'n', 1)", lambda: V.validate_int32(-1e21, "n", 1)),
    ("v.validateUint32(-1, 'n')", lambda: V.validate_uint32(-1, "n")),
    ("v.validateUint32(2 ** 32, 'n')", lambda: V.validate_uint32(2**32, "n")),
    ("v.validateUint32(0, 'n', true)", lambda: V.validate_uint32(0, "n", True)),
    ("v.validateUint32(1.5, 'n')", lambda: V.validate_uint32(1.5, "n")),
    ("v.validateUint32(1, 'n')", lambda: V.validate_uint32(1, "n")),
    # validateNumber
    ("v.validateNumber(NaN, 'n', 0)", lambda: V.validate_number(math.nan, "n", 0)),
    ("v.validateNumber(NaN, 'n')", lambda: V.validate_number(math.nan, "n")),
    ("v.validateNumber(5, 'n', undefined, 4)", lambda: V.validate_number(5, "n", None, 4)),
    ("v.validateNumber(-1, 'n', 0, 10)", lambda: V.validate_number(-1, "n", 0, 10)),
    ("v.validateNumber(-1.5, 'n', 0.5)", lambda: V.validate_number(-1.5, "n", 0.5)),
    ("v.validateNumber('x', 'n')", lambda: V.validate_number("x", "n")),
    ("v.validateNumber(undefined, 'n')", lambda: V.validate_number(None, "n")),
    ("v.validateNumber(false, 'n')", lambda: V.validate_number(False, "n")),
    # validateString / validateBoolean
    ("v.validateString(1, 's')", lambda: V.validate_string(1, "s")),
    ("v.validateString(undefined, 's')", lambda: V.validate_string(None, "s")),
    ("v.validateString('x', 's')", lambda: V.validate_string("x", "s")),
    # validateStringWithoutNullBytes (Node 22+)
    (
        "v.validateStringWithoutNullBytes('a\\u0000b', 's')",
        lambda: V.validate_string_without_null_bytes("a\u0000b", "s"),
    ),
    (
        "v.validateStringWithoutNullBytes('ab', 's')",
        lambda: V.validate_string_without_null_bytes("ab", "s"),
    ),
    (
        "v.validateStringWithoutNullBytes(1, 's')",
        lambda: V.validate_string_without_null_bytes(1, "s"),
    ),
    ("v.validateBoolean(1, 'b')", lambda: V.validate_boolean(1, "b")),
    ("v.validateBoolean(undefined, 'b')", lambda: V.validate_boolean(None, "b")),
    ("v.validateBoolean(true, 'b')", lambda: V.validate_boolean(True, "b")),
    # validateObject / validateDictionary / validateArray
    ("v.validateObject([], 'o')", lambda: V.validate_object([], "o")),
    ("v.validateObject('x', 'o')", lambda: V.validate_object("x", "o")),
    ("v.validateObject(undefined, 'o')", lambda: V.validate_object(None, "o")),
    ("v.validateObject({}, 'o')", lambda: V.validate_object({}, "o")),
    ("v.validateObject(new (class Foo {})(), 'o')", lambda: V.validate_object(Foo(), "o")),
    ("v.validateObject(function fn() {}, 'o')", lambda: V.validate_object(fn, "o")),
    (
        "v.validateObject(function fn() {}, 'o', v.kValidateObjectAllowFunction)",
        lambda: V.validate_object(fn, "o", V.K_VALIDATE_OBJECT_ALLOW_FUNCTION),
    ),
    (
        "v.validateObject([], 'o', v.kValidateObjectAllowArray)",
        lambda: V.validate_object([], "o", V.K_VALIDATE_OBJECT_ALLOW_ARRAY),
    ),
    (
        "v.validateObject([], 'o', v.kValidateObjectAllowFunction)",
        lambda: V.validate_object([], "o", V.K_VALIDATE_OBJECT_ALLOW_FUNCTION),
    ),
    ("v.validateDictionary(1, 'options')", lambda: V.validate_dictionary(1, "options")),
    ("v.validateDictionary(undefined, 'o')", lambda: V.validate_dictionary(None, "o")),
    ("v.validateArray('x', 'a')", lambda: V.validate_array("x", "a")),
    ("v.validateArray([], 'a', 1)", lambda: V.validate_array([], "a", 1)),
    ("v.validateArray([1], 'a', 1)", lambda: V.validate_array([1], "a", 1)),
    ("v.validateStringArray(['a', 1], 'a')", lambda: V.validate_string_array(["a", 1], "a")),
    ("v.validateBooleanArray([true, 1], 'a')", lambda: V.validate_boolean_array([True, 1], "a")),
    # validateFunction / validateOneOf / validateUnion / validateUndefined
    ("v.validateFunction(1, 'f')", lambda: V.validate_function(1, "f")),
    ("v.validateFunction(undefined, 'f')", lambda: V.validate_function(None, "f")),
    ("v.validateFunction(() => {}, 'f')", lambda: V.validate_function(lambda: None, "f")),
    ("v.validateFunction(class Foo {}, 'f')", lambda: V.validate_function(Foo, "f")),
    ("v.validateFunction({}, 'f')", lambda: V.validate_function({}, "f")),
    (
        "v.validateOneOf('x', 'scheduling', ['fifo', 'lifo'])",
        lambda: V.validate_one_of("x", "scheduling", ["fifo", "lifo"]),
    ),
    (
        "v.validateOneOf(1, 'options.family', [0, 4, 6])",
        lambda: V.validate_one_of(1, "options.family", [0, 4, 6]),
    ),
    ("v.validateOneOf(4, 'f', [0, 4, 6])", lambda: V.validate_one_of(4, "f", [0, 4, 6])),
    ("v.validateOneOf(NaN, 'f', [NaN])", lambda: V.validate_one_of(math.nan, "f", [math.nan])),
    ("v.validateOneOf(true, 'f', [1])", lambda: V.validate_one_of(True, "f", [1])),
    ("v.validateOneOf(1, 'f', [true])", lambda: V.validate_one_of(1, "f", [True])),
    (
        "v.validateOneOf(undefined, 'f', ['a', undefined])",
        lambda: V.validate_one_of(None, "f", ["a", None]),
    ),
    (
        "v.validateUnion('number', 'options.x.type', ['string', 'boolean'])",
        lambda: V.validate_union("number", "options.x.type", ["string", "boolean"]),
    ),
    ("v.validateUndefined(1, 'u')", lambda: V.validate_undefined(1, "u")),
    ("v.validateUndefined(undefined, 'u')", lambda: V.validate_undefined(None, "u")),
    # validateAbortSignal / validateBuffer / validateEncoding / validateSignalName
    (
        "v.validateAbortSignal(1, 'options.signal')",
        lambda: V.validate_abort_signal(1, "options.signal"),
    ),
    ("v.validateAbortSignal({}, 's')", lambda: V.validate_abort_signal({}, "s")),
    ("v.validateAbortSignal('x', 's')", lambda: V.validate_abort_signal("x", "s")),
    (
        "v.validateAbortSignal({aborted: false}, 's')",
        lambda: V.validate_abort_signal({"aborted": False}, "s"),
    ),
    ("v.validateAbortSignal(undefined, 's')", lambda: V.validate_abort_signal(None, "s")),
    ("v.validateBuffer('x')", lambda: V.validate_buffer("x")),
    ("v.validateBuffer(1, 'data')", lambda: V.validate_buffer(1, "data")),
    ("v.validateBuffer(Buffer.from('x'))", lambda: V.validate_buffer(b"x")),
    ("v.validateEncoding('abc', 'hex')", lambda: V.validate_encoding("abc", "hex")),
    ("v.validateEncoding('abc', 'HEX')", lambda: V.validate_encoding("abc", "HEX")),
    ("v.validateEncoding('ab', 'hex')", lambda: V.validate_encoding("ab", "hex")),
    ("v.validateEncoding('abc', 'utf8')", lambda: V.validate_encoding("abc", "utf8")),
    ("v.validateSignalName('SIGTERM')", lambda: V.validate_signal_name("SIGTERM")),
    ("v.validateSignalName('sigterm')", lambda: V.validate_signal_name("sigterm")),
    ("v.validateSignalName('SIGFOO')", lambda: V.validate_signal_name("SIGFOO")),
    ("v.validateSignalName(1, 'sig')", lambda: V.validate_signal_name(1, "sig")),
    # validateFiniteNumber / checkRangesOrGetDefault / parseFileMode
    ("v.validateFiniteNumber(undefined, 'n')", lambda: V.validate_finite_number(None, "n")),
    ("v.validateFiniteNumber(NaN, 'n')", lambda: V.validate_finite_number(math.nan, "n")),
    ("v.validateFiniteNumber(1, 'n')", lambda: V.validate_finite_number(1, "n")),
    ("v.validateFiniteNumber(Infinity, 'n')", lambda: V.validate_finite_number(math.inf, "n")),
    ("v.validateFiniteNumber('x', 'n')", lambda: V.validate_finite_number("x", "n")),
    (
        "v.checkRangesOrGetDefault(99, 'options.flush', 0, 5, 2)",
        lambda: V.check_ranges_or_get_default(99, "options.flush", 0, 5, 2),
    ),
    (
        "v.checkRangesOrGetDefault(undefined, 'f', 0, 5, 2)",
        lambda: V.check_ranges_or_get_default(None, "f", 0, 5, 2),
    ),
    (
        "v.checkRangesOrGetDefault(3, 'f', 0, 5, 2)",
        lambda: V.check_ranges_or_get_default(3, "f", 0, 5, 2),
    ),
    ("v.parseFileMode('abc', 'mode')", lambda: V.parse_file_mode("abc", "mode")),
    ("v.parseFileMode('644', 'mode')", lambda: V.parse_file_mode("644", "mode")),
    ("v.parseFileMode(2 ** 33, 'mode')", lambda: V.parse_file_mode(2**33, "mode")),
    ("v.parseFileMode(undefined, 'mode', 0o666)", lambda: V.parse_file_mode(None, "mode", 0o666)),
    # isInt32 / isUint32
    ("v.isInt32(1)", lambda: V.is_int32(1)),
    ("v.isInt32(2 ** 31)", lambda: V.is_int32(2**31)),
    ("v.isInt32(-0)", lambda: V.is_int32(-0.0)),
    ("v.isInt32(1.5)", lambda: V.is_int32(1.5)),
    ("v.isInt32('1')", lambda: V.is_int32("1")),
    ("v.isInt32(true)", lambda: V.is_int32(True)),
    ("v.isUint32(2 ** 32 - 1)", lambda: V.is_uint32(2**32 - 1)),
    ("v.isUint32(-1)", lambda: V.is_uint32(-1)),
    ("v.isUint32(NaN)", lambda: V.is_uint32(math.nan)),
]

NUMBER_STRINGS = [
    "",
    " ",
    "0x",
    "0x50",
    " 80 ",
    "1e3",
    "\t\n80\u00a0",
    "0o17",
    "0b101",
    "+80",
    "-0",
    ".5",
    "5.",
    "Infinity",
    "-Infinity",
    "+Infinity",
    "inf",
    "nan",
    "NaN",
    "1_000",
    "0x1_0",
    "+0x10",
    "-0x10",
    "1e400",
    "00080",
    "\u0661",
    "\u2000 7",
    "\u3000\ufeff8\u2028",
    "\u180e1",
    "\x1c1",
    "0X1f",
    "1e",
    "e1",
    ".",
    "+",
    "12abc",
    "0.1",
    "123456789012345678901234",
    "1.7976931348623157e308",
    "5e-324",
]


@pytest.fixture(scope="module")
def node_results() -> dict[str, Any]:
    if NODE is None:
        pytest.skip("node is not installed")
    calls = ",\n".join(f"[{json.dumps(js)}, () => {js}]" for js, _ in CASES)
    script = (
        "const v = require('internal/validators');\n"
        "function kind(e) { return e instanceof TypeError ? 'TypeError' :"
        " e instanceof RangeError ? 'RangeError' : 'Error'; }\n"
        "const out = { cases: {}, numbers: [] };\n"
        f"for (const [id, f] of [{calls}]) {{\n"
        "  try { out.cases[id] = { result: String(f()) }; }\n"
        "  catch (e) { out.cases[id] = { error: { code: e.code, message: e.message, name: e.name,"
        " kind: kind(e) } }; }\n"
        "}\n"
        f"out.numbers = {json.dumps(NUMBER_STRINGS)}.map((s) => String(Number(s)));\n"
        "process.stdout.write(JSON.stringify(out));\n"
    )
    assert NODE is not None
    proc = subprocess.run(
        [NODE, "--expose-internals", "-e", script],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _py_kind(err: BaseException) -> str:
    if isinstance(err, TypeError):
        return "TypeError"
    if isinstance(err, ValueError):
        return "RangeError"
    return "Error"


@needs_node
@pytest.mark.parametrize(("js", "call"), CASES, ids=[js for js, _ in CASES])
def test_validator_matches_node(
    node_results: dict[str, Any], js: str, call: Callable[[], object]
) -> None:
    expected = node_results["cases"][js]
    try:
        result = call()
    except E.NodeError as err:
        assert "error" in expected, f"node returned {expected}, Python raised {err!r}"
        node_err = expected["error"]
        assert str(err) == node_err["message"]
        assert err.code == node_err["code"]
        assert err.name == node_err["name"]
        assert _py_kind(err) == node_err["kind"]
        return
    assert "result" in expected, f"node raised {expected}, Python returned {result!r}"
    assert js_string(result) == expected["result"]


def test_enough_validator_cases() -> None:
    assert len(CASES) >= 100


@needs_node
def test_js_number_matches_node(node_results: dict[str, Any]) -> None:
    ours = [number_to_string(V.js_number(s)) for s in NUMBER_STRINGS]
    assert ours == node_results["numbers"]


def test_js_number_other_types() -> None:
    assert math.isnan(V.js_number(None))
    assert V.js_number(True) == 1.0 and V.js_number(False) == 0.0
    assert V.js_number(5) == 5.0
    assert V.js_number([]) == 0.0
    assert V.js_number([7]) == 7.0
    assert math.isnan(V.js_number([1, 2]))
    assert math.isnan(V.js_number({}))
    assert V.js_number(10**400) == math.inf


def test_validate_port_returns_int() -> None:
    port = V.validate_port("0x50")
    assert port == 80 and type(port) is int
    assert type(V.validate_port(80.0)) is int
    assert V.validate_port(-0.0) == 0


def test_validate_port_rejects_bool_with_node_message() -> None:
    with pytest.raises(ValueError) as info:
        V.validate_port(True, "options.port")
    err = info.value
    assert isinstance(err, E.NodeRangeError)
    assert err.code == "ERR_SOCKET_BAD_PORT"
    assert str(err) == "options.port should be >= 0 and < 65536. Received type boolean (true)."


def test_bool_is_not_a_number() -> None:
    with pytest.raises(TypeError) as info:
        V.validate_number(True, "msecs")
    assert str(info.value) == (
        'The "msecs" argument must be of type number. Received type boolean (true)'
    )
    assert not V.is_int32(True) and not V.is_uint32(False)


def test_int32_helpers() -> None:
    assert V.to_int32(2**31) == -(2**31)
    assert V.to_int32(-1.9) == -1
    assert V.to_uint32(-1) == 2**32 - 1
    assert V.to_uint32(math.nan) == 0 and V.to_int32(math.inf) == 0
    assert V.to_int32("0x10") == 16


def test_normalize_encoding() -> None:
    assert V.normalize_encoding(None) == "utf8"
    assert V.normalize_encoding("") == "utf8"
    assert V.normalize_encoding("UTF-8") == "utf8"
    assert V.normalize_encoding("UCS-2") == "utf16le"
    assert V.normalize_encoding("Binary") == "latin1"
    assert V.normalize_encoding("base64URL") == "base64url"
    assert V.normalize_encoding("bogus") is None
    assert V.normalize_encoding(1) is None
