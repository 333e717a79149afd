"""Port of Node.js lib/internal/validators.js: argument validation with Node's errors.

Each ``validate_*`` checks a value the way Node does and raises the same ``ERR_*`` error
with the same message. JS typing rules apply (docs/python-rules.md): ``int`` and ``float`` are
numbers, ``bool`` is not a number, ``None`` is ``undefined``, ``list``/``tuple`` are
Arrays, ``dict`` and other objects are objects, callables are functions, ``bytes``/
``bytearray``/``memoryview`` are ArrayBufferViews.

DIVERGENCE: Node keeps this file in lib/internal/, below nothing; here it sits beside
``errors.py`` instead of in ``_internal/`` because in our layering ``_internal`` is below
``errors`` (docs/design.md) and every validator raises an ``ERR_*`` error.
"""

from __future__ import annotations

import inspect as _pyinspect
import math
import re
import signal as _signal
import types as _types
from collections.abc import Mapping, Sequence
from typing import Any, Final

from nodenet_uv._internal.buffer import normalize_encoding
from nodenet_uv._internal.inspect import is_js_number, js_number, js_string, js_trim, js_typeof
from nodenet_uv.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_BAD_PORT,
    ERR_UNKNOWN_SIGNAL,
)

__all__ = [
    "K_VALIDATE_OBJECT_ALLOW_ARRAY",
    "K_VALIDATE_OBJECT_ALLOW_FUNCTION",
    "K_VALIDATE_OBJECT_ALLOW_NULLABLE",
    "K_VALIDATE_OBJECT_ALLOW_OBJECTS",
    "K_VALIDATE_OBJECT_ALLOW_OBJECTS_AND_NULL",
    "K_VALIDATE_OBJECT_NONE",
    "check_ranges_or_get_default",
    "is_int32",
    "is_uint32",
    "js_number",
    "normalize_encoding",
    "parse_file_mode",
    "to_int32",
    "to_uint32",
    "validate_abort_signal",
    "validate_abort_signal_array",
    "validate_array",
    "validate_boolean",
    "validate_boolean_array",
    "validate_buffer",
    "validate_dictionary",
    "validate_encoding",
    "validate_finite_number",
    "validate_function",
    "validate_int32",
    "validate_integer",
    "validate_number",
    "validate_object",
    "validate_one_of",
    "validate_plain_function",
    "validate_port",
    "validate_signal_name",
    "validate_string",
    "validate_string_array",
    "validate_string_without_null_bytes",
    "validate_uint32",
    "validate_undefined",
    "validate_union",
]

NUMBER_MIN_SAFE_INTEGER: Final = -(2**53 - 1)
NUMBER_MAX_SAFE_INTEGER: Final = 2**53 - 1


# --- JS number helpers ------------------------------------------------------------------


def to_int32(value: object) -> int:
    """Return JS ``value | 0`` (ToInt32 of ``Number(value)``)."""
    n = to_uint32(value)
    return n - 2**32 if n >= 2**31 else n


def to_uint32(value: object) -> int:
    """Return JS ``value >>> 0`` (ToUint32 of ``Number(value)``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value % 2**32
    number = js_number(value)
    if math.isnan(number) or math.isinf(number):
        return 0
    return math.trunc(number) % 2**32


# The smallest int that float() rounds to Infinity (OverflowError): 2**1024 - 2**970.
_DOUBLE_OVERFLOW: Final = 2**1024 - 2**970


def _is_integer(value: object) -> bool:
    """JS ``Number.isInteger(value)``."""
    if isinstance(value, int) and not isinstance(value, bool):
        # An int beyond the double range (it rounds to Infinity, as JS's Number() of it
        # does) is not an integer.
        return -_DOUBLE_OVERFLOW < value < _DOUBLE_OVERFLOW
    return isinstance(value, float) and math.isfinite(value) and value == math.trunc(value)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _same_value_zero(a: object, b: object) -> bool:
    """JS SameValueZero (``Array.prototype.includes``)."""
    kind = js_typeof(a)
    if kind != js_typeof(b):
        return False
    if kind == "number":
        return (_is_nan(a) and _is_nan(b)) or a == b
    if kind in ("string", "boolean", "undefined"):
        return a == b
    return a is b


def is_int32(value: object) -> bool:
    """JS ``value === (value | 0)``. Node: ``isInt32``."""
    return is_js_number(value) and value == to_int32(value)


def is_uint32(value: object) -> bool:
    """JS ``value === (value >>> 0)``. Node: ``isUint32``."""
    return is_js_number(value) and value == to_uint32(value)


_OCTAL_RE: Final = re.compile(r"^[0-7]+$")
_MODE_DESC: Final = "must be a 32-bit unsigned integer or an octal string"


def parse_file_mode(value: object, name: str, default: object = None) -> int:
    """Validate a mode_t: a uint32 or an octal string; returns the number.

    Node: ``parseFileMode(value, name, def)``.
    """
    if value is None:
        value = default
    if isinstance(value, str):
        if _OCTAL_RE.match(value) is None:
            raise ERR_INVALID_ARG_VALUE(name, value, _MODE_DESC)
        value = int(value, 8)
    validate_uint32(value, name)
    assert isinstance(value, int | float)
    # Coerce -0 to +0.
    return int(value)


# --- validators -------------------------------------------------------------------------


def validate_integer(
    value: object,
    name: str,
    min: float = NUMBER_MIN_SAFE_INTEGER,
    max: float = NUMBER_MAX_SAFE_INTEGER,
) -> None:
    """Node: ``validateInteger(value, name, min, max)``."""
    if not is_js_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if not _is_integer(value):
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    assert isinstance(value, int | float)
    if value < min or value > max:
        raise ERR_OUT_OF_RANGE(name, f">= {js_string(min)} && <= {js_string(max)}", value)


def validate_int32(
    value: object, name: str, min: float = -2147483648, max: float = 2147483647
) -> None:
    """Node: ``validateInt32(value, name, min, max)``."""
    # The defaults for min and max correspond to the limits of 32-bit integers.
    if not is_js_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if not _is_integer(value):
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    assert isinstance(value, int | float)
    if value < min or value > max:
        raise ERR_OUT_OF_RANGE(name, f">= {js_string(min)} && <= {js_string(max)}", value)


def validate_uint32(value: object, name: str, positive: bool = False) -> None:
    """Node: ``validateUint32(value, name, positive)``."""
    if not is_js_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if not _is_integer(value):
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    assert isinstance(value, int | float)
    minimum = 1 if positive else 0
    maximum = 4_294_967_295  # 2 ** 32 - 1
    if value < minimum or value > maximum:
        raise ERR_OUT_OF_RANGE(name, f">= {minimum} && <= {maximum}", value)


def validate_string(value: object, name: str) -> None:
    """Node: ``validateString(value, name)``."""
    if not isinstance(value, str):
        raise ERR_INVALID_ARG_TYPE(name, "string", value)


def validate_string_without_null_bytes(value: object, name: str) -> None:
    """Node: ``validateStringWithoutNullBytes(value, name)`` (Node 22+)."""
    validate_string(value, name)
    assert isinstance(value, str)
    if "\u0000" in value:
        raise ERR_INVALID_ARG_VALUE(name, value, "must be a string without null bytes")


def validate_number(
    value: object, name: str, min: float | None = None, max: float | None = None
) -> None:
    """Node: ``validateNumber(value, name, min, max)``."""
    if not is_js_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    assert isinstance(value, int | float)
    if (
        (min is not None and value < min)
        or (max is not None and value > max)
        or ((min is not None or max is not None) and _is_nan(value))
    ):
        lower = f">= {js_string(min)}" if min is not None else ""
        both = " && " if min is not None and max is not None else ""
        upper = f"<= {js_string(max)}" if max is not None else ""
        raise ERR_OUT_OF_RANGE(name, f"{lower}{both}{upper}", value)


def validate_one_of(value: object, name: str, one_of: Sequence[object]) -> None:
    """Node: ``validateOneOf(value, name, oneOf)``."""
    if not any(_same_value_zero(value, v) for v in one_of):
        allowed = ", ".join(f"'{v}'" if isinstance(v, str) else js_string(v) for v in one_of)
        reason = "must be one of: " + allowed
        raise ERR_INVALID_ARG_VALUE(name, value, reason)


def validate_boolean(value: object, name: str) -> None:
    """Node: ``validateBoolean(value, name)``."""
    if not isinstance(value, bool):
        raise ERR_INVALID_ARG_TYPE(name, "boolean", value)


K_VALIDATE_OBJECT_NONE: Final = 0
K_VALIDATE_OBJECT_ALLOW_NULLABLE: Final = 1 << 0
K_VALIDATE_OBJECT_ALLOW_ARRAY: Final = 1 << 1
K_VALIDATE_OBJECT_ALLOW_FUNCTION: Final = 1 << 2
K_VALIDATE_OBJECT_ALLOW_OBJECTS: Final = (
    K_VALIDATE_OBJECT_ALLOW_ARRAY | K_VALIDATE_OBJECT_ALLOW_FUNCTION
)
K_VALIDATE_OBJECT_ALLOW_OBJECTS_AND_NULL: Final = (
    K_VALIDATE_OBJECT_ALLOW_NULLABLE
    | K_VALIDATE_OBJECT_ALLOW_ARRAY
    | K_VALIDATE_OBJECT_ALLOW_FUNCTION
)


def _is_array(value: object) -> bool:
    return isinstance(value, list | tuple)


def validate_object(value: object, name: str, options: int = K_VALIDATE_OBJECT_NONE) -> None:
    """Node: ``validateObject(value, name, options)``.

    ``None`` is JS undefined, never null, so it is always rejected; the
    ``K_VALIDATE_OBJECT_ALLOW_NULLABLE`` flag has no Python twin to let through.
    """
    if options == K_VALIDATE_OBJECT_NONE:
        if type(value) is dict:
            return  # not an array, and js_typeof says "object": the common case
        if _is_array(value) or js_typeof(value) != "object":
            raise ERR_INVALID_ARG_TYPE(name, "Object", value)
    else:
        if (K_VALIDATE_OBJECT_ALLOW_ARRAY & options) == 0 and _is_array(value):
            raise ERR_INVALID_ARG_TYPE(name, "Object", value)
        throw_on_function = (K_VALIDATE_OBJECT_ALLOW_FUNCTION & options) == 0
        kind = js_typeof(value)
        if kind != "object" and (throw_on_function or kind != "function"):
            raise ERR_INVALID_ARG_TYPE(name, "Object", value)


def validate_dictionary(value: object, name: str) -> None:
    """Node: ``validateDictionary(value, name)`` (undefined, an object or a function)."""
    if value is not None and js_typeof(value) not in ("object", "function"):
        raise ERR_INVALID_ARG_TYPE(name, "a dictionary", value)


def validate_array(value: object, name: str, min_length: int = 0) -> None:
    """Node: ``validateArray(value, name, minLength)``."""
    if not isinstance(value, list | tuple):
        raise ERR_INVALID_ARG_TYPE(name, "Array", value)
    if len(value) < min_length:
        reason = f"must have a length of at least {min_length}"
        raise ERR_INVALID_ARG_VALUE(name, value, reason)


def validate_string_array(value: object, name: str) -> None:
    """Node: ``validateStringArray(value, name)``."""
    validate_array(value, name)
    assert isinstance(value, list | tuple)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise ERR_INVALID_ARG_TYPE(f"{name}[{i}]", "string", item)


def validate_boolean_array(value: object, name: str) -> None:
    """Node: ``validateBooleanArray(value, name)``."""
    validate_array(value, name)
    assert isinstance(value, list | tuple)
    for i, item in enumerate(value):
        if not isinstance(item, bool):
            raise ERR_INVALID_ARG_TYPE(f"{name}[{i}]", "boolean", item)


def validate_abort_signal_array(value: object, name: str) -> None:
    """Node: ``validateAbortSignalArray(value, name)``."""
    validate_array(value, name)
    assert isinstance(value, list | tuple)
    for i, signal in enumerate(value):
        indexed_name = f"{name}[{i}]"
        if signal is None:
            raise ERR_INVALID_ARG_TYPE(indexed_name, "AbortSignal", signal)
        validate_abort_signal(signal, indexed_name)


def _signal_names() -> frozenset[str]:
    return frozenset(
        n for n in dir(_signal) if n.startswith("SIG") and not n.startswith("SIG_") and n.isupper()
    )


def validate_signal_name(signal: object, name: str = "signal") -> None:
    """Node: ``validateSignalName(signal, name)``."""
    validate_string(signal, name)
    assert isinstance(signal, str)
    names = _signal_names()
    if signal not in names:
        if signal.upper() in names:
            raise ERR_UNKNOWN_SIGNAL(signal + " (signals must use all capital letters)")
        raise ERR_UNKNOWN_SIGNAL(signal)


def validate_buffer(buffer: object, name: str = "buffer") -> None:
    """Node: ``validateBuffer(buffer, name)``: bytes, bytearray or memoryview."""
    if not isinstance(buffer, bytes | bytearray | memoryview):
        raise ERR_INVALID_ARG_TYPE(name, ["Buffer", "TypedArray", "DataView"], buffer)


def validate_encoding(data: str | bytes | bytearray | memoryview, encoding: object) -> None:
    """Node: ``validateEncoding(data, encoding)`` (hex data must have an even length)."""
    length = len(data)
    if normalize_encoding(encoding) == "hex" and length % 2 != 0:
        raise ERR_INVALID_ARG_VALUE("encoding", encoding, f"is invalid for data of length {length}")


def validate_port(port: object, name: str = "Port", allow_zero: bool = True) -> int:
    """Check a port as Node does and return it as an int.

    Numbers and numeric strings (``'80'``, ``' 80 '``, ``'0x50'``, ``'1e3'``) are accepted
    when they convert (JS ``+port``) to an integer in 0..65535; ``''``, whitespace, NaN,
    fractions, negatives, > 0xFFFF, bools and other types raise ``ERR_SOCKET_BAD_PORT``.

    Node: ``validatePort(port, name, allowZero)``.
    """
    is_number = is_js_number(port)
    number = js_number(port) if is_number or isinstance(port, str) else math.nan
    if (
        (not is_number and not isinstance(port, str))
        or (isinstance(port, str) and len(js_trim(port)) == 0)
        or number != to_uint32(number)
        or number > 0xFFFF
        or (number == 0 and not allow_zero)
    ):
        raise ERR_SOCKET_BAD_PORT(name, port, allow_zero)
    return to_int32(number)


def validate_abort_signal(signal: object, name: str) -> None:
    """Node: ``validateAbortSignal(signal, name)``: undefined or an object with ``aborted``."""
    if signal is not None and (
        js_typeof(signal) != "object"
        or not (
            ("aborted" in signal) if isinstance(signal, Mapping) else hasattr(signal, "aborted")
        )
    ):
        raise ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal)


# Callable types that are never None, bool, a number or a str (js_typeof: "function").
PLAIN_FUNCTION_TYPES: Final = frozenset(
    (_types.FunctionType, _types.MethodType, _types.BuiltinFunctionType)
)


def validate_function(value: object, name: str) -> None:
    """Node: ``validateFunction(value, name)``."""
    if type(value) in PLAIN_FUNCTION_TYPES:
        return  # js_typeof is "function" for these: skip the call on the common case
    if js_typeof(value) != "function":
        raise ERR_INVALID_ARG_TYPE(name, "Function", value)


def validate_plain_function(value: object, name: str) -> None:
    """Node: ``validatePlainFunction(value, name)`` (a function, not an async one)."""
    if js_typeof(value) != "function" or _pyinspect.iscoroutinefunction(value):
        raise ERR_INVALID_ARG_TYPE(name, "Function", value)


def validate_undefined(value: object, name: str) -> None:
    """Node: ``validateUndefined(value, name)``."""
    if value is not None:
        raise ERR_INVALID_ARG_TYPE(name, "undefined", value)


def validate_union(value: object, name: str, union: Sequence[object]) -> None:
    """Node: ``validateUnion(value, name, union)``."""
    if not any(_same_value_zero(value, v) for v in union):
        joined = "|".join("" if v is None else js_string(v) for v in union)
        raise ERR_INVALID_ARG_TYPE(name, f"('{joined}')", value)


def validate_finite_number(number: object, name: str) -> bool:
    """True for a finite number, False for undefined or NaN; raises otherwise.

    Node: ``validateFiniteNumber(number, name)``.
    """
    if number is None:
        return False
    if is_js_number(number) and math.isfinite(js_number(number)):
        return True
    if _is_nan(number):
        return False
    validate_number(number, name)
    # Infinite numbers
    raise ERR_OUT_OF_RANGE(name, "a finite number", number)


def check_ranges_or_get_default(
    number: object, name: str, lower: float, upper: float, default: Any
) -> Any:
    """Return ``number`` if in ``lower..upper``, ``default`` for undefined/NaN; else raise.

    Node: ``checkRangesOrGetDefault(number, name, lower, upper, def)``.
    """
    if not validate_finite_number(number, name):
        return default
    assert isinstance(number, int | float)
    if number < lower or number > upper:
        raise ERR_OUT_OF_RANGE(name, f">= {js_string(lower)} and <= {js_string(upper)}", number)
    return number
