"""Port of the parts of Node.js lib/internal/util/inspect.js that error messages use.

``inspect(value)`` renders a Python value the way ``util.inspect`` renders the JS value it
stands for (docs/python-rules.md): ``None`` is ``undefined``, ``bool`` is a boolean (never a
number), ``int``/``float`` are numbers, ``str`` a string, ``list``/``tuple`` an Array,
``dict`` a plain Object, ``set`` a Set, ``bytes`` a Buffer, ``bytearray`` a Uint8Array,
``memoryview`` a DataView, callables are functions (classes are classes), exceptions are
Errors and any other object is an instance of its class (its public instance attributes are
its own enumerable properties). Also here: ``format`` (``util.format``), the JS primitives
the messages are built from (``typeof``, ``String(x)``, ``Number.prototype.toString``) and
UTF-16 string length/slicing, because JS measures strings in UTF-16 code units.

Ported: ``formatValue``/``formatRaw`` for the types above, ``strEscape``,
``formatPrimitive`` (long strings split on newlines), ``formatNumber``, ``formatError``
(``improveStack``, duplicate-key removal, ``cause``/``errors``), circular references,
``depth``, ``maxArrayLength``, ``maxStringLength``, ``breakLength`` and ``compact: 3``
line grouping (``reduceToSingleString``, ``groupArrayElements``). Not ported: colors,
``showHidden``, getters, proxies, Map, Symbol keys, sorted output.
"""

from __future__ import annotations

import decimal
import inspect as _pyinspect
import math
import re
import types
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

__all__ = [
    "CUSTOM_INSPECT",
    "format",
    "inspect",
    "is_js_number",
    "js_constructor_name",
    "js_function_name",
    "js_number",
    "js_string",
    "js_trim",
    "js_typeof",
    "json_stringify_string",
    "number_to_string",
    "str_escape",
    "utf16_len",
    "utf16_slice",
]

#: Name of the method an object may define to control its rendering, like Node's
#: ``[util.inspect.custom](depth, options, inspect)``; it returns a string (used as is)
#: or another value (inspected in its place).
CUSTOM_INSPECT: Final = "__node_inspect__"

_K_OBJECT_TYPE: Final = 0
_K_ARRAY_TYPE: Final = 1
_K_ARRAY_EXTRAS_TYPE: Final = 2

_MAX_SAFE_INTEGER: Final = 2**53 - 1
_INSPECT_MAX_BYTES: Final = 50  # buffer.INSPECT_MAX_BYTES
_MIN_LINE_LENGTH: Final = 16  # kMinLineLength

_KEY_STR_RE: Final = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
_ARRAY_INDEX_RE: Final = re.compile(r"^(0|[1-9][0-9]*)$")
_ANSI_RE: Final = re.compile(
    r"[\x1b\x9b][\[\]()#;?]*"
    r"(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*"
    r"|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?"
    r"(?:\x07|\x1b\\|\x9c))"
    r"|(?:(?:\d{1,4}(?:;\d{0,4})*)?"
    r"[\dA-PR-TZcf-nq-uy=><~]))"
)

# Escapes for control characters, the single quote and the backslash (inspect.js `meta`).
_META: Final[dict[int, str]] = {
    **{c: f"\\x{c:02X}" for c in range(0x20)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x27: "\\'",
    0x5C: "\\\\",
    **{c: f"\\x{c:02X}" for c in range(0x7F, 0xA0)},
}


# --- JS primitives -------------------------------------------------------------------


def is_js_number(value: object) -> bool:
    """True if ``value`` is a JS number: an int or float, and not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def js_typeof(value: object) -> str:
    """Return what JS ``typeof`` says of the JS value ``value`` stands for."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if callable(value):
        return "function"
    return "object"


def _as_js_float(value: int | float) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def number_to_string(value: int | float) -> str:
    """Return JS ``String(n)`` for a number (``Number.prototype.toString()``, radix 10)."""
    if isinstance(value, int) and -_MAX_SAFE_INTEGER <= value <= _MAX_SAFE_INTEGER:
        return str(value)
    x = _as_js_float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"  # String(-0) is '0'
    sign = "-" if x < 0 else ""
    # repr() gives the shortest digits that round-trip, as ECMAScript's Number::toString.
    tup = decimal.Decimal(repr(abs(x))).as_tuple()
    digits = "".join(map(str, tup.digits)).rstrip("0") or "0"
    exponent = int(tup.exponent) + len(tup.digits) - len(digits)
    k = len(digits)
    n = exponent + k  # value = 0.digits * 10**n
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else f"{digits[0]}.{digits[1:]}"
        out = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + out


# ECMAScript WhiteSpace and LineTerminator code points (what String.prototype.trim removes).
_JS_WHITESPACE: Final = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_STR_DECIMAL_RE: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_STR_NON_DECIMAL_RE: Final = re.compile(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")


def js_trim(s: str) -> str:
    """Return JS ``s.trim()`` (ECMAScript whitespace, not Python's)."""
    return s.strip(_JS_WHITESPACE)


def _string_to_number(s: str) -> float:
    s = js_trim(s)
    if s == "":
        return 0.0
    if _STR_DECIMAL_RE.fullmatch(s) is not None:
        return float(s)  # '1e400' gives inf, as in JS
    if _STR_NON_DECIMAL_RE.fullmatch(s) is not None:
        base = {"x": 16, "o": 8, "b": 2}[s[1].lower()]
        return _as_js_float(int(s[2:], base))
    if s in ("Infinity", "+Infinity"):
        return math.inf
    if s == "-Infinity":
        return -math.inf
    return math.nan


def js_number(value: object) -> float:
    """Return JS ``Number(value)`` / ``+value`` for the JS value ``value`` stands for.

    Strings follow ECMAScript's StringToNumber: surrounding whitespace is trimmed, ``''``
    is 0, ``0x``/``0o``/``0b`` prefixes are read, ``'Infinity'`` is infinite, anything
    else that is not a decimal literal (``'1_0'``, ``'inf'``, ``'nan'``, ``'0x'``) is NaN.
    ``None`` (undefined) is NaN, ``True`` is 1. Objects convert through ``String(value)``.
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return _as_js_float(value)
    if isinstance(value, str):
        return _string_to_number(value)
    return _string_to_number(js_string(value))


def js_get(obj: object, key: object) -> Any:
    """JS ``obj?.[key]`` on an options bag: a mapping's key or an object's attribute, and
    undefined (None) for anything else (JS reads a primitive's missing property, or a
    symbol-keyed one we cannot store as an attribute, as undefined)."""
    if isinstance(obj, Mapping):
        return obj.get(key)
    if obj is None or not isinstance(key, str):
        return None
    return getattr(obj, key, None)


def js_truthy(value: object) -> bool:
    """Return JS ``Boolean(value)`` for the JS value ``value`` stands for."""
    if value is None or value is False:
        return False
    if is_js_number(value):
        number = js_number(value)
        return number == number and number != 0
    if isinstance(value, str):
        return value != ""
    return True


def js_function_name(fn: object) -> str:
    """Return the JS ``name`` of a callable: '' for lambdas and nameless callables."""
    name = getattr(fn, "__name__", "")
    if not isinstance(name, str) or name == "<lambda>":
        return ""
    return name


def _is_js_error(err: BaseException) -> bool:
    # errors.JsError and its subclasses declare the JS constructor they stand for.
    return isinstance(getattr(type(err), "js_constructor_name", None), str)


def js_error_name(err: BaseException) -> str:
    """Return JS ``err.name``: Node errors carry it, other exceptions use the class name."""
    if _is_js_error(err):
        name = getattr(err, "name", None)
        return name if isinstance(name, str) else js_string(name)
    return type(err).__name__


def js_error_to_string(err: BaseException) -> str:
    """Return JS ``String(err)`` (``Error.prototype.toString`` or the error's override)."""
    to_string = getattr(err, "to_string", None)
    if _is_js_error(err) and callable(to_string):
        result = to_string()
        if isinstance(result, str):
            return result
    name = js_error_name(err)
    message = str(err)
    if not name:
        return message
    if not message:
        return name
    return f"{name}: {message}"


def js_string(value: object) -> str:
    """Return JS ``String(value)`` / ```${value}``` for the JS value ``value`` stands for."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_to_string(value)
    if isinstance(value, str):
        return value
    if isinstance(value, BaseException):
        return js_error_to_string(value)
    if isinstance(value, list | tuple):
        # Array.prototype.join: undefined and null become ''.
        return ",".join("" if v is None else js_string(v) for v in value)
    if isinstance(value, bytes | bytearray | memoryview):
        if isinstance(value, bytes):
            return value.decode("utf-8", errors="replace")  # Buffer#toString()
        return ",".join(str(b) for b in bytes(value))  # TypedArray#toString()
    if isinstance(value, type):
        return f"class {value.__name__} {{ }}"
    if callable(value):
        return f"function {js_function_name(value)}() {{ [native code] }}"
    if isinstance(value, set | frozenset):
        return "[object Set]"
    if type(value).__str__ is not object.__str__:
        # A Python class with its own __str__ is an object with its own toString().
        return str(value)
    return "[object Object]"


def utf16_len(s: str) -> int:
    """Return JS ``s.length`` (UTF-16 code units)."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def _to_utf16_units(s: str) -> list[str]:
    units: list[str] = []
    for ch in s:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            units.append(chr(0xD800 + (cp >> 10)))
            units.append(chr(0xDC00 + (cp & 0x3FF)))
        else:
            units.append(ch)
    return units


def _from_utf16_units(units: Sequence[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(units):
        cp = ord(units[i])
        if 0xD800 <= cp <= 0xDBFF and i + 1 < len(units) and 0xDC00 <= ord(units[i + 1]) <= 0xDFFF:
            out.append(chr(0x10000 + ((cp - 0xD800) << 10) + (ord(units[i + 1]) - 0xDC00)))
            i += 2
            continue
        out.append(units[i])
        i += 1
    return "".join(out)


def utf16_slice(s: str, start: int, end: int | None = None) -> str:
    """Return JS ``s.slice(start, end)``, counting UTF-16 code units (may split a pair)."""
    if all(ord(ch) <= 0xFFFF for ch in s):
        return s[start:end]
    return _from_utf16_units(_to_utf16_units(s)[start:end])


def json_stringify_string(s: str) -> str:
    """Return JS ``JSON.stringify(s)`` for a string."""
    out = ['"']
    for ch in s:
        cp = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif cp < 0x20:
            out.append(
                {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}.get(cp, f"\\u{cp:04x}")
            )
        elif 0xD800 <= cp <= 0xDFFF:
            out.append(f"\\u{cp:04x}")  # a lone surrogate (a Python str has no pairs)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


# --- strEscape -------------------------------------------------------------------------


def _add_quotes(s: str, quotes: int) -> str:
    if quotes == -1:
        return f'"{s}"'
    if quotes == -2:
        return f"`{s}`"
    return f"'{s}'"


def str_escape(s: str) -> str:
    """Quote and escape a string as ``util.inspect`` does (``strEscape``)."""
    single_quote = 39
    # If the string has single quotes, use double quotes, else backticks, instead of
    # escaping them (as inspect.js does).
    if "'" in s:
        if '"' not in s:
            single_quote = -1
        elif "`" not in s and "${" not in s:
            single_quote = -2
    result: list[str] = []
    for ch in s:
        point = ord(ch)
        if point == single_quote or point == 92 or point < 32 or 126 < point < 160:
            result.append(_META[point])
        elif 0xD800 <= point <= 0xDFFF:
            # A Python str holds no surrogate pairs, so any surrogate here is lone.
            result.append(f"\\u{point:x}")
        else:
            result.append(ch)
    return _add_quotes("".join(result), single_quote)


# --- formatting context --------------------------------------------------------------


class _Ctx:
    __slots__ = (
        "break_length",
        "circular",
        "compact",
        "current_depth",
        "depth",
        "indentation_lvl",
        "max_array_length",
        "max_string_length",
        "seen",
    )

    def __init__(
        self,
        depth: float | None,
        compact: int | bool,
        break_length: float,
        max_array_length: float,
        max_string_length: float,
    ) -> None:
        self.depth = depth
        self.compact = compact
        self.break_length = break_length
        self.max_array_length = max_array_length
        self.max_string_length = max_string_length
        self.indentation_lvl = 0
        self.current_depth = 0
        self.seen: list[object] = []
        self.circular: dict[int, int] = {}

    def beyond_depth(self, recurse_times: int) -> bool:
        return self.depth is not None and recurse_times > self.depth


def inspect(
    value: object,
    *,
    depth: float | None = 2,
    compact: int | bool = 3,
    break_length: float = 80,
    max_array_length: float = 100,
    max_string_length: float = 10000,
) -> str:
    """Return ``util.inspect(value)`` for the JS value ``value`` stands for.

    Args:
        value: any Python value (see the module docstring for the JS twin of each type).
        depth: ``depth`` option; None means unlimited, -1 shows only the top-level name.
        compact: Node's ``compact`` option.
        break_length: Node's ``breakLength`` option.
        max_array_length: Node's ``maxArrayLength`` option.
        max_string_length: Node's ``maxStringLength`` option.

    Node: ``util.inspect(value, options)``.
    """
    ctx = _Ctx(depth, compact, break_length, max_array_length, max_string_length)
    return _format_value(ctx, value, 0)


def _format_number(value: int | float) -> str:
    if isinstance(value, float) and value == 0 and math.copysign(1.0, value) < 0:
        return "-0"
    return number_to_string(value)


def _format_primitive(ctx: _Ctx, value: object) -> str:
    if isinstance(value, str):
        trailer = ""
        length = utf16_len(value)
        if length > ctx.max_string_length:
            remaining = length - int(ctx.max_string_length)
            value = utf16_slice(value, 0, int(ctx.max_string_length))
            length = utf16_len(value)
            trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        if (
            ctx.compact is not True
            and length > _MIN_LINE_LENGTH
            and length > ctx.break_length - ctx.indentation_lvl - 4
        ):
            lines = re.split(r"(?<=\n)", value)
            if lines and lines[-1] == "":
                lines.pop()
            return (
                f" +\n{' ' * (ctx.indentation_lvl + 2)}".join(str_escape(line) for line in lines)
                + trailer
            )
        return str_escape(value) + trailer
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    assert isinstance(value, int | float)
    return _format_number(value)


def _is_primitive(value: object) -> bool:
    return value is None or isinstance(value, bool | int | float | str)


def js_constructor_name(value: object) -> str:
    """Return ``value.constructor.name`` for the JS object ``value`` stands for."""
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, list | tuple):
        return "Array"
    if isinstance(value, set | frozenset):
        return "Set"
    if isinstance(value, bytes):
        return "Buffer"
    if isinstance(value, bytearray):
        return "Uint8Array"
    if isinstance(value, memoryview):
        return "DataView"
    if isinstance(value, _ArrayBuffer):
        return "ArrayBuffer"
    if isinstance(value, BaseException):
        if _is_js_error(value):
            return str(getattr(type(value), "js_constructor_name"))
        return type(value).__name__
    if callable(value):
        return "Function"
    if type(value) is object or isinstance(value, types.SimpleNamespace):
        return "Object"
    return type(value).__name__


class _NonEnumerableKey(str):
    """A property util.inspect shows as ``[key]`` (an Error's ``cause`` and ``errors``)."""

    __slots__ = ()


class _ArrayBuffer:
    """The ``buffer`` of a DataView (memoryview), rendered as Node renders an ArrayBuffer."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data


def _hex_bytes(data: bytes, max_length: float) -> str:
    shown = data[: int(min(max_length, len(data)))]
    out = " ".join(f"{b:02x}" for b in shown)
    remaining = len(data) - int(max_length)
    if remaining > 0:
        out += f" ... {remaining} more byte{'s' if remaining > 1 else ''}"
    return out


def _own_keys(value: object) -> list[tuple[str, object]]:
    """Own enumerable properties, in JS order, of an Object, Error or class instance."""
    if isinstance(value, dict):
        items = [(k if isinstance(k, str) else js_string(k), v) for k, v in value.items()]
    else:
        js_keys = getattr(type(value), "_js_own_keys", None)
        if callable(js_keys):
            names = js_keys(value)
        else:
            try:
                names = [k for k in vars(value) if isinstance(k, str) and not k.startswith("_")]
            except TypeError:
                names = []
        items = []
        for name in names:
            try:
                items.append((name, getattr(value, name)))
            except AttributeError:
                continue
    # Integer-like keys come first, in ascending order, as in any JS object.
    index_keys = [
        (k, v) for k, v in items if _ARRAY_INDEX_RE.match(k) is not None and int(k) < 2**32 - 1
    ]
    if not index_keys:
        return items
    index_keys.sort(key=lambda kv: int(kv[0]))
    index_names = {k for k, _ in index_keys}
    return index_keys + [(k, v) for k, v in items if k not in index_names]


def _format_value(ctx: _Ctx, value: object, recurse_times: int) -> str:
    if _is_primitive(value):
        return _format_primitive(ctx, value)

    # Looked up on the type, like a special method (a __getattr__ must not fake it).
    custom = getattr(type(value), CUSTOM_INSPECT, None)
    if callable(custom) and not isinstance(value, type):
        custom = custom.__get__(value, type(value))
        depth = None if ctx.depth is None else ctx.depth - recurse_times
        options = {
            "depth": depth,
            "compact": ctx.compact,
            "breakLength": ctx.break_length,
            "maxArrayLength": ctx.max_array_length,
            "maxStringLength": ctx.max_string_length,
        }
        ret = custom(depth, options, inspect)
        if ret is not value:
            if not isinstance(ret, str):
                return _format_value(ctx, ret, recurse_times)
            return ret.replace("\n", f"\n{' ' * ctx.indentation_lvl}")

    if any(seen is value for seen in ctx.seen):
        index = ctx.circular.get(id(value))
        if index is None:
            index = len(ctx.circular) + 1
            ctx.circular[id(value)] = index
        return f"[Circular *{index}]"

    return _format_raw(ctx, value, recurse_times)


def _function_base(value: object, constructor: str) -> str:
    if isinstance(value, type):
        base = f"[class {value.__name__}"
        parent = value.__bases__[0] if value.__bases__ else object
        if parent is not object:
            base += f" extends {parent.__name__}"
        return base + "]"
    kind = "Function"
    if _pyinspect.isgeneratorfunction(value) or _pyinspect.isasyncgenfunction(value):
        kind = f"Generator{kind}"
    if _pyinspect.iscoroutinefunction(value) or _pyinspect.isasyncgenfunction(value):
        kind = f"Async{kind}"
    name = js_function_name(value)
    base = f"[{kind}" + (" (anonymous)" if name == "" else f": {name}") + "]"
    if constructor not in (kind, "Function"):
        base += f" {constructor}"
    return base


def _stack_string(err: BaseException) -> str:
    stack = getattr(err, "stack", None) if _is_js_error(err) else None
    if isinstance(stack, str) and stack:
        return stack
    return js_error_to_string(err)


def _improve_stack(stack: str, constructor: str, name: str) -> str:
    length = len(name)
    if (
        name.endswith("Error")
        and stack.startswith(name)
        and (len(stack) == length or stack[length] in (":", "\n"))
    ):
        prefix = constructor
        if name != prefix:
            if name in prefix:
                stack = f"{prefix}: {stack}" if length == 0 else f"{prefix}{stack[length:]}"
            else:
                stack = f"{prefix} [{name}]{stack[length:]}"
    return stack


def _format_error(
    ctx: _Ctx, err: BaseException, constructor: str, keys: list[tuple[str, object]]
) -> str:
    name = js_error_name(err)
    stack = _stack_string(err)
    # removeDuplicateErrorKeys: hide name/message/stack if the stack already shows them.
    for dup in ("name", "message", "stack"):
        for i, (k, v) in enumerate(keys):
            if k == dup and js_string(v) in stack:
                del keys[i]
                break
    names = {k for k, _ in keys}
    if hasattr(err, "cause") and "cause" not in names:
        keys.append((_NonEnumerableKey("cause"), getattr(err, "cause", None)))
    errors = getattr(err, "errors", None)
    if isinstance(errors, list) and "errors" not in names:
        keys.append((_NonEnumerableKey("errors"), errors))
    stack = _improve_stack(stack, constructor, name)
    message = str(err)
    pos = stack.find(message) if message else -1
    if pos != -1:
        pos += len(message)
    if stack.find("\n    at", pos) == -1:
        stack = f"[{stack}]"
    if ctx.indentation_lvl != 0:
        stack = stack.replace("\n", f"\n{' ' * ctx.indentation_lvl}")
    return stack


def _format_raw(ctx: _Ctx, value: object, recurse_times: int) -> str:
    constructor = js_constructor_name(value)
    keys: list[tuple[str, object]] = []
    # Node 24's extraKeys: getters shown as `[byteLength]: 2` before the own keys.
    extra_keys: list[tuple[str, object]] = []
    base = ""
    braces = ["{", "}"]
    extras_type = _K_OBJECT_TYPE
    formatter: Callable[[int], list[str]] = lambda _rt: []

    if isinstance(value, bytes):
        # Buffer.prototype[util.inspect.custom]
        return f"<Buffer {_hex_bytes(value, _INSPECT_MAX_BYTES)}>"
    if isinstance(value, list | tuple):
        seq: Sequence[object] = value
        if len(seq) == 0:
            return "[]"
        braces = ["[", "]"]
        extras_type = _K_ARRAY_EXTRAS_TYPE
        formatter = lambda rt: _format_array(ctx, seq, rt)

    elif isinstance(value, set | frozenset):
        members: Iterable[object] = value
        prefix = f"Set({len(value)}) "
        if len(value) == 0:
            return f"{prefix}{{}}"
        braces = [f"{prefix}{{", "}"]
        size = len(value)
        formatter = lambda rt: _format_set(ctx, members, size, rt)

    elif isinstance(value, bytearray):
        data = bytes(value)
        braces = [f"Uint8Array({len(data)}) [", "]"]
        if len(data) == 0:
            return f"{braces[0]}]"
        extras_type = _K_ARRAY_EXTRAS_TYPE
        formatter = lambda _rt: _format_typed_array(ctx, data)

    elif callable(value) and not isinstance(value, BaseException):
        base = _function_base(value, constructor)
        # A function's own properties (`fn.listener = ...`): a plain function's attributes,
        # or what a callable class declares in `_js_own_keys` (events' once wrapper).
        if isinstance(value, types.FunctionType) or callable(
            getattr(type(value), "_js_own_keys", None)
        ):
            keys = _own_keys(value)
        if not keys:
            return base
    elif isinstance(value, BaseException):
        keys = _own_keys(value)
        base = _format_error(ctx, value, constructor, keys)
        if not keys:
            return base
    elif isinstance(value, memoryview):
        data = value.tobytes()
        braces[0] = "DataView {"
        # .buffer goes last, it's not a primitive like the others.
        extra_keys = [
            ("byteLength", value.nbytes),
            ("byteOffset", 0),
            ("buffer", _ArrayBuffer(data)),
        ]
    elif isinstance(value, _ArrayBuffer):
        array_buffer = value
        braces[0] = "ArrayBuffer {"
        extra_keys = [("byteLength", len(value.data))]
        contents = f"[Uint8Contents]: <{_hex_bytes(array_buffer.data, ctx.max_array_length)}>"
        formatter = lambda _rt: [contents]

    else:
        keys = _own_keys(value)
        prefix = "" if constructor == "Object" else f"{constructor} "
        if not keys:
            return f"{prefix}{{}}"
        braces[0] = f"{prefix}{{"

    if ctx.beyond_depth(recurse_times):
        return f"[{constructor}]"
    recurse_times += 1
    ctx.seen.append(value)
    ctx.current_depth = recurse_times
    output = formatter(recurse_times)
    for key, item in extra_keys:
        output.append(_format_extra_properties(ctx, key, item, recurse_times))
    for key, item in keys:
        output.append(_format_property(ctx, key, item, recurse_times, extras_type))
    index = ctx.circular.get(id(value))
    if index is not None:
        reference = f"<ref *{index}>"
        if ctx.compact is not True:
            base = reference if base == "" else f"{reference} {base}"
        else:
            braces[0] = f"{reference} {braces[0]}"
    ctx.seen.pop()
    return _reduce_to_single_string(ctx, output, base, braces, extras_type, recurse_times, value)


def _format_extra_properties(ctx: _Ctx, key: str, value: object, recurse_times: int) -> str:
    """Node's formatExtraProperties (Node 24)."""
    ctx.indentation_lvl += 2
    text = _format_value(ctx, value, recurse_times)
    ctx.indentation_lvl -= 2
    # These entries are mainly getters. Should they be formatted like getters?
    return f"[{key}]: {text}"


def _format_property(
    ctx: _Ctx, key: str | None, value: object, recurse_times: int, kind: int
) -> str:
    diff = 2 if (ctx.compact is not True or kind != _K_OBJECT_TYPE) else 3
    ctx.indentation_lvl += diff
    text = _format_value(ctx, value, recurse_times)
    extra = " "
    if diff == 3 and ctx.break_length < _string_width(text):
        extra = f"\n{' ' * ctx.indentation_lvl}"
    ctx.indentation_lvl -= diff
    if kind == _K_ARRAY_TYPE or key is None:
        return text
    if isinstance(key, _NonEnumerableKey):
        name = f"[{str_escape(key)[1:-1]}]"
    elif key == "__proto__":
        name = "['__proto__']"
    elif _KEY_STR_RE.match(key) is not None:
        name = key
    else:
        name = str_escape(key)
    return f"{name}:{extra}{text}"


def _remaining_text(remaining: int) -> str:
    return f"... {remaining} more item{'s' if remaining > 1 else ''}"


def _format_array(ctx: _Ctx, value: Sequence[object], recurse_times: int) -> list[str]:
    length = int(min(max(0, ctx.max_array_length), len(value)))
    remaining = len(value) - length
    output = [
        _format_property(ctx, None, value[i], recurse_times, _K_ARRAY_TYPE) for i in range(length)
    ]
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _format_set(ctx: _Ctx, value: Iterable[object], size: int, recurse_times: int) -> list[str]:
    max_length = int(min(max(0, ctx.max_array_length), size))
    remaining = size - max_length
    output: list[str] = []
    ctx.indentation_lvl += 2
    for i, item in enumerate(value):
        if i >= max_length:
            break
        output.append(_format_value(ctx, item, recurse_times))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    ctx.indentation_lvl -= 2
    return output


def _format_typed_array(ctx: _Ctx, data: bytes) -> list[str]:
    max_length = int(min(max(0, ctx.max_array_length), len(data)))
    remaining = len(data) - max_length
    output = [str(b) for b in data[:max_length]]
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def _is_full_width(code: int) -> bool:
    return unicodedata.east_asian_width(chr(code)) in ("F", "W")


def _is_zero_width(code: int) -> bool:
    return (
        code <= 0x1F
        or 0x7F <= code <= 0x9F
        or 0x300 <= code <= 0x36F
        or 0x200B <= code <= 0x200F
        or 0x20D0 <= code <= 0x20FF
        or 0xFE00 <= code <= 0xFE0F
        or 0xFE20 <= code <= 0xFE2F
        or 0xE0100 <= code <= 0xE01EF
    )


def _string_width(s: str) -> int:
    """``getStringWidth``: columns needed to show ``s`` (ANSI escapes removed)."""
    s = unicodedata.normalize("NFC", _ANSI_RE.sub("", s))
    if s.isascii():
        return sum(1 for ch in s if ord(ch) >= 32 and ord(ch) != 0x7F)
    width = 0
    for ch in s:
        code = ord(ch)
        if _is_full_width(code):
            width += 2
        elif not _is_zero_width(code):
            width += 1
    return width


def _js_round(x: float) -> int:
    return math.floor(x + 0.5)


def _group_array_elements(ctx: _Ctx, output: list[str], value: object) -> list[str]:
    total_length = 0
    max_length = 0
    output_length = len(output)
    if ctx.max_array_length < len(output):
        # The "... n more items" entry does not take part.
        output_length -= 1
    separator_space = 2  # a comma and a space
    data_len = [0] * output_length
    for i in range(output_length):
        length = _string_width(output[i])
        data_len[i] = length
        total_length += length + separator_space
        max_length = max(max_length, length)
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < ctx.break_length and (
        total_length / actual_max > 5 or max_length <= 6
    ):
        approx_char_heights = 2.5
        average_bias = math.sqrt(actual_max - total_length / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round(math.sqrt(approx_char_heights * biased_max * output_length) / biased_max),
            math.floor((ctx.break_length - ctx.indentation_lvl) / actual_max),
            int(ctx.compact) * 4,
            15,
        )
        if columns <= 1:
            return output
        max_line_length: list[int] = []
        for i in range(columns):
            line_max = 0
            for j in range(i, len(output), columns):
                if j < output_length and data_len[j] > line_max:
                    line_max = data_len[j]
            max_line_length.append(line_max + separator_space)
        pad_start = True
        if isinstance(value, list | tuple):
            for i in range(len(output)):
                if i >= len(value) or not is_js_number(value[i]):
                    pad_start = False
                    break
        elif not isinstance(value, bytearray | bytes):
            pad_start = False
        tmp: list[str] = []
        for i in range(0, output_length, columns):
            max_i = min(i + columns, output_length)
            line = ""
            j = i
            while j < max_i - 1:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = f"{output[j]}, "
                line += cell.rjust(padding) if pad_start else cell.ljust(padding)
                j += 1
            if pad_start:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                line += output[j].rjust(padding)
            else:
                line += output[j]
            tmp.append(line)
        if ctx.max_array_length < len(output):
            tmp.append(output[output_length])
        output = tmp
    return output


def _is_below_break_length(ctx: _Ctx, output: list[str], start: int, base: str) -> bool:
    total_length = len(output) + start
    if total_length + len(output) > ctx.break_length:
        return False
    for entry in output:
        total_length += utf16_len(entry)
        if total_length > ctx.break_length:
            return False
    return base == "" or "\n" not in base


def _reduce_to_single_string(
    ctx: _Ctx,
    output: list[str],
    base: str,
    braces: list[str],
    extras_type: int,
    recurse_times: int,
    value: object,
) -> str:
    if ctx.compact is not True:
        if not isinstance(ctx.compact, bool) and ctx.compact >= 1:
            entries = len(output)
            if extras_type == _K_ARRAY_EXTRAS_TYPE and entries > 6:
                output = _group_array_elements(ctx, output, value)
            if ctx.current_depth - recurse_times < ctx.compact and entries == len(output):
                start = len(output) + ctx.indentation_lvl + len(braces[0]) + len(base) + 10
                if _is_below_break_length(ctx, output, start, base):
                    joined = ", ".join(output)
                    if "\n" not in joined:
                        return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
        indentation = f"\n{' ' * ctx.indentation_lvl}"
        return (
            f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
            f"{f',{indentation}  '.join(output)}{indentation}{braces[1]}"
        )
    # compact: true
    if _is_below_break_length(ctx, output, 0, base):
        return f"{braces[0]}{' ' + base if base else ''} {', '.join(output)} {braces[1]}"
    indentation = " " * ctx.indentation_lvl
    if base == "" and len(braces[0]) == 1:
        ln = " "
    else:
        ln = f"{' ' + base if base else ''}\n{indentation}  "
    return f"{braces[0]}{ln}{f',{chr(10)}{indentation}  '.join(output)} {braces[1]}"


# --- util.format -----------------------------------------------------------------------


def _has_builtin_to_string(value: object) -> bool:
    # A Python class with its own __str__ plays an object with its own toString().
    if isinstance(value, BaseException):
        return True
    # bytes (Buffer) and bytearray (Uint8Array) are not here: their toString is not a
    # built-in's, so util.format('%s', buf) is String(buf) ('\x00ab', '1,2').
    return type(value).__str__ is object.__str__ or isinstance(
        value, dict | list | tuple | set | frozenset | memoryview
    )


def _parse_int(value: object) -> float:
    """JS ``parseInt(String(value))`` (radix 10 unless the string says 0x)."""
    s = js_string(value).strip()
    m = re.match(r"^([+-]?)(0[xX][0-9a-fA-F]+|\d+)", s)
    if m is None:
        return math.nan
    digits = m.group(2)
    n = int(digits, 16) if digits[:2].lower() == "0x" else int(digits)
    return float(-n if m.group(1) == "-" else n)


def _parse_float(value: object) -> float:
    """JS ``parseFloat(String(value))``."""
    s = js_string(value).lstrip()
    m = re.match(r"^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)", s)
    if m is None:
        return math.nan
    text = m.group(0)
    if text.lstrip("+-") == "Infinity":
        return -math.inf if text.startswith("-") else math.inf
    return float(text)


def _json_stringify(value: object, seen: list[object]) -> str | None:
    """JS ``JSON.stringify(value)`` for JSON-like Python values (None = undefined)."""
    if value is None or callable(value):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_to_string(value) if math.isfinite(_as_js_float(value)) else "null"
    if isinstance(value, str):
        return json_stringify_string(value)
    if any(v is value for v in seen):
        raise ValueError("circular")
    seen.append(value)
    try:
        if isinstance(value, list | tuple):
            items = [_json_stringify(v, seen) for v in value]
            return "[" + ",".join("null" if v is None else v for v in items) + "]"
        pairs = value.items() if isinstance(value, dict) else _own_keys(value)
        out = []
        for k, v in pairs:
            text = _json_stringify(v, seen)
            if text is not None:
                out.append(f"{json_stringify_string(js_string(k))}:{text}")
        return "{" + ",".join(out) + "}"
    finally:
        seen.pop()


def _try_stringify(value: object) -> str:
    try:
        text = _json_stringify(value, [])
    except ValueError:
        return "[Circular]"
    return "undefined" if text is None else text


def format(fmt: object, *args: object) -> str:
    """Return ``util.format(fmt, ...args)``: %s %d %i %f %j %o %O %c %% as Node does.

    Node: ``util.format()`` (``formatWithOptionsInternal``).
    """
    all_args: tuple[object, ...] = (fmt, *args)
    a = 0
    out = ""
    join = ""
    if isinstance(fmt, str):
        if not args:
            return fmt
        last_pos = 0
        i = 0
        while i < len(fmt) - 1:
            if fmt[i] == "%":
                i += 1
                next_char = fmt[i]
                if a + 1 != len(all_args):
                    temp: str
                    if next_char == "s":
                        a += 1
                        arg = all_args[a]
                        if is_js_number(arg):
                            temp = _format_number(arg)  # type: ignore[arg-type]
                        elif _is_primitive(arg) or callable(arg) or not _has_builtin_to_string(arg):
                            temp = js_string(arg)
                        else:
                            temp = inspect(arg, depth=0, compact=3)
                    elif next_char == "j":
                        a += 1
                        temp = _try_stringify(all_args[a])
                    elif next_char == "d":
                        a += 1
                        temp = _format_number(js_number(all_args[a]))
                    elif next_char == "O":
                        a += 1
                        temp = inspect(all_args[a])
                    elif next_char == "o":
                        a += 1
                        temp = inspect(all_args[a], depth=4)
                    elif next_char == "i":
                        a += 1
                        temp = _format_number(_parse_int(all_args[a]))
                    elif next_char == "f":
                        a += 1
                        temp = _format_number(_parse_float(all_args[a]))
                    elif next_char == "c":
                        a += 1
                        temp = ""
                    elif next_char == "%":
                        out += fmt[last_pos:i]
                        last_pos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last_pos != i - 1:
                        out += fmt[last_pos : i - 1]
                    out += temp
                    last_pos = i + 1
                elif next_char == "%":
                    out += fmt[last_pos:i]
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < len(fmt):
                out += fmt[last_pos:]
    while a < len(all_args):
        value = all_args[a]
        out += join
        out += value if isinstance(value, str) else inspect(value)
        join = " "
        a += 1
    return out
