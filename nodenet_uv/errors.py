"""Port of Node.js lib/internal/errors.js: Node's error codes and system errors.

Three families, as in Node:

* ``ERR_*`` codes, declared once each with :func:`E` in the alphabetical table below. Each
  code is a class named exactly like the code and constructed with Node's arguments:
  ``raise ERR_INVALID_ARG_TYPE('port', ['number', 'string'], True)``. The base decides the
  Python family: :class:`NodeTypeError` is a ``TypeError``, :class:`NodeRangeError` a
  ``ValueError``, :class:`NodeError` an ``Exception``. ``err.code`` is the code, ``err.name``
  Node's ``name`` ('TypeError'), ``str(err)`` and ``err.message`` Node's ``err.message``.
* System errors built from a libuv code (``ErrnoException``, ``ExceptionWithHostPort``,
  ``UVException``, ``UVExceptionWithHostPort``, ``DNSException``): instances of the
  matching builtin ``OSError`` subclass (``ConnectionRefusedError`` for ECONNREFUSED, ...;
  ``socket.gaierror`` for DNS errors) with Node's ``code``, ``errno`` (negative libuv value),
  ``syscall``, ``address``/``port``/``hostname`` where Node sets them, and Node's message.
* ``AbortError``, ``AggregateError``/``NodeAggregateError``, ``genericNodeError``.

Every class here derives from :class:`JsError`, the Python twin of a JS ``Error`` object:
``str(err)`` is the message, ``err.name``/``err.stack``/``err.to_string()`` behave as in JS,
and any property can be added (``err.context = er``); ``util.inspect`` shows the properties
in the order they were set, as Node does.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeVar, cast

from nodenet_uv._binding import uv
from nodenet_uv._internal import buffer as _buffer
from nodenet_uv._internal import promise as _promise_module
from nodenet_uv._internal.inspect import format as _util_format
from nodenet_uv._internal.inspect import (
    inspect,
    is_js_number,
    js_constructor_name,
    js_error_to_string,
    js_function_name,
    js_number,
    js_string,
    js_truthy,
    json_stringify_string,
    number_to_string,
    utf16_len,
    utf16_slice,
)
from nodenet_uv._internal.naming import alias_module

__all__ = [
    "AbortError",
    "AggregateError",
    "ConnResetException",
    "DNSException",
    "E",
    "ErrnoException",
    "ExceptionWithHostPort",
    "JsError",
    "NodeAggregateError",
    "NodeError",
    "NodeRangeError",
    "NodeSyntaxError",
    "NodeSystemErrorBase",
    "NodeTypeError",
    "NodeURIError",
    "UVException",
    "UVExceptionWithHostPort",
    "UnhandledPromiseRejection",
    "aggregateTwoErrors",
    "codes",
    "determineSpecificType",
    "formatList",
    "genericNodeError",
    "getSystemErrorName",
    "inspect",
    "uvErrmapGet",
]

_NOT_GIVEN: Final[Any] = object()

# Own properties a JS Error creates as non-enumerable: util.inspect does not list them.
_NON_ENUMERABLE: Final = frozenset({"message", "stack", "cause", "errors"})


def _restore_error(cls: Any, message: str, state: dict[str, Any]) -> JsError:
    if isinstance(cls, tuple):
        cls = _system_error_class(*cls)
    err: JsError = cls.__new__(cls, message)
    Exception.__init__(err, message)
    os_errno = state.pop("_os_errno", _NOT_GIVEN)
    err.__dict__.update(state)
    if os_errno is not _NOT_GIVEN:
        err.errno = os_errno
    return err


class JsError(Exception):
    """A JS ``Error`` object: ``new Error(message, {cause})``.

    ``str(err)`` is ``err.message``; ``err.name`` is 'Error' unless a subclass or the
    instance says otherwise; properties may be added freely, as in JS.
    """

    #: What ``err.constructor.name`` says in Node (util.inspect and determineSpecificType).
    js_constructor_name: ClassVar[str] = "Error"
    name: str = "Error"
    message: str

    def __init__(self, message: object = None, options: Mapping[str, Any] | None = None) -> None:
        super().__init__("" if message is None else js_string(message))
        self.message = self.args[0]
        if options is not None and "cause" in options:
            self.cause = options["cause"]

    # JS objects take any property; keep the order they were added in (util.inspect).
    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name.startswith("_") or name in _NON_ENUMERABLE:
            if name == "cause" and isinstance(value, BaseException):
                self.__cause__ = value
            return
        keys: list[str] = self.__dict__.setdefault("_js_keys", [])
        if name not in keys:
            keys.append(name)

    def __delattr__(self, name: str) -> None:
        super().__delattr__(name)
        keys: list[str] = self.__dict__.get("_js_keys", [])
        if name in keys:
            keys.remove(name)

    def __getattr__(self, name: str) -> Any:
        # Only reached for a missing attribute: JS errors are open objects, so the type
        # checker lets code read any property; at run time a missing one still raises.
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _js_own_keys(self) -> list[str]:
        """Own enumerable property names, in JS order (used by util.inspect)."""
        return [k for k in self.__dict__.get("_js_keys", []) if hasattr(self, k)]

    def __str__(self) -> str:
        return self.message

    def to_string(self) -> str:
        """Return JS ``err.toString()`` (``Error.prototype.toString``)."""
        name = "Error" if self.name is None else js_string(self.name)
        message = js_string(self.message)
        if not name:
            return message
        if not message:
            return name
        return f"{name}: {message}"

    def _stack_header(self) -> str:
        return self.to_string()

    @property
    def stack(self) -> str:
        """JS ``err.stack`` without frames (Python keeps its traceback separately)."""
        stack = self.__dict__.get("_stack")
        return stack if isinstance(stack, str) else self._stack_header()

    @stack.setter
    def stack(self, value: str) -> None:
        self.__dict__["_stack"] = value

    def __reduce__(self) -> tuple[Any, ...]:
        state = dict(self.__dict__)
        if isinstance(self, OSError):
            state["_os_errno"] = self.errno
        key: Any = getattr(type(self), "_pickle_key", None) or type(self)
        return (_restore_error, (key, self.message, state))


# --- ERR_* codes -----------------------------------------------------------------------


class NodeError(JsError):
    """Base of every ``ERR_*`` class whose Node base is ``Error``.

    Classes come from :func:`E`; ``NodeError`` itself is not raised.
    """

    code: str
    _code: ClassVar[str]
    _message: ClassVar[str | Callable[..., str]]
    # The variants Node attaches for codes declared with more than one base
    # (``ERR_INVALID_ARG_VALUE.RangeError``); set by E() where Node has them.
    TypeError: ClassVar[type[NodeTypeError]]
    RangeError: ClassVar[type[NodeRangeError]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        key = getattr(type(self), "_code", None)
        if key is None:
            raise TypeError(f"{type(self).__name__} is a base class; raise an ERR_* class")
        # `code = key` is a class field in Node: set before the message is computed.
        self.code = key
        super().__init__(_get_message(key, type(self)._message, self, args, kwargs))

    def to_string(self) -> str:
        return f"{self.name} [{self._code}]: {self.message}"

    def _stack_header(self) -> str:
        return f"{self.name} [{js_string(self.code)}]: {self.message}"


def cppError(cls: type[NodeError], message: str) -> NodeError:
    """An ``ERR_*`` error as Node's C++ layer throws it: the code, with its own message.

    Node: ``THROW_ERR_INVALID_ARG_TYPE(env, "Second argument must be a buffer")``.
    """
    err = cls.__new__(cls)
    err.code = cls._code
    JsError.__init__(err, message)
    return err


class NodeTypeError(NodeError, TypeError):
    """Base of ``ERR_*`` classes whose Node base is ``TypeError``."""

    js_constructor_name = "TypeError"
    name = "TypeError"


class NodeRangeError(NodeError, ValueError):
    """Base of ``ERR_*`` classes whose Node base is ``RangeError``."""

    js_constructor_name = "RangeError"
    name = "RangeError"


class NodeSyntaxError(NodeError, SyntaxError):
    """Base of ``ERR_*`` classes whose Node base is ``SyntaxError``."""

    js_constructor_name = "SyntaxError"
    name = "SyntaxError"

    def __str__(self) -> str:
        return self.message


class NodeURIError(NodeError, ValueError):
    """Base of ``ERR_*`` classes whose Node base is ``URIError``."""

    js_constructor_name = "URIError"
    name = "URIError"


_NodeErrorT = TypeVar("_NodeErrorT", bound=NodeError)

#: Every ERR_* class, by code (Node's ``codes``).
codes: dict[str, type[NodeError]] = {}

_PLACEHOLDER_RE: Final = re.compile(r"%[dfijoOs]")


def _get_expected_argument_length(msg: str) -> int:
    return len(_PLACEHOLDER_RE.findall(msg))


def _get_message(
    key: str,
    msg: str | Callable[..., str],
    this: NodeError,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> str:
    if callable(msg):
        return msg(this, *args, **kwargs)
    expected = _get_expected_argument_length(msg)
    if kwargs or expected != len(args):
        raise ERR_INTERNAL_ASSERTION(
            f"Code: {key}; The provided arguments length ({len(args) + len(kwargs)}) does not "
            f"match the required ones ({expected})."
        )
    if not args:
        return msg
    return _util_format(msg, *args)


def _make_node_error_with_code(
    base: type[_NodeErrorT], key: str, qualname: str
) -> type[_NodeErrorT]:
    namespace = {"_code": key, "__module__": __name__, "__qualname__": qualname}
    return cast("type[_NodeErrorT]", type(key, (base,), namespace))


def E(
    sym: str,
    val: str | Callable[..., str],
    base: type[_NodeErrorT],
    *other_classes: type[NodeError],
) -> type[_NodeErrorT]:
    """Declare an error code: a class named ``sym`` deriving from ``base``.

    Args:
        sym: the code, ``'ERR_...'``.
        val: the message: a string with ``%s``-style placeholders (formatted like
            ``util.format``; the placeholders fix the number of arguments), or a function
            ``(this, *args) -> str`` taking the error first, as Node's ``this``.
        base: :class:`NodeError`, :class:`NodeTypeError`, :class:`NodeRangeError`, ...
        other_classes: further bases, reachable as ``ERR_X.RangeError`` etc.

    Node: ``E(sym, val, def, ...otherClasses)``.
    """
    cls = _make_node_error_with_code(base, sym, sym)
    cls._message = val
    for other in other_classes:
        variant = _make_node_error_with_code(other, sym, f"{sym}.{other.js_constructor_name}")
        variant._message = val
        setattr(cls, other.js_constructor_name, variant)
    codes[sym] = cls
    return cls


# Sorted by a rough estimate on most frequently used entries (internal/errors.js kTypes).
_K_TYPES: Final = (
    "string",
    "function",
    "number",
    "object",
    "Function",
    "Object",
    "boolean",
    "bigint",
    "symbol",
)
_CLASS_RE: Final = re.compile(r"^[A-Z][a-zA-Z0-9]*$")


def determineSpecificType(value: object) -> str:
    """Describe a value for type-mismatch messages: ``type number (1)``, ``undefined``...

    Node: ``determineSpecificType(value)``.
    """
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "type boolean (true)" if value else "type boolean (false)"
    if is_js_number(value):
        assert isinstance(value, int | float)
        if isinstance(value, float) and value == 0:
            return "type number (-0)" if str(value).startswith("-") else "type number (0)"
        return f"type number ({number_to_string(value)})"
    if isinstance(value, str):
        if utf16_len(value) > 28:
            value = f"{utf16_slice(value, 0, 25)}..."
        if "'" not in value:
            return f"type string ('{value}')"
        return f"type string ({json_stringify_string(value)})"
    if callable(value) and not isinstance(value, BaseException):
        return f"function {js_function_name(value)}"
    return f"an instance of {js_constructor_name(value)}"


def formatList(array: list[str], type: str = "and") -> str:
    """Join ``['A', 'B', 'C']`` as ``'A, B, and C'``. Node: ``formatList(array, type)``."""
    if len(array) == 0:
        return ""
    if len(array) == 1:
        return f"{array[0]}"
    if len(array) == 2:
        return f"{array[0]} {type} {array[1]}"
    if len(array) == 3:
        return f"{array[0]}, {array[1]}, {type} {array[2]}"
    return f"{', '.join(array[:-1])}, {type} {array[-1]}"


def _add_numerical_separator(val: str) -> str:
    res = ""
    i = len(val)
    start = 1 if val[0] == "-" else 0
    while i >= start + 4:
        res = f"_{val[i - 3 : i]}{res}"
        i -= 3
    return f"{val[:i]}{res}"


# --- message functions (Node's E(...) callbacks; `this` is the error) -------------------


def _internal_assertion(this: NodeError, message: object = None) -> str:
    suffix = (
        "This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n"
        "Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n"
    )
    return suffix if message is None else f"{js_string(message)}\n{suffix}"


def _invalid_address_family(
    this: NodeError, address_type: object, host: object, port: object
) -> str:
    this.host = host
    this.port = port
    return f"Invalid address family: {js_string(address_type)} {js_string(host)}:{js_string(port)}"


def _invalid_arg_type(this: NodeError, name: str, expected: str | list[str], actual: object) -> str:
    assert isinstance(name, str), "'name' must be a string"
    if not isinstance(expected, list | tuple):
        expected = [expected]
    msg = "The "
    if name.endswith(" argument"):
        # For cases like 'first argument'
        msg += f"{name} "
    else:
        kind = "property" if "." in name else "argument"
        msg += f'"{name}" {kind} '
    msg += "must be "

    types: list[str] = []
    instances: list[str] = []
    other: list[str] = []
    for value in expected:
        assert isinstance(value, str), "All expected entries have to be of type string"
        if value in _K_TYPES:
            types.append(value.lower())
        elif _CLASS_RE.match(value) is not None:
            instances.append(value)
        else:
            assert value != "object", 'The value "object" should be written as "Object"'
            other.append(value)

    # Special handle `object` in case other instances are allowed to outline the
    # differences between each other.
    if instances and "object" in types:
        types.remove("object")
        instances.append("Object")

    if types:
        msg += f"{'one of type' if len(types) > 1 else 'of type'} {formatList(types, 'or')}"
        if instances or other:
            msg += " or "
    if instances:
        msg += f"an instance of {formatList(instances, 'or')}"
        if other:
            msg += " or "
    if other:
        if len(other) > 1:
            msg += f"one of {formatList(other, 'or')}"
        else:
            if other[0].lower() != other[0]:
                msg += "an "
            msg += f"{other[0]}"
    msg += f". Received {determineSpecificType(actual)}"
    return msg


def _invalid_arg_value(
    this: NodeError, name: str, value: object, reason: str = "is invalid"
) -> str:
    inspected = inspect(value)
    if utf16_len(inspected) > 128:
        inspected = f"{utf16_slice(inspected, 0, 128)}..."
    kind = "property" if "." in name else "argument"
    return f"The {kind} '{name}' {reason}. Received {inspected}"


def _invalid_return_value(this: NodeError, input: str, name: str, value: object) -> str:
    return (
        f'Expected {input} to be returned from the "{name}"'
        f" function but got {determineSpecificType(value)}."
    )


def _missing_args(this: NodeError, *args: str | list[str]) -> str:
    assert len(args) > 0, "At least one arg needs to be specified"
    wrapped = [
        " or ".join(f'"{a}"' for a in arg) if isinstance(arg, list | tuple) else f'"{arg}"'
        for arg in args
    ]
    return f"The {formatList(wrapped)} argument{'s' if len(args) > 1 else ''} must be specified"


def _out_of_range(
    this: NodeError, name: str, range: str, input: object, replace_default_boolean: bool = False
) -> str:
    assert range, 'Missing "range" argument'
    msg = name if replace_default_boolean else f'The value of "{name}" is out of range.'
    if is_js_number(input) and _is_integer(input) and abs(js_number(input)) > 2**32:
        received = _add_numerical_separator(js_string(input))
    else:
        received = inspect(input)
    return f"{msg} It must be {range}. Received {received}"


def _is_integer(value: object) -> bool:
    """JS ``Number.isInteger(value)``."""
    if not is_js_number(value):
        return False
    number = js_number(value)
    return (
        number == number and number not in (float("inf"), float("-inf")) and number == int(number)
    )


def _ip_blocked(this: NodeError, ip: object) -> str:
    # Node 22+ (net's BlockList checks).
    return f"IP({js_string(ip)}) is blocked by net.BlockList"


def _socket_bad_port(this: NodeError, name: str, port: object, allow_zero: bool = True) -> str:
    assert isinstance(allow_zero, bool), "The 'allowZero' argument must be of type boolean."
    operator = ">=" if allow_zero else ">"
    return f"{name} should be {operator} 0 and < 65536. Received {determineSpecificType(port)}."


def _unhandled_error(this: NodeError, err: object = None) -> str:
    msg = "Unhandled error."
    if err is None:
        return msg
    return f"{msg} ({js_string(err)})"


# To declare an error message, use E(sym, val, def). Once an error code has been assigned,
# the code itself MUST NOT change and any given error code must never be reused to identify
# a different error. Keep these in alphabetical order (as internal/errors.js does): every
# code lib/net.js, lib/internal/streams/*, lib/events.js, lib/timers.js,
# lib/internal/timers.js, lib/dns.js, lib/internal/dns/*, lib/internal/blocklist.js,
# lib/internal/socketaddress.js, lib/internal/validators.js,
# lib/internal/process/task_queues.js, lib/timers/promises.js, lib/child_process.js,
# lib/internal/child_process.js, lib/internal/url.js (fileURLToPath) and lib/cluster use.
ERR_CHILD_CLOSED_BEFORE_REPLY = E(
    "ERR_CHILD_CLOSED_BEFORE_REPLY", "Child closed before reply received", NodeError
)
ERR_CHILD_PROCESS_IPC_REQUIRED = E(
    "ERR_CHILD_PROCESS_IPC_REQUIRED",
    "Forked processes must have an IPC channel, missing value 'ipc' in %s",
    NodeError,
)
ERR_CHILD_PROCESS_STDIO_MAXBUFFER = E(
    "ERR_CHILD_PROCESS_STDIO_MAXBUFFER", "%s maxBuffer length exceeded", NodeRangeError
)
ERR_DNS_SET_SERVERS_FAILED = E(
    "ERR_DNS_SET_SERVERS_FAILED", 'c-ares failed to set servers: "%s" [%s]', NodeError
)
ERR_ILLEGAL_CONSTRUCTOR = E("ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor", NodeTypeError)
ERR_INTERNAL_ASSERTION = E("ERR_INTERNAL_ASSERTION", _internal_assertion, NodeError)
# Thrown by C++ in Node (src/node_errors.h), e.g. by SocketAddress and BlockList.
ERR_INVALID_ADDRESS = E("ERR_INVALID_ADDRESS", "Invalid socket address", NodeError)
ERR_INVALID_ADDRESS_FAMILY = E(
    "ERR_INVALID_ADDRESS_FAMILY", _invalid_address_family, NodeRangeError
)
ERR_INVALID_ARG_TYPE = E("ERR_INVALID_ARG_TYPE", _invalid_arg_type, NodeTypeError)
ERR_INVALID_ARG_VALUE = E(
    "ERR_INVALID_ARG_VALUE", _invalid_arg_value, NodeTypeError, NodeRangeError
)
ERR_INVALID_FD_TYPE = E("ERR_INVALID_FD_TYPE", "Unsupported fd type: %s", NodeTypeError)
ERR_INVALID_FILE_URL_HOST = E(
    "ERR_INVALID_FILE_URL_HOST",
    'File URL host must be "localhost" or empty on %s',
    NodeTypeError,
)
ERR_INVALID_FILE_URL_PATH = E("ERR_INVALID_FILE_URL_PATH", "File URL path %s", NodeTypeError)
ERR_INVALID_HANDLE_TYPE = E(
    "ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent", NodeTypeError
)
ERR_INVALID_IP_ADDRESS = E("ERR_INVALID_IP_ADDRESS", "Invalid IP address: %s", NodeTypeError)
ERR_INVALID_RETURN_VALUE = E(
    "ERR_INVALID_RETURN_VALUE", _invalid_return_value, NodeTypeError, NodeRangeError
)
ERR_INVALID_SYNC_FORK_INPUT = E(
    "ERR_INVALID_SYNC_FORK_INPUT",
    "Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s",
    NodeTypeError,
)
ERR_INVALID_THIS = E("ERR_INVALID_THIS", 'Value of "this" must be of type %s', NodeTypeError)
ERR_INVALID_URL_SCHEME = E("ERR_INVALID_URL_SCHEME", "The URL must be of scheme %s", NodeTypeError)
ERR_IPC_CHANNEL_CLOSED = E("ERR_IPC_CHANNEL_CLOSED", "Channel closed", NodeError)
ERR_IPC_DISCONNECTED = E("ERR_IPC_DISCONNECTED", "IPC channel is already disconnected", NodeError)
ERR_IPC_ONE_PIPE = E("ERR_IPC_ONE_PIPE", "Child process can have only one IPC pipe", NodeError)
ERR_IPC_SYNC_FORK = E("ERR_IPC_SYNC_FORK", "IPC cannot be used with synchronous forks", NodeError)
ERR_IP_BLOCKED = E("ERR_IP_BLOCKED", _ip_blocked, NodeError)
ERR_METHOD_NOT_IMPLEMENTED = E(
    "ERR_METHOD_NOT_IMPLEMENTED", "The %s method is not implemented", NodeError
)
ERR_MISSING_ARGS = E("ERR_MISSING_ARGS", _missing_args, NodeTypeError)
ERR_MULTIPLE_CALLBACK = E("ERR_MULTIPLE_CALLBACK", "Callback called multiple times", NodeError)
ERR_OUT_OF_RANGE = E("ERR_OUT_OF_RANGE", _out_of_range, NodeRangeError)
ERR_SERVER_ALREADY_LISTEN = E(
    "ERR_SERVER_ALREADY_LISTEN",
    "Listen method has been called more than once without closing.",
    NodeError,
)
ERR_SERVER_NOT_RUNNING = E("ERR_SERVER_NOT_RUNNING", "Server is not running.", NodeError)
ERR_SOCKET_BAD_PORT = E("ERR_SOCKET_BAD_PORT", _socket_bad_port, NodeRangeError)
ERR_SOCKET_CLOSED = E("ERR_SOCKET_CLOSED", "Socket is closed", NodeError)
ERR_SOCKET_CLOSED_BEFORE_CONNECTION = E(
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
    "Socket closed before the connection was established",
    NodeError,
)
ERR_SOCKET_CONNECTION_TIMEOUT = E(
    "ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout", NodeError
)
ERR_SOCKET_HANDLE_ADOPTED = E(
    "ERR_SOCKET_HANDLE_ADOPTED",
    "The bound socket has already been adopted by a server or socket",
    NodeError,
)
ERR_STREAM_ALREADY_FINISHED = E(
    "ERR_STREAM_ALREADY_FINISHED", "Cannot call %s after a stream was finished", NodeError
)
ERR_STREAM_CANNOT_PIPE = E("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable", NodeError)
ERR_STREAM_DESTROYED = E(
    "ERR_STREAM_DESTROYED", "Cannot call %s after a stream was destroyed", NodeError
)
ERR_STREAM_NULL_VALUES = E(
    "ERR_STREAM_NULL_VALUES", "May not write null values to stream", NodeTypeError
)
ERR_STREAM_PREMATURE_CLOSE = E("ERR_STREAM_PREMATURE_CLOSE", "Premature close", NodeError)
ERR_STREAM_PUSH_AFTER_EOF = E("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF", NodeError)
ERR_STREAM_UNABLE_TO_PIPE = E(
    "ERR_STREAM_UNABLE_TO_PIPE", "Cannot pipe to a closed or destroyed stream", NodeError
)
ERR_STREAM_UNSHIFT_AFTER_END_EVENT = E(
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event", NodeError
)
ERR_STREAM_WRITE_AFTER_END = E("ERR_STREAM_WRITE_AFTER_END", "write after end", NodeError)
ERR_UNHANDLED_ERROR = E("ERR_UNHANDLED_ERROR", _unhandled_error, NodeError)
ERR_UNKNOWN_ENCODING = E("ERR_UNKNOWN_ENCODING", "Unknown encoding: %s", NodeTypeError)
ERR_UNKNOWN_SIGNAL = E("ERR_UNKNOWN_SIGNAL", "Unknown signal: %s", NodeTypeError)

__all__ += sorted(codes)

# Buffer.from/buf.toString (in _internal, below us) throw this for an unknown encoding.
_buffer.set_unknown_encoding_error(ERR_UNKNOWN_ENCODING)


# --- errors outside the E() table -------------------------------------------------------


class AggregateError(JsError):
    """JS ``new AggregateError(errors, message)``: ``err.errors`` holds the errors."""

    js_constructor_name = "AggregateError"
    name = "AggregateError"
    errors: list[Any]

    def __init__(
        self,
        errors: Iterable[Any],
        message: object = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, options)
        self.errors = list(errors)


class NodeAggregateError(AggregateError):
    """An AggregateError whose ``code`` is its first error's (happy eyeballs failures).

    Node: ``new NodeAggregateError(errors, message)``.
    """

    def __init__(self, errors: Iterable[Any], message: object = None) -> None:
        super().__init__(errors, message)
        self.code = getattr(self.errors[0], "code", None) if self.errors else None

    def _stack_header(self) -> str:
        # kIsNodeError: `${name} [${code}]: ${message}`.
        return f"{self.name} [{js_string(self.code)}]: {self.message}"


class AbortError(JsError):
    """Node's AbortError: ``code`` 'ABORT_ERR', ``name`` 'AbortError'.

    ``AbortError()``, ``AbortError(None, {'cause': reason})`` or
    ``AbortError(None, cause=reason)``.
    """

    js_constructor_name = "AbortError"
    name = "AbortError"

    def __init__(
        self,
        message: str | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        cause: Any = _NOT_GIVEN,
    ) -> None:
        if options is not None and not isinstance(options, Mapping):
            raise ERR_INVALID_ARG_TYPE("options", "Object", options)
        if cause is not _NOT_GIVEN:
            options = {**(options or {}), "cause": cause}
        super().__init__("The operation was aborted" if message is None else message, options)
        self.code = "ABORT_ERR"
        self.name = "AbortError"


def _no_side_effects_to_string(value: object) -> str:
    # V8's Object::NoSideEffectsToString, as lib/internal/process/promises.js uses it.
    if isinstance(value, BaseException):
        return js_error_to_string(value)
    if isinstance(value, list | tuple):
        return "[object Array]"
    if isinstance(value, bytes | bytearray):
        return "[object Uint8Array]"
    if isinstance(value, memoryview):
        return "[object DataView]"
    if value is None or isinstance(value, bool | int | float | str) or callable(value):
        return js_string(value)
    return f"#<{js_constructor_name(value)}>"


class UnhandledPromiseRejection(JsError):
    """Thrown for a promise rejected with a non-Error nobody handled.

    Node: ``UnhandledPromiseRejection`` in lib/internal/process/promises.js (code
    ``ERR_UNHANDLED_REJECTION``; not part of the E() table in Node).
    """

    js_constructor_name = "UnhandledPromiseRejection"
    name = "UnhandledPromiseRejection"

    def __init__(self, reason: object) -> None:
        super().__init__(
            "This error originated either by throwing inside of an async function without a "
            "catch block, or by rejecting a promise which was not handled with .catch(). The "
            f'promise rejected with the reason "{_no_side_effects_to_string(reason)}".'
        )
        self.code = "ERR_UNHANDLED_REJECTION"
        self.name = "UnhandledPromiseRejection"


ERR_UNHANDLED_REJECTION = UnhandledPromiseRejection
__all__ += ["ERR_UNHANDLED_REJECTION"]


# --- system errors ---------------------------------------------------------------------


class NodeSystemErrorBase(JsError, OSError):
    """Base of the errors built from a libuv code (``connect ECONNREFUSED 127.0.0.1:1``).

    Each concrete class also derives from the builtin ``OSError`` subclass that matches
    its code (``ConnectionRefusedError``, ``BrokenPipeError``, ...). ``errno`` is Node's
    (negative libuv) value, not the positive POSIX one. In Node these are plain ``Error``s.
    """

    code: Any
    errno: Any
    syscall: str

    def __init__(self, message: object = None) -> None:
        JsError.__init__(self, message)


# PEP 3151's errno → OSError subclass map, by errno name.
_OSERROR_CLASSES: Final[dict[str, type[OSError]]] = {
    "EAGAIN": BlockingIOError,
    "EALREADY": BlockingIOError,
    "EINPROGRESS": BlockingIOError,
    "EWOULDBLOCK": BlockingIOError,
    "ECHILD": ChildProcessError,
    "EPIPE": BrokenPipeError,
    "ESHUTDOWN": BrokenPipeError,
    "ECONNABORTED": ConnectionAbortedError,
    "ECONNREFUSED": ConnectionRefusedError,
    "ECONNRESET": ConnectionResetError,
    "EEXIST": FileExistsError,
    "ENOENT": FileNotFoundError,
    "EINTR": InterruptedError,
    "EISDIR": IsADirectoryError,
    "ENOTDIR": NotADirectoryError,
    "EACCES": PermissionError,
    "EPERM": PermissionError,
    "ESRCH": ProcessLookupError,
    "ETIMEDOUT": TimeoutError,
}

_system_error_classes: dict[tuple[str, bool], type[NodeSystemErrorBase]] = {}


def _system_error_class(code: str, dns: bool = False) -> type[NodeSystemErrorBase]:
    """The (cached) class for a system error code: ``SystemError_ECONNREFUSED`` derives
    from NodeSystemErrorBase and ConnectionRefusedError; DNS errors from socket.gaierror."""
    key = (code, dns)
    cls = _system_error_classes.get(key)
    if cls is None:
        builtin: type[OSError] = socket.gaierror if dns else _OSERROR_CLASSES.get(code, OSError)
        prefix = "DNSError" if dns else "SystemError"
        ident = re.sub(r"\W", "_", code)
        bases: tuple[type, ...] = (
            (NodeSystemErrorBase,) if builtin is OSError else (NodeSystemErrorBase, builtin)
        )
        namespace = {"__module__": __name__, "_pickle_key": key, "__doc__": f"Node's {code} error."}
        cls = cast("type[NodeSystemErrorBase]", type(f"{prefix}_{ident}", bases, namespace))
        _system_error_classes[key] = cls
    return cls


def _system_error(code: str, message: str, dns: bool = False) -> NodeSystemErrorBase:
    return _system_error_class(code, dns)(message)


_UV_UNMAPPED_ERROR: Final = ("UNKNOWN", "unknown error")


def uvErrmapGet(name: int) -> tuple[str, str] | None:
    """Return libuv's ``(code, message)`` for an error number. Node: ``uvErrmapGet``."""
    return uv.errmap_get(name)


def getSystemErrorName(err: int) -> str:
    """Return the code for a libuv error number ('ECONNREFUSED'), unchecked.

    Node: ``getSystemErrorName`` of lib/internal/util.js.
    """
    entry = uv.errmap_get(err)
    return entry[0] if entry is not None else f"Unknown system error {err}"


def _host_port_details(address: object, port: object) -> str:
    if js_truthy(port) and js_number(port) > 0:
        return f" {js_string(address)}:{js_string(port)}"
    if js_truthy(address):
        return f" {js_string(address)}"
    return ""


def UVException(ctx: Mapping[str, Any]) -> NodeSystemErrorBase:
    """Build the error for a failed libuv call described by ``ctx``.

    ``ctx`` has ``errno`` (a libuv code) and ``syscall``, maybe ``message``, ``path`` and
    ``dest``; the message is ``'<code>: <message>, <syscall> '<path>' -> '<dest>''`` and
    every other ``ctx`` property is copied onto the error.

    Node: ``new UVException(ctx)``.
    """
    errno = ctx.get("errno")
    entry = uv.errmap_get(errno) if isinstance(errno, int) else None
    code, uvmsg = entry or _UV_UNMAPPED_ERROR
    message = f"{code}: {js_string(ctx.get('message') or uvmsg)}, {js_string(ctx.get('syscall'))}"
    path = dest = None
    if js_truthy(ctx.get("path")):
        path = js_string(ctx["path"])
        message += f" '{path}'"
    if js_truthy(ctx.get("dest")):
        dest = js_string(ctx["dest"])
        message += f" -> '{dest}'"
    err = _system_error(code, message)
    for prop, value in ctx.items():
        if prop in ("message", "path", "dest"):
            continue
        setattr(err, prop, value)
    err.code = code
    if path:
        err.path = path
    if dest:
        err.dest = dest
    return err


def UVExceptionWithHostPort(
    err: int, syscall: str, address: str | None = None, port: int | None = None
) -> NodeSystemErrorBase:
    """``'<syscall> <code>: <libuv message> <address>:<port>'``, e.g.
    ``listen EADDRINUSE: address already in use :::8000``.

    Sets ``code``, ``errno``, ``syscall``, ``address``, and ``port`` if it is truthy.

    Node: ``new UVExceptionWithHostPort(err, syscall, address, port)``.
    """
    code, uvmsg = uv.errmap_get(err) or _UV_UNMAPPED_ERROR
    ex = _system_error(code, f"{syscall} {code}: {uvmsg}{_host_port_details(address, port)}")
    ex.code = code
    ex.errno = err
    ex.syscall = syscall
    ex.address = address
    if js_truthy(port):
        ex.port = port
    return ex


def ErrnoException(err: int, syscall: str, original: str | None = None) -> NodeSystemErrorBase:
    """``'<syscall> <code>'`` (+ ``' <original>'``), e.g. ``read ECONNRESET``.

    Sets ``errno``, ``code`` and ``syscall``.

    Node: ``new ErrnoException(err, syscall, original)``.
    """
    code = getSystemErrorName(err)
    message = f"{syscall} {code} {original}" if original else f"{syscall} {code}"
    ex = _system_error(code, message)
    ex.errno = err
    ex.code = code
    ex.syscall = syscall
    return ex


def ExceptionWithHostPort(
    err: int,
    syscall: str,
    address: str | None = None,
    port: int | None = None,
    additional: str | None = None,
) -> NodeSystemErrorBase:
    """``'<syscall> <code> <address>:<port>'`` (+ ``' - Local (<additional>)'``), e.g.
    ``connect ECONNREFUSED 127.0.0.1:1``; port 0 gives no ``:port`` and no ``port``.

    Sets ``errno``, ``code``, ``syscall``, ``address``, and ``port`` if it is truthy.

    Node: ``new ExceptionWithHostPort(err, syscall, address, port, additional)``.
    """
    code = getSystemErrorName(err)
    details = _host_port_details(address, port)
    if additional:
        details += f" - Local ({additional})"
    ex = _system_error(code, f"{syscall} {code}{details}")
    ex.errno = err
    ex.code = code
    ex.syscall = syscall
    ex.address = address
    if js_truthy(port):
        ex.port = port
    return ex


def DNSException(code: int | str, syscall: str, hostname: str | None = None) -> NodeSystemErrorBase:
    """``'<syscall> <code> <hostname>'``, e.g. ``getaddrinfo ENOTFOUND nosuch.invalid``.

    ``code`` is a libuv error number (EAI_NONAME and EAI_NODATA become 'ENOTFOUND') or a
    c-ares code string. The error is a ``socket.gaierror``; sets ``errno`` (None for a
    string code), ``code``, ``syscall``, and ``hostname`` if given.

    Node: ``new DNSException(code, syscall, hostname)``.
    """
    errno: int | None = None
    if isinstance(code, int) and not isinstance(code, bool):
        errno = code
        # ENOTFOUND is not a proper POSIX error, but this error has been in place long
        # enough that it's not practical to remove it.
        if code in (uv.UV_EAI_NODATA, uv.UV_EAI_NONAME):
            code = "ENOTFOUND"
        else:
            code = getSystemErrorName(code)
    code = js_string(code)
    ex = _system_error(code, f"{syscall} {code}{f' {hostname}' if hostname else ''}", dns=True)
    ex.errno = errno
    ex.code = code
    ex.syscall = syscall
    if hostname:
        ex.hostname = hostname
    return ex


def ConnResetException(msg: str) -> NodeSystemErrorBase:
    """A ConnectionResetError with ``code`` 'ECONNRESET' and the given message.

    Node: ``new ConnResetException(msg)``.
    """
    ex = _system_error("ECONNRESET", msg)
    ex.code = "ECONNRESET"
    return ex


def genericNodeError(
    message: object, error_properties: Mapping[str, Any] | None = None, **props: Any
) -> JsError:
    """A plain Error with the given properties: ``genericNodeError(msg, {'code': 'EPIPE'})``.

    DIVERGENCE: when ``code`` is a libuv error name the error is also the matching
    ``OSError`` subclass (``BrokenPipeError`` for EPIPE), as system errors are here; its
    ``errno`` is then None (Node sets none).

    Node: ``genericNodeError(message, errorProperties)``.
    """
    properties = {**(error_properties or {}), **props}
    code = properties.get("code")
    err: JsError
    if isinstance(code, str) and code in _libuv_error_names():
        err = _system_error(code, js_string(message))
    else:
        err = JsError(message)
    for key, value in properties.items():
        setattr(err, key, value)
    return err


_LIBUV_NAMES: set[str] = set()


def _libuv_error_names() -> set[str]:
    if not _LIBUV_NAMES:
        _LIBUV_NAMES.update(name for name, _ in uv.error_map().values())
    return _LIBUV_NAMES


def aggregateTwoErrors(inner_error: Any, outer_error: Any) -> Any:
    """Combine two errors into an AggregateError (or return the one that is set).

    Node: ``aggregateTwoErrors(innerError, outerError)``.
    """
    if inner_error is not None and outer_error is not None and inner_error is not outer_error:
        errors = getattr(outer_error, "errors", None)
        if isinstance(errors, list):
            # `outer_error` is already an AggregateError.
            errors.append(inner_error)
            return outer_error
        message = getattr(outer_error, "message", None)
        if message is None and isinstance(outer_error, BaseException):
            message = str(outer_error)
        err = AggregateError([outer_error, inner_error], message)
        err.code = getattr(outer_error, "code", None)
        return err
    return inner_error if inner_error is not None else outer_error


__all__ += alias_module(globals(), __all__)


# The promise layer (below this one) rejects Promise.any with errors.AggregateError.
_promise_module.set_aggregate_error(AggregateError)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    aggregate_two_errors = aggregateTwoErrors
    determine_specific_type = determineSpecificType
    format_list = formatList
    generic_node_error = genericNodeError
    get_system_error_name = getSystemErrorName
    uv_errmap_get = uvErrmapGet
# END twins
