"""Port of Node.js lib/net.js (v24.22.3): net.Socket, net.Server and the module functions.

Read this file beside Node's ``lib/net.js``: ported functions keep Node's exact names
(``normalizeArgs``, ``lookupAndConnect``, ``internalConnect``, ``afterConnect``,
``setupListenHandle``, ``onconnection``...) and come in the same order, with Node's
comments. Node's symbol-keyed fields are ``_k_*`` attributes (``kSetNoDelay`` →
``_k_set_no_delay``).

Python specifics (docs/python-rules.md): options are dicts with Node's keys, or keyword
arguments in either spelling; every camelCase method and property also has its
snake_case twin; ``None`` plays ``undefined``.

# DIVERGENCE: not ported: net.BoundSocket and _TransferredBoundSocket (Node 24.22), the
# worker_threads transfer hooks ([kTransfer]/[kDeserialize] of Socket, Server and
# BoundSocket: there are no workers here), and the diagnostics_channel publications
# (net.client.socket, net.server.socket).
"""

from __future__ import annotations

import ipaddress
import math
import os
import sys
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from nodenet_uv import _validators as validators
from nodenet_uv import dns as _dns
from nodenet_uv import errors
from nodenet_uv import perf_hooks as _perf
from nodenet_uv._binding import uv
from nodenet_uv._binding.pipe_wrap import Pipe, PipeConnectWrap
from nodenet_uv._binding.pipe_wrap import constants as PipeConstants
from nodenet_uv._binding.stream_wrap import ShutdownWrap
from nodenet_uv._binding.tcp_wrap import TCP, TCPConnectWrap
from nodenet_uv._binding.tcp_wrap import constants as TCPConstants
from nodenet_uv._binding.util import guess_handle_type
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import timers as _itimers
from nodenet_uv._internal.buffer import byte_length
from nodenet_uv._internal.inspect import js_get, js_number, js_truthy
from nodenet_uv._internal.naming import NodeNames, alias_module, check_kwargs, node_options
from nodenet_uv._internal.net import isIP, isIPv4, isIPv6
from nodenet_uv._internal.promise import Promise
from nodenet_uv._stream_base_commons import (
    StreamHandle,
    entry_chunk,
    entry_encoding,
    onStreamRead,
    setStreamTimeout,
    writeGeneric,
    writevGeneric,
)
from nodenet_uv._validators import to_int32
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Duplex, Writable
from nodenet_uv.stream.state import DUPLEX_OPTIONS, getDefaultHighWaterMark
from nodenet_uv.timers import clearTimeout, setTimeout

# ACCELERATED(_speedups.node_options): naming.node_options's no-keyword case; else naming's.
try:
    from nodenet_uv._speedups import node_options
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass

__all__ = [  # noqa: F822 (BlockList and SocketAddress load lazily, see __getattr__)
    "BlockList",
    "BoundSocket",
    "Server",
    "Socket",
    "SocketAddress",
    "Stream",
    "connect",
    "createConnection",
    "createServer",
    "getDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout",
    "isIP",
    "isIPv4",
    "isIPv6",
    "setDefaultAutoSelectFamily",
    "setDefaultAutoSelectFamilyAttemptTimeout",
]

_auto_select_family_default = True
_auto_select_family_attempt_timeout_default = 250

DEFAULT_IPV4_ADDR = "0.0.0.0"
DEFAULT_IPV6_ADDR = "::"

UV_EADDRINUSE = uv.UV_EADDRINUSE
UV_EINVAL = uv.UV_EINVAL
UV_ENOTCONN = uv.UV_ENOTCONN
UV_ECANCELED = uv.UV_ECANCELED
UV_ETIMEDOUT = uv.UV_ETIMEDOUT
UV_EBADF = uv.UV_EBADF

# kPerfHooksNetConnectContext: where a connect's perf_hooks timing waits (net entries).
kPerfHooksNetConnectContext = "_k_perf_hooks_net_connect_context"

ERR_IP_BLOCKED = errors.ERR_IP_BLOCKED
ERR_SOCKET_HANDLE_ADOPTED = errors.ERR_SOCKET_HANDLE_ADOPTED


def _noop(*args: Any) -> None:
    return None


_OBJECT_MODE_KEYS = frozenset(("objectMode", "readableObjectMode", "writableObjectMode"))

# The option names each entry point reads (Node's docs and lib/net.js): a keyword argument
# outside them raises TypeError (naming.node_options; docs/python-rules.md).
_SOCKET_OPTIONS = DUPLEX_OPTIONS | frozenset(
    (
        "fd",
        "handle",
        "onread",
        "noDelay",
        "keepAlive",
        "keepAliveInitialDelay",
        "blockList",
        "manualStart",
        "pauseOnCreate",
        "typeOfService",
    )
)
_CONNECT_OPTIONS = _SOCKET_OPTIONS | frozenset(
    (
        "port",
        "host",
        "path",
        "localAddress",
        "localPort",
        "family",
        "hints",
        "lookup",
        "autoSelectFamily",
        "autoSelectFamilyAttemptTimeout",
        "timeout",
    )
)
_LISTEN_OPTIONS = frozenset(
    (
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
        "handle",
    )
)
_SERVER_OPTIONS = frozenset(
    (
        "allowHalfOpen",
        "highWaterMark",
        "keepAlive",
        "keepAliveInitialDelay",
        "noDelay",
        "pauseOnConnect",
        "blockList",
    )
)
_BOUND_SOCKET_OPTIONS = frozenset(
    ("port", "host", "path", "ipv6Only", "reusePort", "readableAll", "writableAll")
)


def _seconds(ms: Any) -> int:
    """JS ``~~(ms / 1000)``: seconds, truncated toward zero; undefined → 0."""
    n = js_number(ms)
    if math.isnan(n) or math.isinf(n):
        return 0
    return to_int32(math.trunc(n / 1000))


def getFlags(options: Any) -> int:
    flags = 0
    if js_get(options, "ipv6Only") is True:
        flags |= int(TCPConstants["UV_TCP_IPV6ONLY"])
    if js_get(options, "reusePort") is True:
        flags |= int(TCPConstants["UV_TCP_REUSEPORT"])
    return flags


def _blocklist() -> Any:
    # module.exports.BlockList: loaded lazily, as net.js's getter does.
    from nodenet_uv._blocklist import BlockList

    return BlockList


def handleSetKeepAlive(handle: Any, enable: bool, delay: Any, interval: Any, count: Any) -> Any:
    """``handle.setKeepAlive(enable, initialDelay, interval, count)`` as net.js calls it.

    Without an interval and a count (undefined: the binding's defaults) only the first two
    are passed, so a replacement a test installs with two parameters (as Node's tests do
    with a JS function, which ignores extra arguments) still works.
    """
    if interval is None and count is None:
        return handle.setKeepAlive(enable, delay)
    return handle.setKeepAlive(enable, delay, interval, count)


def _is_fd_number(fd: Any) -> bool:
    """JS ``typeof fd === 'number' && fd >= 0``: an int or a float (3.0 is JS's 3), not a bool."""
    return isinstance(fd, (int, float)) and not isinstance(fd, bool) and fd >= 0


def createHandle(fd: Any, is_server: bool) -> TCP | Pipe:
    validators.validate_int32(fd, "fd", 0)
    # validate_int32 lets an integral float through, as Node does with 3.0; libuv wants an int.
    fd = int(fd)
    handle_type = guess_handle_type(fd)
    if handle_type == "PIPE":
        return Pipe(PipeConstants["SERVER"] if is_server else PipeConstants["SOCKET"])
    if handle_type == "TCP":
        return TCP(TCPConstants["SERVER"] if is_server else TCPConstants["SOCKET"])
    raise errors.ERR_INVALID_FD_TYPE(handle_type)


def isPipeName(s: Any) -> bool:
    return isinstance(s, str) and toNumber(s) is False


def createServer(options: Any = None, connectionListener: Any = None, **kwargs: Any) -> Server:
    """net.createServer([options][, connectionListener]).

    Creates a TCP or IPC server, the same as ``Server(options, connectionListener)``; it
    accepts nothing until :meth:`Server.listen` is called.

    Args:
        options: Node's options dict: ``allowHalfOpen`` (default False), ``highWaterMark``
            (for the accepted sockets), ``pauseOnConnect`` (default False), ``noDelay``
            (default False), ``keepAlive`` (default False), ``keepAliveInitialDelay``
            (ms, default 0). A callable here is the connection listener. None
            (undefined) means no options.
        connectionListener: Added as a ``'connection'`` listener. None means none.
        **kwargs: The same options as keyword arguments, camelCase or snake_case
            (``allow_half_open=True``), merged over ``options``.

    Returns:
        The new server.

    Raises:
        ERR_INVALID_ARG_TYPE: ``options`` is neither a dict, a callable nor None, or
            ``keepAliveInitialDelay`` or ``highWaterMark`` is not a number.
    """
    if kwargs:
        check_kwargs(kwargs, _SERVER_OPTIONS, "createServer")
    return Server(options, connectionListener, **kwargs)


# Target API:
#
# let s = net.connect({port: 80, host: 'google.com'}, function() {
#   ...
# });
#
# There are various forms:
#
# connect(options, [cb])
# connect(port, [host], [cb])
# connect(path, [cb]);
def connect(*args: Any, **kwargs: Any) -> Socket:
    """net.connect(options[, cb]) / (port[, host][, cb]) / (path[, cb]).

    Also exported as ``createConnection`` (the same function). Creates a :class:`Socket`
    with ``options``, calls ``socket.setTimeout(options['timeout'])`` if that is set, then
    ``socket.connect(...)``: the socket emits ``'connect'`` once connected, or
    ``'error'`` then ``'close'`` if the connection fails.

    Args:
        *args: One of Node's call forms: ``(options[, cb])``, ``(port[, host][, cb])``
            or ``(path[, cb])``. ``options`` takes the :class:`Socket` constructor keys,
            the :meth:`Socket.connect` keys and ``timeout`` (ms). A str first argument
            that is not a number is an IPC ``path``; anything else is the ``port``. ``cb``
            (the last argument, if callable) is a one-time ``'connect'`` listener.
        **kwargs: The options as keyword arguments, camelCase or snake_case
            (``connect(port=80, host='example.com')``), merged over ``options``.

    Returns:
        The new socket, already connecting.

    Raises:
        ERR_MISSING_ARGS: Neither ``port`` nor ``path`` is given.
        ERR_INVALID_ARG_TYPE: An option has the wrong type (see :class:`Socket`,
            :meth:`Socket.connect`; ``timeout`` must be a number).
        ERR_INVALID_ARG_VALUE: ``objectMode`` options, or (with the default lookup) an
            invalid ``family`` or ``hints``.
        ERR_OUT_OF_RANGE: ``timeout`` is negative or not finite, ``fd`` is not an int32
            >= 0, or ``autoSelectFamilyAttemptTimeout`` is not an int32 >= 1.
        ERR_SOCKET_BAD_PORT: ``port`` is not a valid port number (0-65535).
        ERR_INVALID_IP_ADDRESS: ``localAddress`` is not an IP address.
        ERR_INVALID_FD_TYPE: ``fd`` is neither a TCP socket nor a pipe.
    """
    normalized = normalizeArgs(args, kwargs)
    options = normalized[0]
    socket = Socket(options)
    # js_get: options may be any object (a list, an instance), not only a dict.
    timeout = js_get(options, "timeout")
    if js_truthy(timeout):
        socket.setTimeout(timeout)
    return socket.connect(normalized)


createConnection = connect


def getDefaultAutoSelectFamily() -> bool:
    """The default of ``autoSelectFamily`` (Node: ``net.getDefaultAutoSelectFamily``).

    The value :meth:`Socket.connect` uses when its ``autoSelectFamily`` option is not
    given. Initially True (Node's default).

    Returns:
        The current default.
    """
    return _auto_select_family_default


def setDefaultAutoSelectFamily(value: Any) -> None:
    """Set the default of ``autoSelectFamily`` (Node: ``net.setDefaultAutoSelectFamily``).

    Args:
        value: The new default: True to try every address a host name resolves to
            (alternating IPv6 and IPv4) when connecting, False to try only the first.

    Raises:
        ERR_INVALID_ARG_TYPE: ``value`` is not a bool.
    """
    global _auto_select_family_default
    validators.validate_boolean(value, "value")
    _auto_select_family_default = value


def getDefaultAutoSelectFamilyAttemptTimeout() -> int:
    """Default attempt timeout, in ms (Node: ``net.getDefaultAutoSelectFamilyAttemptTimeout``).

    The value :meth:`Socket.connect` uses when its ``autoSelectFamilyAttemptTimeout``
    option is not given. Initially 250.

    Returns:
        The current default, in ms.
    """
    return _auto_select_family_attempt_timeout_default


def setDefaultAutoSelectFamilyAttemptTimeout(value: Any) -> None:
    """Set the default attempt timeout (Node: ``net.setDefaultAutoSelectFamilyAttemptTimeout``).

    Sets the default ``autoSelectFamilyAttemptTimeout``: how long, in ms, each connection
    attempt may take before the next address is tried.

    Args:
        value: The new default in ms, a positive integer; values below 10 become 10.

    Raises:
        ERR_INVALID_ARG_TYPE: ``value`` is not a number.
        ERR_OUT_OF_RANGE: ``value`` is not an integer in 1..2**31-1.
    """
    global _auto_select_family_attempt_timeout_default
    validators.validate_int32(value, "value", 1)
    if value < 10:
        value = 10
    _auto_select_family_attempt_timeout_default = value


class _NormalizedArgs(list[Any]):
    """normalizeArgs' result (Node marks the array with normalizedArgsSymbol)."""


# Returns an array [options, cb], where options is an object,
# cb is either a function or null.
# Used to normalize arguments of Socket.prototype.connect() and
# Server.prototype.listen(). Possible combinations of parameters:
#   (options[...][, cb])
#   (path[...][, cb])
#   ([port][, host][...][, cb])
# For Socket.prototype.connect(), the [...] part is ignored
# For Server.prototype.listen(), the [...] part is [, backlog]
# but will not be handled here (handled in listen())
def normalizeArgs(
    args: tuple[Any, ...] | list[Any],
    kwargs: dict[str, Any] | None = None,
    known: frozenset[str] = _CONNECT_OPTIONS,
    where: str = "connect",
) -> list[Any]:
    if args and isinstance(args[0], os.PathLike):
        # DIVERGENCE: Python's os.PathLike is a path wherever Node takes one (docs/python-rules.md).
        args = [os.fspath(args[0]), *args[1:]]
    if kwargs:
        check_kwargs(kwargs, known, where)
        # Keyword arguments are the options object (``connect(port=80, host='x')``).
        args = list(args)
        if args and isinstance(args[0], dict):
            args[0] = node_options(args[0], kwargs)
        elif args and not callable(args[0]):
            first = node_options({}, kwargs)
            if isPipeName(args[0]):
                first["path"] = args[0]
            else:
                first["port"] = args[0]
                if len(args) > 1 and isinstance(args[1], str):
                    first["host"] = args[1]
            args = [first, *args[1:]]
        else:
            args = [node_options({}, kwargs), *args]
    if len(args) == 0:
        return _NormalizedArgs([{}, None])
    arg0 = args[0]
    options: Any = {}
    if isinstance(arg0, dict):
        options = node_options(arg0)
    elif arg0 is not None and not isinstance(arg0, (str, int, float)) and not callable(arg0):
        options = arg0  # a handle or another object: Node takes any object
    elif isPipeName(arg0):
        options["path"] = arg0
    else:
        options["port"] = arg0
        if len(args) > 1 and isinstance(args[1], str):
            options["host"] = args[1]
    if type(options) is dict and isinstance(options.get("path"), os.PathLike):
        options = _fspath_option(options)
    cb = args[-1]
    return _NormalizedArgs([options, cb if callable(cb) else None])


def _fspath_option(options: dict[str, Any]) -> dict[str, Any]:
    # DIVERGENCE: ``{'path': pathlib.Path(...)}`` is its os.fspath() (docs/python-rules.md); a copy,
    # the caller's dict stays as it was.
    options = dict(options)
    options["path"] = os.fspath(options["path"])
    return options


# Called when creating new Socket, or when re-using a closed Socket
def initSocketHandle(self: Socket) -> None:
    self._undestroy()
    self._sockname = None
    handle = self._handle
    if handle is not None:
        handle.owner = self
        handle.onread = onStreamRead
        user_buf = self._k_buffer
        if user_buf is not None:
            buf_gen = self._k_buffer_gen
            if buf_gen is not None:
                user_buf = buf_gen()
                if not isinstance(user_buf, (bytearray, memoryview)):
                    return
                self._k_buffer = user_buf
            handle.useUserBuffer(user_buf)


def closeSocketHandle(self: Socket, is_exception: bool, is_cleanup_pending: bool = False) -> None:
    handle = self._handle
    if handle is not None:

        def on_close() -> None:
            self.emit("close", is_exception)
            if is_cleanup_pending:
                handle.onread = _noop
                self._handle = None
                self._sockname = None

        handle.close(on_close)


_is_linux = sys.platform.startswith("linux")


class BoundSocket(NodeNames):
    """net.BoundSocket (Node 24.22): a socket bound to a local address, not yet used.

    A role-neutral wrapper over a synchronously bound libuv handle: bound to a local
    address (a numeric IP literal for TCP, or a filesystem/abstract path for a
    unix-domain socket via ``{'path': ...}``) but neither listening nor connecting until
    adopted by exactly one Server (``server.listen(bound)``) or Socket
    (``net.Socket({'handle': bound})``). Adoption transfers ownership; an un-adopted
    handle must be closed by the caller (``close()``, or ``with bound:``). bind(2) is
    non-blocking, so binding happens inline and errors raise at once. No DNS is
    performed.

    Args:
        options: ``host`` (a numeric IP; default ``'0.0.0.0'``, or ``'::'`` with
            ``ipv6Only``), ``port`` (default 0: the OS picks one), ``ipv6Only``,
            ``reusePort`` (SO_REUSEPORT); or ``path`` alone (a Unix socket; a leading
            NUL is an abstract name, Linux only). None means none.
        **kwargs: The same options as keyword arguments.

    Raises:
        ERR_INVALID_ARG_TYPE: ``options`` is not a dict, or an option has the wrong type.
        ERR_INVALID_ARG_VALUE: ``host`` is not an IP address, or ``path`` comes with
            another option.
        ERR_SOCKET_BAD_PORT: ``port`` is not a valid port number.
        ExceptionWithHostPort: The bind failed (``EADDRINUSE``, ``EACCES``...; syscall
            ``bind``); ErrnoException for a path.
    """

    # DIVERGENCE: no worker_threads here: no markTransferMode, [kTransferList],
    # [kTransfer], [kDeserialize] (nor _TransferredBoundSocket).

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, _BOUND_SOCKET_OPTIONS, "BoundSocket")
        if type(options) is dict and isinstance(options.get("path"), os.PathLike):
            options = _fspath_option(options)
        self._handle: Any = None  # #handle
        self._address: dict[str, Any] = {}  # #address
        self._path: str | None = None  # #path

        if options is None:
            options = {}  # kEmptyObject
        validators.validate_object(options, "options")

        if js_get(options, "path") is not None:
            self._bindPipe(options)
            return

        port = js_get(options, "port")
        port = validators.validate_port(0 if port is None else port, "options.port")

        ipv6_only = js_get(options, "ipv6Only")
        if ipv6_only is None:
            ipv6_only = False
        validators.validate_boolean(ipv6_only, "options.ipv6Only")

        reuse_port = js_get(options, "reusePort")
        if reuse_port is None:
            reuse_port = False
        validators.validate_boolean(reuse_port, "options.reusePort")

        host = js_get(options, "host")
        if host is None:
            host = DEFAULT_IPV6_ADDR if ipv6_only else DEFAULT_IPV4_ADDR
            address_type = 6 if ipv6_only else 4
        else:
            validators.validate_string(host, "options.host")
            address_type = isIP(host)
            if address_type == 0:
                raise errors.ERR_INVALID_ARG_VALUE(
                    "options.host",
                    host,
                    "must be a numeric IP address; net.BoundSocket does not perform DNS resolution",
                )

        flags = 0
        if ipv6_only:
            flags |= int(TCPConstants["UV_TCP_IPV6ONLY"])
        if reuse_port:
            flags |= int(TCPConstants["UV_TCP_REUSEPORT"])

        handle = TCP(TCPConstants["SOCKET"])
        err = (
            handle.bind6(host, port, flags) if address_type == 6 else handle.bind(host, port, flags)
        )
        # EADDRINUSE is deferred by libuv's uv_tcp_bind(), which returns 0 and
        # surfaces it on the next getsockname/listen/connect. Force getsockname()
        # now so conflicts throw synchronously; the address is cached since the
        # handle is immutable.
        if err == 0:
            err = handle.getsockname(self._address)
        if err:
            handle.close()
            raise errors.ExceptionWithHostPort(err, "bind", host, port)

        self._handle = handle

    # Bind a named unix-domain socket (or Windows named pipe). A leading '\0'
    # selects the Linux abstract namespace. path is mutually exclusive with the
    # TCP options; uv_pipe_bind is synchronous so conflicts throw here.
    def _bindPipe(self, options: Any) -> None:  # #bindPipe
        path = js_get(options, "path")
        if any(js_get(options, k) is not None for k in ("host", "port", "ipv6Only", "reusePort")):
            raise errors.ERR_INVALID_ARG_VALUE(
                "options",
                options,
                "path is mutually exclusive with host, port, ipv6Only, and reusePort",
            )
        validators.validate_string(path, "options.path")
        if path[:1] == "\0" and not _is_linux:
            raise errors.ERR_INVALID_ARG_VALUE(
                "options.path", path, "abstract socket paths are only supported on Linux"
            )

        handle = Pipe(PipeConstants["SOCKET"])
        err = handle.bind(path)
        if err:
            handle.close()
            raise errors.ErrnoException(err, "bind")

        self._handle = handle
        self._path = path

    def address(self) -> Any:
        """The bound local endpoint (Node: ``boundSocket.address()``).

        Returns:
            ``{'address', 'family', 'port'}`` for TCP (the OS-assigned port for port
            0), or the path for a pipe, as ``Server.address()`` gives them.

        Raises:
            ERR_SOCKET_HANDLE_ADOPTED: The socket was adopted or closed.
        """
        if self._handle is None:
            raise ERR_SOCKET_HANDLE_ADOPTED()
        return self._path if self._path is not None else self._address

    @property
    def _k_bound_socket_path(self) -> str | None:  # [kBoundSocketPath]
        return self._path

    def fd(self) -> int:
        """The OS file descriptor; the BoundSocket keeps owning it (Node: ``fd()``).

        Raises:
            ERR_SOCKET_HANDLE_ADOPTED: The socket was adopted or closed.
        """
        if self._handle is None:
            raise ERR_SOCKET_HANDLE_ADOPTED()
        return int(self._handle.fd)

    def close(self) -> None:
        """Release a socket that is never adopted (Node: ``boundSocket.close()``).

        Raises:
            ERR_SOCKET_HANDLE_ADOPTED: The socket was adopted or closed already.
        """
        if self._handle is None:
            raise ERR_SOCKET_HANDLE_ADOPTED()
        self._handle.close()
        self._handle = None

    # [SymbolDispose]: ``using bound = new net.BoundSocket(...)`` is ``with
    # net.BoundSocket(...) as bound:``; closes an un-adopted handle and is a no-op once
    # the handle has been adopted or closed.
    def __enter__(self) -> BoundSocket:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _k_bound_socket_consume(self) -> Any:  # [kBoundSocketConsume]
        if self._handle is None:
            raise ERR_SOCKET_HANDLE_ADOPTED()
        handle = self._handle
        self._handle = None
        return handle

    # Reports whether this is a pipe (unix-domain) bind rather than TCP. Its mere
    # presence on the prototype ('isPipe' in net.BoundSocket.prototype) is the
    # capability signal that this build honors { path } instead of a TCP port.
    @property
    def isPipe(self) -> bool:
        """True for a Unix socket (``path``), False for TCP (Node: ``isPipe``)."""
        return self._path is not None

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        is_pipe = isPipe
    # END twins


# Socket.prototype._final, afterShutdown and writeAfterFIN: adjacent in net.js, between
# Socket.prototype._unrefTimer and Socket.prototype.setTimeout. _final is defined here,
# before the class, and bound in the class body at its net.js place.


def _final(self: Socket, cb: Callable[..., Any]) -> Any:
    # If still connecting - defer handling `_final` until 'connect' will happen
    if self.connecting:
        return self.once("connect", lambda: self._final(cb))

    if self._handle is None:
        return cb()

    req = ShutdownWrap()
    req.oncomplete = afterShutdown
    req.handle = self._handle
    req.callback = cb
    err = self._handle.shutdown(req)

    if err == 1 or err == UV_ENOTCONN:  # synchronous finish
        return cb()
    if err != 0:
        return cb(errors.ErrnoException(err, "shutdown"))
    return None


def afterShutdown(req: ShutdownWrap, status: int) -> None:
    # (A shutdown failure after dispatch is not reported: Node calls back without it.)
    req.callback()


# Provide a better error message when we call end() as a result
# of the other side sending a FIN.  The standard 'write after end'
# is overly vague, and makes it seem like the user's code is to blame.
def writeAfterFIN(self: Socket, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
    if not self.writableEnded:
        return bool(Writable.write(self, chunk, encoding, cb))  # type: ignore[arg-type]

    if callable(encoding):
        cb = encoding
        encoding = None

    er = errors.genericNodeError("This socket has been ended by the other party", code="EPIPE")
    if callable(cb):
        task_queues.next_tick(cb, er)
    self.destroy(er)

    return False


class Socket(Duplex):
    """net.Socket: a TCP or IPC stream over a libuv handle (Node: ``net.Socket``).

    A ``stream.Duplex`` (``write``, ``end``, ``setEncoding``, ``destroy``... come from
    it). Usually made by :func:`connect` or handed to a :class:`Server`'s
    ``'connection'`` listeners; a socket made directly is not connected until
    :meth:`connect`. Also exported as ``net.Stream``.

    Args:
        options: Node's options dict, or an int fd (the legacy form of ``{'fd': fd}``).
            Keys: ``fd`` (wrap that existing TCP or pipe descriptor), ``allowHalfOpen``
            (default False: end the writable side once the readable side ends),
            ``readable`` / ``writable`` (only with ``fd``), ``signal`` (an AbortSignal
            that destroys the socket), ``noDelay``, ``keepAlive``,
            ``keepAliveInitialDelay`` (ms) (applied when connected, see
            :meth:`setNoDelay` and :meth:`setKeepAlive`), ``onread`` (``{'buffer':
            bytearray | memoryview | callable returning one, 'callback': fn(nread,
            buf)}``: reads go into that buffer and to ``callback`` instead of
            ``'data'``; a callback returning False pauses reading), ``handle`` (an
            existing libuv wrap) and the Duplex ``highWaterMark`` keys. None means none.
        **kwargs: The same options as keyword arguments, camelCase or snake_case,
            merged over ``options``.

    Attributes:
        connecting (bool): True from :meth:`connect` until the connection is made
            (``'connect'``) or failed.
        timeout (float | None): The idle timeout in ms last given to :meth:`setTimeout`;
            None (undefined) if it was never set.
        autoSelectFamilyAttemptedAddresses (list[str] | None): ``'ip:port'`` of each
            address tried when :meth:`connect` used family autoselection over several
            addresses; None otherwise.

    Events:
        'close' (hadError: bool): The socket is fully closed; ``hadError`` is True if it
            was closed by an error. A socket destroyed without ever having a handle
            calls its listeners with no argument (undefined).
        'connect' (): The connection is established.
        'connectionAttempt' (ip: str, port: int, family: int): A connection attempt
            starts (several with family autoselection).
        'connectionAttemptFailed' (ip: str, port: int, family: int, error: Exception):
            A connection attempt failed.
        'connectionAttemptTimeout' (ip: str, port: int, family: int): An attempt timed
            out (family autoselection only).
        'data' (data: bytes | str): Data received; str after ``setEncoding()``. Not
            emitted for a socket with ``onread``.
        'drain' (): The write buffer became empty after ``write()`` returned False.
        'end' (): The peer ended its side (FIN). Unless ``allowHalfOpen``, the socket
            then ends its own side once its pending writes are done.
        'error' (err: Exception): An error occurred; ``'close'`` follows directly.
        'lookup' (err: Exception | None, address: str | None, family: int | str |
            None, host: str): The host name was resolved, before connecting (TCP only;
            once per address with family autoselection).
        'ready' (): The socket can be used; emitted right after ``'connect'``.
        'timeout' (): The socket has been idle for the :meth:`setTimeout` time. It is
            not closed: the listener must call ``end()`` or ``destroy()``.
        Plus the ``stream.Duplex`` events: ``'finish'``, ``'readable'``, ``'pause'``,
            ``'resume'``, ``'pipe'``, ``'unpipe'``.

    Raises:
        ERR_INVALID_ARG_VALUE: ``objectMode``, ``readableObjectMode`` or
            ``writableObjectMode`` is set, or a ``highWaterMark`` is invalid.
        ERR_INVALID_ARG_TYPE: ``keepAliveInitialDelay`` or ``fd`` is not a number, or
            ``signal`` is not an AbortSignal.
        ERR_OUT_OF_RANGE: ``fd`` is not an int32 >= 0.
        ERR_INVALID_FD_TYPE: ``fd`` is neither a TCP socket nor a pipe.
        ErrnoException: The ``fd`` could not be opened (syscall ``open``).
    """

    if TYPE_CHECKING:
        # Writable's members, which Duplex copies in (invisible to the type checker).
        writable: bool
        writableEnded: bool
        writableFinished: bool
        writableLength: int
        writableBuffer: list[Any] | None

    # Prototype defaults Node's getters fall back to.
    timeout: Any = None
    blockList: Any = None
    _k_bound_source = False  # kBoundSource: the handle is an adopted BoundSocket's
    _k_bound_path: str | None = None  # kBoundPath: an adopted bound pipe's path
    autoSelectFamilyAttemptedAddresses: list[str] | None = None
    _kHoldMutableChunks = True  # a bytearray is held until sent (stream/writable.py)
    _peername: dict[str, Any] | None = None
    resetAndClosing = False
    _aborted = False

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, _SOCKET_OPTIONS, "Socket")
        if isinstance(options, dict):
            # The object-mode checks only matter when one of their keys is there (a
            # missing key reads as undefined, which is falsy): one isdisjoint() call
            # instead of 3 lookups.
            if not _OBJECT_MODE_KEYS.isdisjoint(options):
                if js_truthy(options.get("objectMode")):
                    raise errors.ERR_INVALID_ARG_VALUE(
                        "options.objectMode", options["objectMode"], "is not supported"
                    )
                if js_truthy(options.get("readableObjectMode")) or js_truthy(
                    options.get("writableObjectMode")
                ):
                    which = (
                        "readableObjectMode"
                        if js_truthy(options.get("readableObjectMode"))
                        else "writableObjectMode"
                    )
                    raise errors.ERR_INVALID_ARG_VALUE(
                        f"options.{which}",
                        options.get("readableObjectMode") or options.get("writableObjectMode"),
                        "is not supported",
                    )
            if options.get("keepAliveInitialDelay") is not None:
                validators.validate_number(
                    options["keepAliveInitialDelay"], "options.keepAliveInitialDelay"
                )
                if options["keepAliveInitialDelay"] < 0:
                    options["keepAliveInitialDelay"] = 0

        self.connecting = False
        self._hadError = False
        self._handle: StreamHandle | None = None
        self._parent: Any = None
        self._host: Any = None
        self._k_last_write_queue_size = 0
        self._k_timeout: Any = None
        self._k_buffer: Any = None
        self._k_buffer_cb: Any = None
        self._k_buffer_gen: Any = None
        self._closeAfterHandlingError = False
        self._sockname: dict[str, Any] | None = None

        if isinstance(options, (int, float)) and not isinstance(options, bool):
            options = {"fd": options}  # Legacy interface.
        else:
            options = dict(options) if isinstance(options, dict) else {}

        # bool(js_truthy(v)) without the call for True/False/None (the usual values).
        v = options.get("allowHalfOpen")
        options["allowHalfOpen"] = v is True or (v is not None and v is not False and js_truthy(v))
        # 'close' is emitted by net itself, from the handle's close callback.
        options["emitClose"] = False
        options["autoDestroy"] = True
        # Strings reach _write with their encoding (StreamBase writes them).
        options["decodeStrings"] = False
        super().__init__(options)

        # An adopted BoundSocket is bound but not connected: defer the read flow
        # until connect() completes.
        bound_not_connected = False
        if options.get("handle") is not None:
            if isinstance(options["handle"], BoundSocket):
                bound = options["handle"]
                bound_path = bound._k_bound_socket_path
                self._handle = handle = bound._k_bound_socket_consume()
                self._k_bound_source = True
                bound_not_connected = True
                # A bound client pipe owns a source path; surface it as localAddress.
                if bound_path is not None:
                    self._k_bound_path = bound_path
                    # uv_pipe_bind() only assigns the fd; it does not open the stream, so a
                    # later connect() would leave the handle without its readable/writable
                    # flags and unusable. Re-open the already-bound fd (idempotent, sets
                    # the flags) so the adopted client pipe connects to a working stream.
                    if handle.fd >= 0:
                        err = handle.open(handle.fd)
                        if err:
                            raise errors.ErrnoException(err, "open")
            else:
                self._handle = options["handle"]
        elif options.get("fd") is not None:
            fd = options["fd"]
            # createHandle will throw ERR_INVALID_FD_TYPE if `fd` is not
            # a valid `PIPE` or `TCP` descriptor
            handle = createHandle(fd, False)
            self._handle = handle
            err = handle.open(int(fd))
            if err:
                raise errors.ErrnoException(err, "open")

        onread = options.get("onread")
        if isinstance(onread, dict):
            buf = onread.get("buffer")
            cb = onread.get("callback")
            if (isinstance(buf, (bytearray, memoryview)) or callable(buf)) and callable(cb):
                if callable(buf) and not isinstance(buf, (bytearray, memoryview)):
                    self._k_buffer = True
                    self._k_buffer_gen = buf
                else:
                    self._k_buffer = buf
                self._k_buffer_cb = cb

        # bool(js_truthy(v)) and _seconds(v), without the calls for the usual values
        # (True/False/None; an undefined delay is 0 seconds).
        v = options.get("noDelay")
        self._k_set_no_delay = v is True or (v is not None and v is not False and js_truthy(v))
        v = options.get("keepAlive")
        self._k_set_keep_alive = v is True or (v is not None and v is not False and js_truthy(v))
        v = options.get("keepAliveInitialDelay")
        self._k_set_keep_alive_initial_delay = 0 if v is None else _seconds(v)
        self._k_set_keep_alive_interval: int | None = None
        self._k_set_keep_alive_count: Any = None
        tos = options.get("typeOfService")
        if tos is not None:
            validators.validate_int32(tos, "options.typeOfService", 0, 255)
        self._k_set_tos: Any = tos

        # Shut down the socket when we're finished with it.

        # `this.on('end', onReadableStreamEnd)`: the function bound to this socket as a
        # method (a partial would make arg_limit inspect its signature, per socket).
        self.on("end", types.MethodType(onReadableStreamEnd, self))

        initSocketHandle(self)

        self._pendingData: Any = None
        self._pendingEncoding = ""

        # Accepted and fd sockets start reading at once (unless paused on create).
        # If we have a handle, then start the flow of data into the
        # buffer.  if not, then this will happen when we connect
        if (
            self._handle is not None
            and options.get("readable") is not False
            and not bound_not_connected
        ):
            if options.get("pauseOnCreate"):
                self._handle.reading = False
                self._handle.readStop()
                self.readableFlowing = False
            elif not options.get("manualStart"):
                self.read(0)

        if js_truthy(options.get("signal")):
            addClientAbortSignalOption(self, options)

        block_list = options.get("blockList")
        if js_truthy(block_list):
            if not _blocklist().isBlockList(block_list):
                raise errors.ERR_INVALID_ARG_TYPE("options.blockList", "net.BlockList", block_list)
            self.blockList = block_list

        self.server: Server | None = None
        self._server: Server | None = None
        self._k_bytes_read = 0
        self._k_bytes_written = 0

    # -- timers ---------------------------------------------------------------------------
    # Refresh existing timeouts.
    def _unrefTimer(self) -> None:
        s: Any = self
        while s is not None:
            t = s._k_timeout
            if t is not None:
                t.refresh()
            s = s._parent

    def _k_update_timer(self) -> None:
        self._unrefTimer()

    # -- Writable/Readable hooks ------------------------------------------------------------
    # The user has called .end(), and all the bytes have been
    # sent out to the other side.
    _final = _final  # Socket.prototype._final, with afterShutdown and writeAfterFIN above

    def setTimeout(self, msecs: Any, callback: Any = None) -> Socket:
        """socket.setTimeout(msecs[, callback]): idle timeout, 'timeout' event.

        Emits ``'timeout'`` once the socket has had no reads or writes for ``msecs`` ms.
        The socket stays open: the listener must ``end()`` or ``destroy()`` it. The
        timer never keeps the loop alive. Does nothing on a destroyed socket.

        Args:
            msecs: The idle time in ms (Node's docs call it ``timeout``); 0 disables
                the idle timeout. Values above 2**31-1 are truncated to it, with a
                ``TimeoutOverflowWarning``.
            callback: Added as a one-time ``'timeout'`` listener (removed instead when
                ``msecs`` is 0). None means none.

        Returns:
            The socket.

        Raises:
            ERR_INVALID_ARG_TYPE: ``msecs`` is not a number or ``callback`` is not
                callable.
            ERR_OUT_OF_RANGE: ``msecs`` is negative or not finite.
        """
        setStreamTimeout(self, msecs, callback)
        return self

    def _onTimeout(self) -> None:
        handle = self._handle
        last = self._k_last_write_queue_size
        # `lastWriteQueueSize !== writeQueueSize` means there is
        # an active write in progress, so we suppress the timeout.
        if last > 0 and handle is not None:
            # An async write is still making progress: not idle.
            wqs = handle.writeQueueSize
            if last != wqs:
                self._k_last_write_queue_size = wqs
                self._unrefTimer()
                return
        self.emit("timeout")

    def setNoDelay(self, enable: Any = None) -> Socket:
        """socket.setNoDelay([noDelay]): TCP_NODELAY (default true).

        Disables Nagle's algorithm (data goes out at once instead of being batched), or
        enables it again. Without a handle yet, the choice is applied on connect. No
        effect on an IPC socket.

        Args:
            enable: Truthy (JS truthiness) to disable Nagle's algorithm, falsy to
                enable it; None (omitted) means True.

        Returns:
            The socket.
        """
        # Backwards compatibility: assume true when `enable` is omitted
        on = bool(True if enable is None else js_truthy(enable))
        if self._handle is None:
            self._k_set_no_delay = on
            return self
        # Node tests `this._handle.setNoDelay` for truthiness (a null member counts as absent).
        set_no_delay = getattr(self._handle, "setNoDelay", None)
        if set_no_delay and on != self._k_set_no_delay:
            self._k_set_no_delay = on
            set_no_delay(on)
        return self

    def setKeepAlive(
        self,
        enable: Any = None,
        initialDelay: Any = None,
        interval: Any = None,
        count: Any = None,
    ) -> Socket:
        """socket.setKeepAlive([enable][, initialDelay][, interval][, count]): SO_KEEPALIVE.

        Enables or disables TCP keep-alive. Without a handle yet, the choice is applied
        on connect. No effect on an IPC socket. Node 24 also takes one options dict
        ``{'enable', 'initialDelay', 'interval', 'count'}`` as ``enable``.

        Args:
            enable: Truthy (JS truthiness) to enable; None (omitted) means False. A
                dict is the options form.
            initialDelay: ms between the last data packet received and the first
                keep-alive probe, truncated to whole seconds. None (omitted) or 0 leaves
                the system's default (or the previous) delay.
            interval: ms between probes (TCP_KEEPINTVL), truncated to whole seconds;
                None (omitted) leaves libuv's default.
            count: The number of unanswered probes before the connection is dropped
                (TCP_KEEPCNT); None leaves libuv's default.

        Returns:
            The socket.
        """
        if isinstance(enable, dict):
            options = enable
            enable = options.get("enable")
            initialDelay = options.get("initialDelay")
            interval = options.get("interval")
            count = options.get("count")
        on = bool(js_truthy(enable))
        initial_delay = _seconds(initialDelay)
        interval_s = None if interval is None else _seconds(interval)

        if self._handle is None:
            self._k_set_keep_alive = on
            self._k_set_keep_alive_initial_delay = initial_delay
            self._k_set_keep_alive_interval = interval_s
            self._k_set_keep_alive_count = count
            return self

        if not getattr(self._handle, "setKeepAlive", None):
            return self

        if on != self._k_set_keep_alive or (
            on
            and (
                self._k_set_keep_alive_initial_delay != initial_delay
                or self._k_set_keep_alive_interval != interval_s
                or self._k_set_keep_alive_count != count
            )
        ):
            self._k_set_keep_alive = on
            self._k_set_keep_alive_initial_delay = initial_delay
            self._k_set_keep_alive_interval = interval_s
            self._k_set_keep_alive_count = count
            handleSetKeepAlive(self._handle, on, initial_delay, interval_s, count)
        return self

    def setTypeOfService(self, tos: Any = None) -> Socket:
        """socket.setTypeOfService(tos): the IP TOS / IPv6 traffic class byte (Node 24).

        Without a handle yet (or on a handle that cannot set it), the value is kept and
        applied once connected.

        Args:
            tos: An int in 0..255.

        Returns:
            The socket.

        Raises:
            ERR_INVALID_ARG_TYPE: ``tos`` is not a number (NaN included).
            ERR_OUT_OF_RANGE: ``tos`` is not an integer in 0..255.
            ErrnoException: The OS refused it (syscall ``setTypeOfService``).
        """
        if isinstance(tos, float) and math.isnan(tos):
            raise errors.ERR_INVALID_ARG_TYPE("tos", "number", tos)
        validators.validate_int32(tos, "tos", 0, 255)

        if self._handle is None:
            self._k_set_tos = tos
            return self

        set_tos = getattr(self._handle, "setTypeOfService", None)
        if not set_tos:
            self._k_set_tos = tos
            return self

        if tos != self._k_set_tos:
            self._k_set_tos = tos
            err = set_tos(tos)
            # (Node does not throw on Windows, where setting TOS is best effort.)
            if err:
                raise errors.ErrnoException(err, "setTypeOfService")
        return self

    def getTypeOfService(self) -> int:
        """socket.getTypeOfService(): the IP TOS / IPv6 traffic class byte (Node 24).

        Returns:
            The value the OS reports; without a handle, the value given to
            :meth:`setTypeOfService` (or the ``typeOfService`` option), else 0.

        Raises:
            ErrnoException: The OS refused to report it (syscall ``getTypeOfService``).
        """
        if self._handle is None:
            # Return cached value if set, otherwise default to 0
            return self._k_set_tos if self._k_set_tos is not None else 0

        get_tos = getattr(self._handle, "getTypeOfService", None)
        if not get_tos:
            return self._k_set_tos if self._k_set_tos is not None else 0

        res = get_tos()
        if isinstance(res, int) and res < 0:
            raise errors.ErrnoException(res, "getTypeOfService")
        return int(res)

    def address(self) -> dict[str, Any]:
        """socket.address(): ``{'address', 'family', 'port'}`` or ``{}``.

        The local address as the OS reports it, e.g. ``{'port': 12346, 'family':
        'IPv4', 'address': '127.0.0.1'}``.

        Returns:
            That dict, or ``{}`` when the socket has no handle or is an IPC socket.
        """
        return self._getsockname()

    @property
    def _connecting(self) -> bool:
        return self.connecting

    @property
    def pending(self) -> bool:
        """True until the socket is connected (Node: ``socket.pending``).

        True while :meth:`connect` has not been called or is still in progress, and
        when the socket has no handle (e.g. after it was destroyed).
        """
        return self._handle is None or self.connecting

    @property
    def readyState(self) -> str:
        """The connection state as a str (Node: ``socket.readyState``).

        ``'opening'`` while connecting, else ``'open'`` (readable and writable),
        ``'readOnly'``, ``'writeOnly'`` or ``'closed'`` (neither).
        """
        if self.connecting:
            return "opening"
        readable, writable = self.readable, self.writable
        if readable and writable:
            return "open"
        if readable and not writable:
            return "readOnly"
        if not readable and writable:
            return "writeOnly"
        return "closed"

    @property
    def bufferSize(self) -> int | None:
        """Bytes buffered for writing (Node: ``socket.bufferSize``, deprecated).

        The same as ``writableLength``, which Node recommends instead; None (undefined)
        when the socket has no handle.
        """
        if self._handle is not None:
            return int(self.writableLength)
        return None

    # ACCELERATED(_speedups.Socket__read)
    def _read(self, n: Any = None) -> None:
        if self.connecting or self._handle is None:
            self.once("connect", lambda: self._read(n))
        else:
            # getattr(self._handle, "reading", False) without the call: a fake handle
            # may lack the attribute.
            try:
                reading = self._handle.reading
            except AttributeError:
                reading = False
            if not reading:
                tryReadStart(self)

    def end(self, data: Any = None, encoding: Any = None, callback: Any = None) -> Socket:
        """socket.end([data][, encoding][, callback]): half-close after the pending writes.

        Writes ``data`` if given, then sends FIN once every pending write is done: the
        peer can still send data until it ends too (``'end'``). ``'finish'`` is emitted
        when the writable side is done.

        Args:
            data: A last chunk to write (bytes-like or str); None means none. A
                callable here is taken as ``callback``.
            encoding: The encoding of a str ``data``; None means ``'utf8'``. A callable
                here is taken as ``callback``.
            callback: Called once the stream has finished, with an error if it failed
                (e.g. ``ERR_STREAM_ALREADY_FINISHED``). None means none.

        Returns:
            The socket.

        Raises:
            ERR_INVALID_ARG_TYPE: ``data`` is neither bytes-like nor a str.
            ERR_UNKNOWN_ENCODING: ``encoding`` is not a known encoding.
        """
        Writable.end(self, data, encoding, callback)  # type: ignore[arg-type]
        return self

    def resetAndDestroy(self) -> Socket:
        """socket.resetAndDestroy(): close with RST; the peer sees ECONNRESET.

        Closes the TCP connection by sending an RST packet, and destroys the socket.
        While still connecting, this waits for ``'connect'``. A socket without a handle
        is destroyed with ``ERR_SOCKET_CLOSED`` (emitted as ``'error'``, not raised).

        Returns:
            The socket.

        Raises:
            ERR_INVALID_HANDLE_TYPE: The socket is not a TCP socket (e.g. IPC).
        """
        if self._handle is not None:
            if not isinstance(self._handle, TCP):
                raise errors.ERR_INVALID_HANDLE_TYPE()
            if self.connecting:
                self.once("connect", lambda: self._reset())
            else:
                self._reset()
        else:
            self.destroy(errors.ERR_SOCKET_CLOSED())
        return self

    def pause(self) -> Socket:
        """Stop reading (Node: ``socket.pause``).

        Stops the ``'data'`` flow (``Readable.pause``, which emits ``'pause'``); for a
        socket with ``onread``, also stops reading from the OS until :meth:`resume`.
        Useful to throttle an upload.

        Returns:
            The socket.
        """
        if (
            self._k_buffer is not None
            and not self.connecting
            and self._handle is not None
            and self._handle.reading
        ):
            self._handle.reading = False
            if not self.destroyed:
                err = self._handle.readStop()
                if err:
                    self.destroy(errors.ErrnoException(err, "read"))
        Duplex.pause(self)
        return self

    def resume(self) -> Socket:
        """Resume reading (Node: ``socket.resume``).

        Undoes :meth:`pause` (``Readable.resume``, which emits ``'resume'``); for a
        socket with ``onread``, also restarts reading from the OS.

        Returns:
            The socket.
        """
        if (
            self._k_buffer is not None
            and not self.connecting
            and self._handle is not None
            and not self._handle.reading
        ):
            tryReadStart(self)
        Duplex.resume(self)
        return self

    # ACCELERATED(_speedups.Socket_read0): read(0), from maybeReadMore_.
    def read(self, n: Any = None) -> Any:
        """Readable.read, starting the handle's reads for ``onread`` (Node: ``socket.read``).

        Args:
            n: How many bytes to read; None (undefined) means all the buffered data.

        Returns:
            The data (bytes, or str after ``setEncoding()``), or None if not enough is
            buffered (always None with ``onread``, whose callback gets the data).

        Raises:
            ERR_OUT_OF_RANGE: ``n`` is more than 1 GiB.
        """
        if (
            self._k_buffer is not None
            and not self.connecting
            and self._handle is not None
            and not self._handle.reading
        ):
            tryReadStart(self)
        return Duplex.read(self, n)

    def destroySoon(self) -> None:
        """End, then destroy once the writes are done (Node: ``socket.destroySoon``).

        Calls :meth:`end` if the socket is still writable, then destroys it at once if
        the writable side has finished, else on ``'finish'``.
        """
        if self.writable:
            self.end()
        if self.writableFinished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    def _destroy(self, exception: Any, cb: Callable[..., Any]) -> None:
        self.connecting = False
        s: Any = self
        while s is not None:
            _itimers.clear_timeout(s._k_timeout)
            s = s._parent
        handle = self._handle
        if handle is not None:
            is_exception = bool(exception)
            # Keep the counters readable after the handle is gone.
            # (JS reads undefined off a fake handle that has no counters.)
            self._k_bytes_read = getattr(handle, "bytesRead", 0)
            self._k_bytes_written = getattr(handle, "bytesWritten", 0)
            if self.resetAndClosing:
                self.resetAndClosing = False
                err = cast("TCP", handle).reset(lambda: self.emit("close", is_exception))
                if err:
                    self.emit("error", errors.ErrnoException(err, "reset"))
            elif self._closeAfterHandlingError:
                # Enqueue closing the socket as a microtask, so that the socket can be
                # accessible when an `error` event is handled in the `next tick queue`.
                task_queues.queue_microtask(lambda: closeSocketHandle(self, is_exception, True))
            else:
                closeSocketHandle(self, is_exception)
            if not self._closeAfterHandlingError:
                handle.onread = _noop
                self._handle = None
                self._sockname = None
            cb(exception)
        else:
            cb(exception)
            # Server's emitCloseNT: 'close' with no argument (hadError undefined).
            task_queues.next_tick(emitCloseNT, self)
        server = self._server
        if server is not None:
            server._connections -= 1
            server._emitCloseIfDrained()

    def _reset(self) -> Socket:
        self.resetAndClosing = True
        self.destroy()
        return self

    def _getpeername(self) -> dict[str, Any]:
        handle = self._handle
        if handle is None or not hasattr(handle, "getpeername") or self.connecting:
            return self._peername or {}
        if not self._peername:
            out: dict[str, Any] = {}
            err = handle.getpeername(out)
            if err:
                return out
            self._peername = out
        return self._peername

    @property
    def bytesRead(self) -> int:
        """Bytes received (Node: ``socket.bytesRead``).

        Still readable after the socket is destroyed (the last count is kept).
        """
        return int(self._handle.bytesRead) if self._handle is not None else self._k_bytes_read

    @property
    def remoteAddress(self) -> str | None:
        """The peer's address, None if unknown (Node: ``socket.remoteAddress``).

        E.g. ``'74.125.127.100'`` or ``'2001:4860:a005::68'``; None (undefined) while
        connecting, once the socket is destroyed, or for an IPC socket.
        """
        return self._getpeername().get("address")

    @property
    def remoteFamily(self) -> str | None:
        """``'IPv4'`` or ``'IPv6'`` of the peer (Node: ``socket.remoteFamily``).

        None (undefined) when :attr:`remoteAddress` is.
        """
        return self._getpeername().get("family")

    @property
    def remotePort(self) -> int | None:
        """The peer's port (Node: ``socket.remotePort``).

        None (undefined) when :attr:`remoteAddress` is.
        """
        return self._getpeername().get("port")

    def _getsockname(self) -> dict[str, Any]:
        # An adopted bound client pipe has no handle getsockname; its source path was
        # captured at adoption and stays authoritative across the connect reset.
        if self._k_bound_path is not None:
            return {"address": self._k_bound_path}
        handle = self._handle
        if handle is None or not hasattr(handle, "getsockname"):
            return {}
        if not self._sockname:
            self._sockname = {}
            handle.getsockname(self._sockname)
        return self._sockname

    @property
    def localAddress(self) -> str | None:
        """The local address (Node: ``socket.localAddress``).

        The address the socket is bound to, e.g. ``'0.0.0.0'`` or ``'::'`` for a
        server's socket listening on all interfaces; None (undefined) without a handle
        or for an IPC socket.
        """
        return self._getsockname().get("address")

    @property
    def localPort(self) -> int | None:
        """The local port (Node: ``socket.localPort``).

        None (undefined) when :attr:`localAddress` is.
        """
        return self._getsockname().get("port")

    @property
    def localFamily(self) -> str | None:
        """``'IPv4'`` or ``'IPv6'`` of the local address (Node: ``socket.localFamily``).

        None (undefined) when :attr:`localAddress` is.
        """
        return self._getsockname().get("family")

    def _k_after_async_write(self) -> None:
        self._k_last_write_queue_size = 0

    def _writeGeneric(self, writev: bool, data: Any, encoding: str, cb: Callable[..., Any]) -> Any:
        # If we are still connecting, then buffer this for later.
        # The Writable logic will buffer up any more writes while
        # waiting for this one to be done.
        if self.connecting:
            self._pendingData = data
            self._pendingEncoding = encoding

            def on_close() -> None:
                cb(errors.ERR_SOCKET_CLOSED_BEFORE_CONNECTION())

            def on_connect() -> None:
                self.off("close", on_close)
                self._writeGeneric(writev, data, encoding, cb)

            self.once("connect", on_connect)
            self.once("close", on_close)
            return None
        self._pendingData = None
        self._pendingEncoding = ""
        if self._handle is None:
            cb(errors.ERR_SOCKET_CLOSED())
            return False
        if self._k_timeout is not None or self._parent is not None:
            self._unrefTimer()
        if writev:
            req = writevGeneric(self, data, cb)
        else:
            req = writeGeneric(self, data, encoding, cb)
        if req.async_:
            self._k_last_write_queue_size = req.bytes
        return None

    def _writev(self, chunks: Any, cb: Callable[..., Any]) -> None:
        self._writeGeneric(True, chunks, "", cb)

    # ACCELERATED(_speedups.Writable_write)
    def _write(self, data: Any, encoding: Any, cb: Callable[..., Any]) -> None:
        # INLINED(Socket.prototype._writeGeneric, lib/net.js)
        # Hot path: _writeGeneric(False, ...) inlined for a connected socket with a
        # handle, no idle timeout and no parent (so no _unrefTimer to run): the same
        # statements as its non-connecting branch, one Python call fewer per write.
        # Only when _writeGeneric is Socket's own (a subclass may override it).
        # tests/unit/test_net_slow_paths.py runs writes through both paths.
        if (
            not self.connecting
            and self._handle is not None
            and self._k_timeout is None
            and self._parent is None
            and type(self)._writeGeneric is _SOCKET_WRITE_GENERIC
        ):
            self._pendingData = None
            self._pendingEncoding = ""
            req = writeGeneric(self, data, encoding, cb)
            if req.async_:
                self._k_last_write_queue_size = req.bytes
            return
        self._writeGeneric(False, data, encoding, cb)

    @property
    def _bytesDispatched(self) -> int:
        return int(self._handle.bytesWritten) if self._handle is not None else self._k_bytes_written

    @property
    def bytesWritten(self) -> int | None:
        """Bytes accepted by write(): dispatched + still buffered + pending on connect.

        Node: ``socket.bytesWritten``. A str counts as its encoded length. Still
        readable after the socket is destroyed.
        """
        # writableBuffer first: on an object whose constructor never ran (Node reads the
        # getter off Socket.prototype) it is None and nothing else may be touched.
        writable_buffer = self.writableBuffer
        if writable_buffer is None:
            return None
        total = self._bytesDispatched
        data = self._pendingData
        encoding = self._pendingEncoding
        for el in writable_buffer:
            total += _byte_length(entry_chunk(el), entry_encoding(el))
        if isinstance(data, list):
            for chunk in data:
                if isinstance(chunk, (bytes, bytearray, memoryview)):
                    total += _byte_length(chunk, None)
                else:
                    total += _byte_length(entry_chunk(chunk), entry_encoding(chunk))
        elif data:
            total += _byte_length(data, encoding)
        return total

    # -- connect ------------------------------------------------------------------------
    def connect(self, *args: Any, **kwargs: Any) -> Socket:
        """socket.connect(options[, cb]) / (port[, host][, cb]) / (path[, cb]).

        Starts connecting this socket; :func:`connect` calls it for you, so call it
        yourself only to reconnect a socket after its ``'close'``. A host name is
        resolved first (``'lookup'``); once connected, ``'connect'`` then ``'ready'``
        are emitted; a failure destroys the socket (``'error'``, then ``'close'``). With
        family autoselection (``autoSelectFamily``, used when ``family`` is not 4 or 6
        and there is no ``localAddress``), every address the lookup returns is tried in
        turn, alternating IPv6 and IPv4, each attempt getting
        ``autoSelectFamilyAttemptTimeout`` ms (``'connectionAttempt*'`` events).

        Args:
            *args: ``(options[, cb])``, ``(port[, host][, cb])`` or ``(path[, cb])``.
                TCP keys: ``port`` (required), ``host`` (default ``'localhost'``),
                ``localAddress``, ``localPort``, ``family`` (4, 6, ``'IPv4'``,
                ``'IPv6'``; default 0: both), ``hints`` (``dns.lookup`` flags),
                ``lookup`` (default ``dns.lookup``), ``autoSelectFamily`` (default
                :func:`getDefaultAutoSelectFamily`), ``autoSelectFamilyAttemptTimeout``
                (ms, at least 10; default :func:`getDefaultAutoSelectFamilyAttemptTimeout`).
                IPC key: ``path``. A str first argument that is not a number is a
                ``path``; anything else is the ``port``. ``cb`` (the last argument, if
                callable) is a one-time ``'connect'`` listener. A missing key or None
                means undefined: Node's default.
            **kwargs: The options as keyword arguments, camelCase or snake_case,
                merged over ``options``.

        Returns:
            The socket.

        Raises:
            ERR_MISSING_ARGS: Neither ``port`` nor ``path`` is given.
            ERR_INVALID_ARG_TYPE: ``path`` is not a str, ``port`` neither a number nor
                a str, ``localPort`` not a number, ``autoSelectFamily`` not a bool,
                ``autoSelectFamilyAttemptTimeout`` not a number, ``lookup`` not
                callable, or (default lookup) ``host`` not a str or ``hints`` not a
                number.
            ERR_INVALID_ARG_VALUE: (default lookup) ``family`` is not one of the values
                above, or ``hints`` has unknown flags.
            ERR_OUT_OF_RANGE: ``autoSelectFamilyAttemptTimeout`` is not an int32 >= 1.
            ERR_SOCKET_BAD_PORT: ``port`` is not a valid port number (0-65535).
            ERR_INVALID_IP_ADDRESS: ``localAddress`` is not an IP address.
        """
        if args and isinstance(args[0], _NormalizedArgs) and not kwargs:
            normalized: list[Any] = args[0]
        else:
            normalized = normalizeArgs(args, kwargs)
        options, cb = normalized[0], normalized[1]
        if cb is not None:
            self.once("connect", cb)
        # If the parent is already connecting, do not attempt to connect again
        if self._parent is not None and self._parent.connecting:
            return self
        if js_get(options, "port") is None and js_get(options, "path") is None:
            raise errors.ERR_MISSING_ARGS(["options", "port", "path"])
        self.__dict__.pop("write", None)  # undo writeAfterFIN
        if self.destroyed:
            self._handle = None
            self._peername = None
            self._sockname = None
        path = js_get(options, "path")
        # An adopted BoundSocket handle already fixes the transport; trust its type
        # rather than inferring pipe-ness from a path option on the connect call.
        # Once destroyed the adopted handle is gone (its reservation released), so
        # fall back to the path option, as for other pre-existing handles (e.g. a
        # TLSWrap) that are not transport handles.
        pipe = (
            isinstance(self._handle, Pipe)
            if self._k_bound_source and self._handle is not None
            else js_truthy(path)
        )
        if self._handle is None:
            self._handle = Pipe(PipeConstants["SOCKET"]) if pipe else TCP(TCPConstants["SOCKET"])
            initSocketHandle(self)
        self._unrefTimer()
        self.connecting = True
        if pipe:
            validators.validate_string(path, "options.path")
            internalConnect(self, path)
        else:
            lookupAndConnect(self, options)
        return self

    def _k_reinitialize_handle(self, handle: StreamHandle) -> None:
        if self._handle is not None:
            self._handle.close()
        self._handle = handle
        self._handle.owner = self
        initSocketHandle(self)

    def ref(self) -> Socket:
        """Let the socket keep the loop alive (the default) (Node: ``socket.ref``).

        Undoes :meth:`unref`. Without a handle yet, applied on ``'connect'``.

        Returns:
            The socket.
        """
        if self._handle is None:
            self.once("connect", self.ref)
            return self
        ref = getattr(self._handle, "ref", None)
        if callable(ref):
            ref()
        return self

    def unref(self) -> Socket:
        """Let the loop end while the socket is open (Node: ``socket.unref``).

        If this socket is the only thing left, ``run()`` returns. Without a handle yet,
        applied on ``'connect'``.

        Returns:
            The socket.
        """
        if self._handle is None:
            self.once("connect", self.unref)
            return self
        unref = getattr(self._handle, "unref", None)
        if callable(unref):
            unref()
        return self

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        buffer_size = bufferSize
        bytes_read = bytesRead
        bytes_written = bytesWritten
        destroy_soon = destroySoon
        get_type_of_service = getTypeOfService
        local_address = localAddress
        local_family = localFamily
        local_port = localPort
        ready_state = readyState
        remote_address = remoteAddress
        remote_family = remoteFamily
        remote_port = remotePort
        reset_and_destroy = resetAndDestroy
        set_keep_alive = setKeepAlive
        set_no_delay = setNoDelay
        set_timeout = setTimeout
        set_type_of_service = setTypeOfService
    # END twins


def _byte_length(chunk: Any, encoding: Any) -> int:
    if isinstance(chunk, str):
        return byte_length(chunk, encoding)
    if isinstance(chunk, (bytes, bytearray)):
        return len(chunk)
    return memoryview(chunk).nbytes


# Socket._write's fast path applies only while _writeGeneric is not overridden.
_SOCKET_WRITE_GENERIC = Socket._writeGeneric


# Just call handle.readStart until we have enough in the buffer
def tryReadStart(socket: Socket) -> None:
    # Not already reading, start the flow
    handle = cast("StreamHandle", socket._handle)
    handle.reading = True
    err = handle.readStart()
    if err:
        socket.destroy(errors.ErrnoException(err, "read"))


# Called when the 'end' event is emitted.
def onReadableStreamEnd(self: Socket) -> None:
    if not self.allowHalfOpen:
        self.write = types.MethodType(writeAfterFIN, self)  # type: ignore[attr-defined]


def checkBindError(err: int, port: Any, handle: StreamHandle) -> int:
    # EADDRINUSE may not be reported until we call listen() or connect().
    # To complicate matters, a failed bind() followed by listen() or connect()
    # will implicitly bind to a random port. Ergo, check that the socket is
    # bound to the expected port before calling listen() or connect().
    # (libuv defers EADDRINUSE from bind(); a local port that is not the one we asked for
    # means the bind failed.
    if err == 0 and js_truthy(port) and port > 0 and hasattr(handle, "getsockname"):
        out: dict[str, Any] = {}
        err = handle.getsockname(out)
        if err == 0 and port != out.get("port"):
            err = UV_EADDRINUSE
    return err


def internalConnect(
    self: Socket,
    address: str,
    port: Any = None,
    address_type: Any = None,
    local_address: Any = None,
    local_port: Any = None,
    flags: int = 0,
) -> None:
    # TODO return promise from Socket.prototype.connect which
    # wraps _connectReq.

    assert self.connecting

    err = 0
    handle: Any = self._handle  # TCP for an address_type of 4 or 6, else Pipe

    if local_address or local_port:
        if address_type == 4:
            local_address = local_address or DEFAULT_IPV4_ADDR
            err = handle.bind(local_address, local_port or 0)
        else:  # addressType === 6
            local_address = local_address or DEFAULT_IPV6_ADDR
            err = handle.bind6(local_address, local_port or 0, flags)
        err = checkBindError(err, local_port, handle)
        if err:
            self.destroy(errors.ExceptionWithHostPort(err, "bind", local_address, local_port))
            return
    self.emit("connectionAttempt", address, port, address_type)
    if address_type in (4, 6):
        if self.blockList is not None and self.blockList.check(address, f"ipv{address_type}"):
            self.destroy(ERR_IP_BLOCKED(address))
            return
        req: Any = TCPConnectWrap()
        req.oncomplete = afterConnect
        req.address = address
        req.port = port
        req.localAddress = local_address
        req.localPort = local_port
        req.addressType = address_type
        if address_type == 4:
            err = handle.connect(req, address, port)
        else:
            err = handle.connect6(req, address, port)
    else:
        req = PipeConnectWrap()
        req.address = address
        req.oncomplete = afterConnect
        err = handle.connect(req, address)
    if err:
        sockname = self._getsockname()
        details = None
        if sockname:
            details = f"{sockname.get('address')}:{sockname.get('port')}"
        self.destroy(errors.ExceptionWithHostPort(err, "connect", address, port, details))
    elif address_type in (4, 6) and _perf.hasObserver("net"):
        _perf.startPerf(
            self,
            kPerfHooksNetConnectContext,
            {"type": "net", "name": "connect", "detail": {"host": address, "port": port}},
        )


class _ConnectContext:
    __slots__ = (
        "addresses",
        "current",
        "errors",
        "flags",
        "localPort",
        "port",
        "socket",
        "timeout",
        "timer",
    )

    def __init__(
        self,
        socket: Socket,
        addresses: list[dict[str, Any]],
        port: int,
        local_port: Any,
        timeout: int,
    ) -> None:
        self.socket = socket
        self.addresses = addresses
        self.current = 0
        self.port = port
        self.localPort = local_port
        self.timeout = timeout
        self.timer: Any = None
        self.errors: list[BaseException] = []
        self.flags = 0


def internalConnectMultiple(context: _ConnectContext, canceled: bool = False) -> None:
    clearTimeout(context.timer)
    self = context.socket
    # We were requested to abort. Stop all operations
    if self._aborted:
        return

    # All connections have been tried without success, destroy with error
    if canceled or context.current == len(context.addresses):
        if not context.errors:
            self.destroy(errors.ERR_SOCKET_CONNECTION_TIMEOUT())
            return
        self.destroy(errors.NodeAggregateError(context.errors))
        return
    assert self.connecting
    current = context.current
    context.current += 1
    if current > 0:
        self._k_reinitialize_handle(TCP(TCPConstants["SOCKET"]))
    local_port, port, flags = context.localPort, context.port, context.flags
    address = context.addresses[current]["address"]
    address_type = context.addresses[current]["family"]
    local_address = None
    handle = cast("TCP", self._handle)

    if local_port:
        if address_type == 4:
            local_address = DEFAULT_IPV4_ADDR
            err = handle.bind(local_address, local_port)
        else:  # addressType === 6
            local_address = DEFAULT_IPV6_ADDR
            err = handle.bind6(local_address, local_port, flags)
        err = checkBindError(err, local_port, handle)
        if err:
            context.errors.append(
                errors.ExceptionWithHostPort(err, "bind", local_address, local_port)
            )
            internalConnectMultiple(context)
            return
    if self.blockList is not None and self.blockList.check(address, f"ipv{address_type}"):
        ex: BaseException = ERR_IP_BLOCKED(address)
        context.errors.append(ex)
        self.emit("connectionAttemptFailed", address, port, address_type, ex)
        internalConnectMultiple(context)
        return
    self.emit("connectionAttempt", address, port, address_type)
    req = TCPConnectWrap()
    req.oncomplete = lambda *a: afterConnectMultiple(context, current, *a)
    req.address = address
    req.port = port
    req.localAddress = local_address
    req.localPort = local_port
    req.addressType = address_type
    assert self.autoSelectFamilyAttemptedAddresses is not None
    self.autoSelectFamilyAttemptedAddresses.append(f"{address}:{port}")
    if address_type == 4:
        err = handle.connect(req, address, port)
    else:
        err = handle.connect6(req, address, port)
    if err:
        sockname = self._getsockname()
        details = f"{sockname.get('address')}:{sockname.get('port')}" if sockname else None
        ex = errors.ExceptionWithHostPort(err, "connect", address, port, details)
        context.errors.append(ex)
        self.emit("connectionAttemptFailed", address, port, address_type, ex)
        internalConnectMultiple(context)
        return
    # If the attempt has not returned an error, start the connection timer
    if current < len(context.addresses) - 1:
        context.timer = setTimeout(
            internalConnectMultipleTimeout, context.timeout, context, req, self._handle
        )


def socketToDnsFamily(family: Any) -> Any:
    if family == "IPv4":
        return 4
    if family == "IPv6":
        return 6
    return family


def lookupAndConnect(self: Socket, options: Any) -> None:
    local_address = js_get(options, "localAddress")
    local_port = js_get(options, "localPort")
    host = js_get(options, "host")
    # `options.host || 'localhost'`: JS truthiness ([] is a host, then rejected).
    host = host if js_truthy(host) else "localhost"
    port = js_get(options, "port")
    attempt_timeout = js_get(options, "autoSelectFamilyAttemptTimeout")
    auto_select_family = js_get(options, "autoSelectFamily")

    validators.validate_string_without_null_bytes(host, "options.host")

    # An adopted BoundSocket already owns the local endpoint and address family.
    if self._k_bound_source:
        if local_address is not None or local_port is not None:
            raise errors.ERR_INVALID_ARG_VALUE(
                "options",
                options,
                "localAddress and localPort cannot be used with an adopted bound socket",
            )
        auto_select_family = False

    if js_truthy(local_address) and not isIP(local_address):
        raise errors.ERR_INVALID_IP_ADDRESS(local_address)
    if js_truthy(local_port):
        validators.validate_number(local_port, "options.localPort")
    if port is not None:
        if isinstance(port, bool) or not isinstance(port, (int, float, str)):
            raise errors.ERR_INVALID_ARG_TYPE("options.port", ["number", "string"], port)
        validators.validate_port(port)
    port = to_int32(port) if port is not None else 0

    if auto_select_family is not None:
        validators.validate_boolean(auto_select_family, "options.autoSelectFamily")
    else:
        auto_select_family = _auto_select_family_default
    if attempt_timeout is not None:
        validators.validate_int32(attempt_timeout, "options.autoSelectFamilyAttemptTimeout", 1)
        if attempt_timeout < 10:
            attempt_timeout = 10
    else:
        attempt_timeout = _auto_select_family_attempt_timeout_default

    # If host is an IP, skip performing a lookup
    address_type = isIP(host)
    if address_type:
        # An adopted BoundSocket needs no lookup: issue connect(2) in-tick so the
        # kernel-resolved concrete source address is observable synchronously.
        # Connection failures are still reported via a deferred 'error' event.
        if self._k_bound_source:
            internalConnect(self, host, port, address_type, local_address, local_port)
            return

        def connect_literal() -> None:
            if self.connecting:
                internalConnect(self, host, port, address_type, local_address, local_port)

        task_queues.next_tick(connect_literal)
        return

    lookup = js_get(options, "lookup")
    if lookup is not None:
        validators.validate_function(lookup, "options.lookup")

    dnsopts: dict[str, Any] = {
        "family": socketToDnsFamily(js_get(options, "family")),
        "hints": js_get(options, "hints") or 0,
    }
    if dnsopts["family"] not in (4, 6) and dnsopts["hints"] == 0:
        dnsopts["hints"] = _dns.ADDRCONFIG
    self._host = host
    lookup_fn = lookup or _dns.lookup

    if dnsopts["family"] not in (4, 6) and not local_address and auto_select_family:
        dnsopts["all"] = True
        lookupAndConnectMultiple(
            self,
            lookup_fn,
            host,
            options,
            dnsopts,
            port,
            local_address,
            local_port,
            attempt_timeout,
        )
        return

    def emitLookup(err: Any = None, ip: Any = None, address_type: Any = None) -> None:
        self.emit("lookup", err, ip, address_type, host)

        # It's possible we were destroyed while looking this up.
        # XXX it would be great if we could cancel the promise returned by
        # the look up.
        if not self.connecting:
            return

        if err:
            # net.createConnection() creates a net.Socket object and immediately
            # calls net.Socket.connect() on it (that's us). There are no event
            # listeners registered yet so defer the error event to the next tick.
            task_queues.next_tick(connectErrorNT, self, err)
        elif not isinstance(ip, str) or not isIP(ip):
            task_queues.next_tick(connectErrorNT, self, errors.ERR_INVALID_IP_ADDRESS(ip))
        elif address_type not in (4, 6):
            task_queues.next_tick(
                connectErrorNT,
                self,
                errors.ERR_INVALID_ADDRESS_FAMILY(
                    address_type, js_get(options, "host"), js_get(options, "port")
                ),
            )
        else:
            self._unrefTimer()
            internalConnect(self, ip, port, address_type, local_address, local_port)

    lookup_fn(host, dnsopts, emitLookup)


def lookupAndConnectMultiple(
    self: Socket,
    lookup: Callable[..., Any],
    host: str,
    options: Any,
    dnsopts: dict[str, Any],
    port: int,
    local_address: Any,
    local_port: Any,
    timeout: int,
) -> None:
    def emitLookup(err: Any = None, addresses: Any = None) -> None:
        # It's possible we were destroyed while looking this up.
        # XXX it would be great if we could cancel the promise returned by
        # the look up.
        if not self.connecting:
            return
        if err:
            self.emit("lookup", err, None, None, host)
            # net.createConnection() creates a net.Socket object and immediately
            # calls net.Socket.connect() on it (that's us). There are no event
            # listeners registered yet so defer the error event to the next tick.
            task_queues.next_tick(connectErrorNT, self, err)
            return

        # Filter addresses by only keeping the one which are either IPv4 or IPV6.
        # The first valid address determines which group has preference on the
        # alternate family sorting which happens later.
        valid_addresses: list[list[dict[str, Any]]] = [[], []]
        valid_ips: list[list[str]] = [[], []]
        destinations: dict[int, int] | None = None
        for address in addresses:
            ip = js_get(address, "address")
            address_type = js_get(address, "family")
            self.emit("lookup", err, ip, address_type, host)
            # It's possible we were destroyed while looking this up.
            if not self.connecting:
                return
            if isIP(ip) and address_type in (4, 6):
                if destinations is None:
                    # The first valid address's family goes first.
                    destinations = {6: 0, 4: 1} if address_type == 6 else {4: 0, 6: 1}
                destination = destinations[address_type]
                # Only try an address once
                if ip not in valid_ips[destination]:
                    valid_addresses[destination].append({"address": ip, "family": address_type})
                    valid_ips[destination].append(ip)
        # When no AAAA or A records are available, fail on the first one
        if not valid_addresses[0] and not valid_addresses[1]:
            first_ip = js_get(addresses[0], "address")
            first_type = js_get(addresses[0], "family")
            if not isIP(first_ip):
                task_queues.next_tick(connectErrorNT, self, errors.ERR_INVALID_IP_ADDRESS(first_ip))
            elif first_type not in (4, 6):
                task_queues.next_tick(
                    connectErrorNT,
                    self,
                    errors.ERR_INVALID_ADDRESS_FAMILY(
                        first_type, js_get(options, "host"), js_get(options, "port")
                    ),
                )
            return
        to_attempt: list[dict[str, Any]] = []
        # Sort addresses alternating families
        for i in range(max(len(valid_addresses[0]), len(valid_addresses[1]))):
            if i < len(valid_addresses[0]):
                to_attempt.append(valid_addresses[0][i])
            if i < len(valid_addresses[1]):
                to_attempt.append(valid_addresses[1][i])
        if len(to_attempt) == 1:
            self._unrefTimer()
            internalConnect(
                self,
                to_attempt[0]["address"],
                port,
                to_attempt[0]["family"],
                local_address,
                local_port,
            )
            return
        self.autoSelectFamilyAttemptedAddresses = []
        context = _ConnectContext(self, to_attempt, port, local_port, timeout)
        self._unrefTimer()
        internalConnectMultiple(context)

    lookup(host, dnsopts, emitLookup)


def connectErrorNT(self: Socket, err: BaseException) -> None:
    self.destroy(err)


def afterConnect(
    status: int, handle: StreamHandle, req: Any, readable: bool, writable: bool
) -> None:
    self = handle.owner
    # Callback may come after call to destroy
    # (destroy() while connecting: no 'connect', no 'error'.)
    if self is None or self.destroyed:
        return
    assert self.connecting
    self.connecting = False
    self._sockname = None
    if status == 0:
        if self.readable and not readable:
            self.push(None)
            self.read()
        if self.writable and not writable:
            self.end()
        self._unrefTimer()
        if self._k_set_no_delay and hasattr(self._handle, "setNoDelay"):
            self._handle.setNoDelay(True)
        if self._k_set_keep_alive and hasattr(self._handle, "setKeepAlive"):
            handleSetKeepAlive(
                self._handle,
                True,
                self._k_set_keep_alive_initial_delay,
                self._k_set_keep_alive_interval,
                self._k_set_keep_alive_count,
            )
        set_tos = getattr(self._handle, "setTypeOfService", None)
        if self._k_set_tos is not None and set_tos:
            err = set_tos(self._k_set_tos)
            # On Windows, setting TOS is best-effort. If it fails, we shouldn't destroy
            # the connection or emit an error, as the socket is otherwise healthy.
            if err and err != UV_EBADF:
                self.emit("error", errors.ErrnoException(err, "setTypeOfService"))
        # 'connect' then 'ready', synchronously, then reading starts.
        self.emit("connect")
        self.emit("ready")
        # Start the first read, or get an immediate EOF.
        # this doesn't actually consume any bytes, because len=0.
        if readable and not self.isPaused():
            self.read(0)
        if getattr(self, kPerfHooksNetConnectContext, None) and _perf.hasObserver("net"):
            _perf.stopPerf(self, kPerfHooksNetConnectContext)
    else:
        ex = createConnectionError(req, status)
        self.emit("connectionAttemptFailed", req.address, req.port, req.addressType, ex)
        self.destroy(ex)


def addClientAbortSignalOption(self: Socket, options: dict[str, Any]) -> None:
    validators.validate_abort_signal(options["signal"], "options.signal")
    signal = options["signal"]

    def onAbort(*_: Any) -> None:
        signal.removeEventListener("abort", onAbort)
        self._aborted = True

    if signal.aborted:
        task_queues.next_tick(onAbort)
    else:
        task_queues.next_tick(lambda: signal.addEventListener("abort", onAbort, {"once": True}))


def createConnectionError(req: Any, status: int) -> BaseException:
    details = None
    if req.localAddress and req.localPort:
        details = f"{req.localAddress}:{req.localPort}"
    ex = errors.ExceptionWithHostPort(status, "connect", req.address, req.port, details)
    if details:
        ex.localAddress = req.localAddress
        ex.localPort = req.localPort
    return ex


def afterConnectMultiple(
    context: _ConnectContext,
    current: int,
    status: int,
    handle: StreamHandle,
    req: Any,
    readable: bool,
    writable: bool,
) -> None:
    # Make sure another connection is not spawned
    clearTimeout(context.timer)

    # One of the connection has completed and correctly dispatched but after timeout,
    # ignore this one
    if status == 0 and current != context.current - 1:
        handle.close()
        return
    self = context.socket

    # Some error occurred, add to the list of exceptions
    if status != 0:
        ex = createConnectionError(req, status)
        context.errors.append(ex)
        self.emit("connectionAttemptFailed", req.address, req.port, req.addressType, ex)

        # Try the next address, unless we were aborted
        if context.socket.connecting:
            internalConnectMultiple(context, status == UV_ECANCELED)
        return
    if _perf.hasObserver("net"):
        _perf.startPerf(
            self,
            kPerfHooksNetConnectContext,
            {"type": "net", "name": "connect", "detail": {"host": req.address, "port": req.port}},
        )
    afterConnect(status, cast("StreamHandle", self._handle), req, readable, writable)


def internalConnectMultipleTimeout(
    context: _ConnectContext, req: Any, handle: StreamHandle
) -> None:
    context.socket.emit("connectionAttemptTimeout", req.address, req.port, req.addressType)
    req.oncomplete = None
    context.errors.append(createConnectionError(req, UV_ETIMEDOUT))
    handle.close()

    # Try the next address, unless we were aborted
    if context.socket.connecting:
        internalConnectMultiple(context)


def addServerAbortSignalOption(self: Server, options: Any) -> None:
    signal = js_get(options, "signal")
    if signal is None:
        return
    validators.validate_abort_signal(signal, "options.signal")

    def onAborted(*_: Any) -> None:
        self.close()

    if signal.aborted:
        task_queues.next_tick(onAborted)
    else:
        signal.addEventListener("abort", onAborted, {"once": True})
        self.once("close", lambda *_: signal.removeEventListener("abort", onAborted))


class Server(EventEmitter):
    """net.Server: listens for TCP or IPC connections (Node: ``net.Server``).

    An EventEmitter; :func:`createServer` makes one. ``async with server:`` closes it on
    exit (Node's ``Symbol.asyncDispose``).

    Args:
        options: Node's options dict: ``allowHalfOpen`` (default False),
            ``highWaterMark`` (for the accepted sockets), ``pauseOnConnect`` (default
            False: accepted sockets start reading at once), ``noDelay`` (default
            False), ``keepAlive`` (default False), ``keepAliveInitialDelay`` (ms,
            default 0). A callable here is the connection listener. None (undefined)
            means no options.
        connectionListener: Added as a ``'connection'`` listener. None means none.
        **kwargs: The same options as keyword arguments, camelCase or snake_case,
            merged over ``options``.

    Attributes:
        maxConnections (int | None): Once the server has this many connections, new
            ones are closed at once and ``'drop'`` is emitted. None (undefined) or 0
            means no limit.

    Events:
        'close' (): The server closed; with connections open, not before they have
            all ended.
        'connection' (socket: Socket): A new connection was accepted.
        'error' (err: Exception): An error occurred, e.g. ``EADDRINUSE`` from
            :meth:`listen`. Unlike a socket's, ``'close'`` does not follow it unless
            :meth:`close` is called.
        'listening' (): The server is bound after :meth:`listen`.
        'drop' (data: dict | None): A connection was dropped because of
            ``maxConnections``; ``data`` is ``{'localAddress', 'localPort',
            'localFamily', 'remoteAddress', 'remotePort', 'remoteFamily'}`` for TCP,
            missing (no argument) otherwise.

    Raises:
        ERR_INVALID_ARG_TYPE: ``options`` is neither a dict, a callable nor None, or
            ``keepAliveInitialDelay`` or ``highWaterMark`` is not a number.
    """

    maxConnections: int | None = None
    blockList: Any = None
    # Instance attributes set by __init__, declared so their snake_case twins exist
    # (NodeNames gives an annotated camelCase attribute its alias).
    allowHalfOpen: bool
    pauseOnConnect: bool
    noDelay: bool
    keepAlive: bool
    keepAliveInitialDelay: int | float
    highWaterMark: int | float

    def __init__(self, options: Any = None, connectionListener: Any = None, **kwargs: Any) -> None:
        super().__init__()
        if callable(options) and not isinstance(options, dict):
            connectionListener = options
            options = node_options({}, kwargs, _SERVER_OPTIONS, "Server")
            self.on("connection", connectionListener)
        elif options is None or isinstance(options, dict):
            options = dict(node_options(options or {}, kwargs, _SERVER_OPTIONS, "Server"))
            if callable(connectionListener):
                self.on("connection", connectionListener)
        elif not isinstance(options, str | int | float):
            # Another JS object (a list, a Buffer, an instance): Node spreads it
            # (`{ ...options }`), keeping its own properties (an instance's public
            # attributes; a list's or a Buffer's indices name no option).
            own = getattr(options, "__dict__", None) or {}
            options = {k: v for k, v in own.items() if isinstance(k, str) and k[:1] != "_"}
            if callable(connectionListener):
                self.on("connection", connectionListener)
        else:
            raise errors.ERR_INVALID_ARG_TYPE("options", "Object", options)

        if options.get("keepAliveInitialDelay") is not None:
            validators.validate_number(
                options["keepAliveInitialDelay"], "options.keepAliveInitialDelay"
            )
            if options["keepAliveInitialDelay"] < 0:
                options["keepAliveInitialDelay"] = 0
        if options.get("highWaterMark") is not None:
            validators.validate_number(options["highWaterMark"], "options.highWaterMark")
            if options["highWaterMark"] < 0:
                options["highWaterMark"] = getDefaultHighWaterMark()

        self._connections = 0
        self._handle: Any = None
        self._usingWorkers = False
        self._workers: list[Any] = []
        self._unref = False
        self._listeningId = 1
        self._pipeName: str | None = None
        self._connectionKey: str | None = None
        self.allowHalfOpen = options.get("allowHalfOpen") or False
        self.pauseOnConnect = bool(js_truthy(options.get("pauseOnConnect")))
        self.noDelay = bool(js_truthy(options.get("noDelay")))
        self.keepAlive = bool(js_truthy(options.get("keepAlive")))
        self.keepAliveInitialDelay = _seconds(options.get("keepAliveInitialDelay"))
        hwm = options.get("highWaterMark")
        self.highWaterMark = hwm if hwm is not None else getDefaultHighWaterMark()
        block_list = options.get("blockList")
        if js_truthy(block_list):
            if not _blocklist().isBlockList(block_list):
                raise errors.ERR_INVALID_ARG_TYPE("options.blockList", "net.BlockList", block_list)
            self.blockList = block_list

    def _listen2(
        self,
        address: Any,
        port: Any,
        address_type: Any,
        backlog: Any,
        fd: Any = None,
        flags: int = 0,
    ) -> None:
        setupListenHandle(self, address, port, address_type, backlog, fd, flags)

    def listen(self, *args: Any, **kwargs: Any) -> Server:
        """server.listen(port[, host][, backlog][, cb]) / (path) / (options) / (handle).

        Starts accepting connections. ``'listening'`` is emitted on a later tick once
        the server listens; a bind or listen failure (``EADDRINUSE``, ``EACCES``...) is
        emitted as ``'error'``, not raised. A ``host`` is resolved with ``dns.lookup``
        first. Without a host the server listens on ``::`` (dual stack) if IPv6 is
        available, else on ``0.0.0.0``; port 0 or no port picks a free port (see
        :meth:`address`). May be called again only after :meth:`close` or a failed
        listen.

        Args:
            *args: One of Node's call forms: ``(port[, host][, backlog][, cb])``,
                ``(path[, backlog][, cb])`` (IPC; a str that is not a number),
                ``(options[, cb])`` or ``(handle[, backlog][, cb])`` (a TCP handle, or
                an object or dict with an ``fd`` >= 0, or with a ``_handle`` /
                ``handle`` holding one). ``options`` keys: ``port``, ``host``, ``path``,
                ``backlog`` (default 511), ``exclusive`` (no effect: no cluster),
                ``readableAll`` / ``writableAll`` (make the IPC socket readable /
                writable by all users), ``ipv6Only``, ``signal`` (an AbortSignal that
                closes the server) and ``reusePort`` (Node 22.12's option, honoured
                here). A ``port`` of None means 0. ``cb`` (the last argument, if
                callable) is a one-time ``'listening'`` listener.
            **kwargs: The options as keyword arguments, camelCase or snake_case,
                merged over ``options``.

        Returns:
            The server.

        Raises:
            ERR_SERVER_ALREADY_LISTEN: The server is already listening.
            ERR_SOCKET_BAD_PORT: ``port`` is not a valid port number (0-65535).
            ERR_INVALID_ARG_VALUE: ``options`` has neither ``port`` nor ``path`` (or
                is neither a dict nor a handle), or ``readableAll`` / ``writableAll``
                is set for an abstract socket path (one starting with a NUL).
            ERR_INVALID_ARG_TYPE: ``signal`` is not an AbortSignal, or ``host`` is not
                a str.
            ErrnoException: ``readableAll`` / ``writableAll`` could not be applied
                (syscall ``uv_pipe_chmod``).
        """
        normalized = normalizeArgs(args, kwargs, _LISTEN_OPTIONS, "listen")
        options, cb = normalized[0], normalized[1]
        if self._handle is not None:
            raise errors.ERR_SERVER_ALREADY_LISTEN()
        if cb is not None:
            self.once("listening", cb)
        backlog_from_args = _js_or(
            toNumber(args[1] if len(args) > 1 else False),
            toNumber(args[2] if len(args) > 2 else False),
        )
        # (boundSocket[, ...]) or ({ handle: boundSocket }[, ...]): adopt the bound
        # handle, transferring ownership so the BoundSocket can no longer close it.
        bound_socket: BoundSocket | None = None
        if isinstance(options, BoundSocket):
            bound_socket = options
        elif isinstance(js_get(options, "handle"), BoundSocket):
            bound_socket = js_get(options, "handle")
        if bound_socket is not None:
            bound_path = bound_socket._k_bound_socket_path
            self._handle = bound_socket._k_bound_socket_consume()
            # A pipe-backed handle reports its path via Server.address().
            if bound_path is not None:
                self._pipeName = bound_path
            self._listeningId += 1
            listenInCluster(self, None, -1, -1, backlog_from_args, None, True)
            return self
        handle_opt = js_get(options, "_handle") or (
            js_get(options, "handle") if isinstance(options, dict) else None
        )
        if handle_opt is not None:
            options = handle_opt
        flags = getFlags(options)
        #  Refresh the id to make the previous call invalid
        self._listeningId += 1

        # (handle[, backlog][, cb]) where handle is an object with a handle
        # Only a TCP handle is adopted; a Pipe handle goes on to the fd case below (a new
        # wrap of its fd, as `options instanceof TCP` in Node).
        if isinstance(options, TCP):
            self._handle = options
            listenInCluster(self, None, -1, -1, backlog_from_args, None, True)
            return self

        addServerAbortSignalOption(self, options)

        fd = js_get(options, "fd")
        # (handle[, backlog][, cb]) where handle is an object with a fd
        if _is_fd_number(fd):
            listenInCluster(self, None, None, None, backlog_from_args, fd)
            return self

        if not isinstance(options, dict):
            # Another object (a list, a Buffer, an instance): Node reads its properties,
            # finds neither port nor path and says so.
            if not (hasattr(options, "port") or hasattr(options, "path")):
                raise errors.ERR_INVALID_ARG_VALUE(
                    "options", options, 'must have the property "port" or "path"'
                )
            raise errors.ERR_INVALID_ARG_VALUE("options", options)

        # ([port][, host][, backlog][, cb]) where port is omitted,
        # that is, listen(), listen(null), listen(cb), or listen(null, cb)
        # or (options[, cb]) where options.port is explicitly set as undefined or
        # null, bind to an arbitrary unused port
        # (Keyword arguments are an options object: listen(cb, path=p) is (options, cb).)
        if (not kwargs and (len(args) == 0 or callable(args[0]))) or (
            "port" in options and options["port"] is None
        ):
            options["port"] = 0

        # ([port][, host][, backlog][, cb]) where port is specified
        # or (options[, cb]) where options.port is specified
        # or if options.port is normalized as 0 before
        port = options.get("port")
        if isinstance(port, (int, float, str)) and not isinstance(port, bool):
            validators.validate_port(port, "options.port")
            backlog = _js_or(options.get("backlog"), backlog_from_args)
            if options.get("reusePort") is True:
                options["exclusive"] = True
            # start TCP server listening on host:port
            if js_truthy(options.get("host")):  # JS truthiness: [] is a host (rejected)
                lookupAndListen(
                    self, to_int32(port), options["host"], backlog, options.get("exclusive"), flags
                )
            else:  # Undefined host, listens on unspecified address
                # Default addressType 4 will be used to search for primary server
                listenInCluster(
                    self, None, to_int32(port), 4, backlog, None, options.get("exclusive"), flags
                )
            return self

        # (path[, backlog][, cb]) or (options[, cb])
        # where path or options.path is a UNIX domain socket or Windows pipe
        path = options.get("path")
        if path and isPipeName(path):
            # We can not call fchmod on abstract unix socket
            if path[0] == "\0" and (options.get("readableAll") or options.get("writableAll")):
                raise errors.ERR_INVALID_ARG_VALUE(
                    "options",
                    options,
                    "can not set readableAll or writableAllt to true when path is abstract unix socket",
                )
            self._pipeName = path
            backlog = _js_or(options.get("backlog"), backlog_from_args)
            listenInCluster(
                self,
                path,
                -1,
                -1,
                backlog,
                None,
                options.get("exclusive"),
                0,
                {
                    "readableAll": options.get("readableAll"),
                    "writableAll": options.get("writableAll"),
                },
            )
            if self._handle is None:
                # Failed and an error shall be emitted in the next tick.
                # Therefore, we directly return.
                return self
            mode = 0
            if options.get("readableAll") is True:
                mode |= PipeConstants["UV_READABLE"]
            if options.get("writableAll") is True:
                mode |= PipeConstants["UV_WRITABLE"]
            if mode != 0:
                err = self._handle.fchmod(mode)
                if err:
                    self._handle.close()
                    self._handle = None
                    raise errors.ErrnoException(err, "uv_pipe_chmod")
            return self

        if "port" not in options and "path" not in options:
            raise errors.ERR_INVALID_ARG_VALUE(
                "options", options, 'must have the property "port" or "path"'
            )
        raise errors.ERR_INVALID_ARG_VALUE("options", options)

    @property
    def listening(self) -> bool:
        """True while the server accepts connections (Node: ``server.listening``).

        True from the moment :meth:`listen` binds (just before ``'listening'``) until
        :meth:`close`.
        """
        return self._handle is not None

    def address(self) -> Any:
        """server.address(): ``{'address', 'family', 'port'}``, the pipe path, or None.

        Returns:
            For a TCP server, the bound address as the OS reports it, e.g. ``{'port':
            12346, 'family': 'IPv6', 'address': '::'}`` (how to learn the port picked
            for ``listen(0)``); for an IPC server, its path (even after
            :meth:`close`); None (null) when a TCP server has no handle (not bound
            yet, or closed).

        Raises:
            ErrnoException: ``getsockname`` failed (syscall ``address``).
        """
        if self._handle is not None and hasattr(self._handle, "getsockname"):
            out: dict[str, Any] = {}
            err = self._handle.getsockname(out)
            if err:
                raise errors.ErrnoException(err, "address")
            return out
        if self._pipeName:
            return self._pipeName
        return None

    def getConnections(self, cb: Any = None) -> Server:
        """server.getConnections(callback): ``callback(err, count)`` on the next tick.

        Args:
            cb: Called on the next tick as ``cb(None, count)``, ``count`` being the
                number of open connections, the ones sent to child processes
                included (asked to them; ``err`` if one closed before answering).

        Returns:
            The server.

        Raises:
            ERR_INVALID_ARG_TYPE: ``cb`` is not callable.
        """
        # Node's process.nextTick validates the callback (the unvalidated queue would
        # fail later, deep in the tick loop).
        validators.validate_function(cb, "callback")
        if not self._usingWorkers:
            task_queues.next_tick(cb, None, self._connections)
            return self
        # Poll workers (the child_process socket lists of the sockets sent to children)
        left = len(self._workers)
        total = self._connections

        def oncount(err: Any, count: int = 0) -> None:
            nonlocal left, total
            if err:
                left = -1
                task_queues.next_tick(cb, err, None)
                return
            total += count
            left -= 1
            if left == 0:
                task_queues.next_tick(cb, None, total)

        for worker in list(self._workers):
            worker.getConnections(oncount)
        return self

    def close(self, cb: Any = None) -> Server:
        """server.close([cb]): stop accepting; 'close' once all connections ended.

        Stops accepting new connections and keeps the open ones; ``'close'`` is emitted
        (on a later tick) once every connection has ended. Also cancels a
        :meth:`listen` still resolving its host.

        Args:
            cb: A one-time ``'close'`` listener, called with no argument, or with an
                ``ERR_SERVER_NOT_RUNNING`` error if the server was not listening. None
                means none.

        Returns:
            The server.
        """
        self._listeningId += 1
        if callable(cb):
            if self._handle is None:
                self.once("close", lambda *_: cb(errors.ERR_SERVER_NOT_RUNNING()))
            else:
                self.once("close", cb)
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._usingWorkers:
            left = len(self._workers)

            def onWorkerClose(*args: Any) -> None:
                nonlocal left
                left -= 1
                if left != 0:
                    return
                self._connections = 0
                self._emitCloseIfDrained()

            # Increment connections to be sure that, even if all sockets will be closed
            # during polling of workers, `close` event will be emitted only once.
            self._connections += 1
            # Poll workers
            for worker in list(self._workers):
                worker.close(onWorkerClose)
        else:
            self._emitCloseIfDrained()
        return self

    def _setupWorker(self, socketList: Any) -> None:
        # A child_process SocketListSend: the sockets of this server sent to a child.
        self._usingWorkers = True
        self._workers.append(socketList)

        def on_exit(socketList: Any) -> None:
            self._workers.remove(socketList)

        socketList.once("exit", on_exit)

    def _emitCloseIfDrained(self) -> None:
        if self._handle is not None or self._connections:
            return
        task_queues.next_tick(emitCloseNT, self)

    def _nodejs_rejection(self, err: Any, event: Any, sock: Any = None) -> None:
        # Server[EventEmitter.captureRejectionSymbol]: a rejected async 'connection'
        # listener destroys that socket; any other event's rejection is a server 'error'.
        if event == "connection":
            sock.destroy(err)
        else:
            self.emit("error", err)

    def ref(self) -> Server:
        """Let the server keep the loop alive (the default) (Node: ``server.ref``).

        Undoes :meth:`unref`.

        Returns:
            The server.
        """
        self._unref = False
        if self._handle is not None:
            self._handle.ref()
        return self

    def unref(self) -> Server:
        """Let the loop end while the server listens (Node: ``server.unref``).

        If the server is the only thing left, ``run()`` returns. Called before
        :meth:`listen`, it applies once the server listens.

        Returns:
            The server.
        """
        self._unref = True
        if self._handle is not None:
            self._handle.unref()
        return self

    # Symbol.asyncDispose is Python's async context manager protocol: ``async with
    # server:`` closes it on exit.
    async def __aenter__(self) -> Server:
        """``async with server:``: the server itself; :meth:`__aexit__` closes it."""
        return self

    def __aexit__(self, *exc_info: Any) -> Any:
        """server[Symbol.asyncDispose](): a Promise, settled once the server closed.

        Calls :meth:`close` if the server is listening.

        Args:
            *exc_info: The ``async with`` exception info (ignored).

        Returns:
            A Promise that resolves with None once the server has closed (at once if it
            was not listening).
        """
        if self._handle is None:
            return Promise.resolve(None)

        def executor(resolve: Callable[[Any], None], reject: Callable[[Any], None]) -> None:
            # promisify(this.close)
            self.close(lambda err=None: reject(err) if err else resolve(None))

        return Promise(executor)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        get_connections = getConnections
    # END twins


def toNumber(x: Any) -> float | bool:
    n = js_number(x)
    return n if n >= 0 else False


def _js_or(a: Any, b: Any) -> Any:
    return a if js_truthy(a) else b


# Returns handle if it can be created, or error code if it can't
def createServerHandle(
    address: Any, port: Any, address_type: Any, fd: Any = None, flags: int = 0
) -> Any:
    err = 0
    is_tcp = False
    handle: Any  # TCP or Pipe (Node calls bind6 only where it is a TCP)

    # Assign handle in listen, and clean up if bind or listen fails
    if _is_fd_number(fd):
        try:
            handle = createHandle(fd, True)
        except Exception:
            # Not a fd we can listen on.  This will trigger an error.
            return UV_EINVAL
        err = handle.open(int(fd))
        if err:
            return err
    elif port == -1 and address_type == -1:
        handle = Pipe(PipeConstants["SERVER"])
    else:
        handle = TCP(TCPConstants["SERVER"])
        is_tcp = True

    if address or port or is_tcp:
        if not address:
            # Try binding to ipv6 first
            err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags)
            if err:
                handle.close()
                # Fallback to ipv4
                return createServerHandle(DEFAULT_IPV4_ADDR, port, None, None, flags)
        elif address_type == 6:
            err = handle.bind6(address, port, flags)
        elif address_type == -1:
            err = handle.bind(address)
        else:
            err = handle.bind(address, port, flags)
    if err:
        handle.close()
        return err
    return handle


def setupListenHandle(
    self: Server,
    address: Any,
    port: Any,
    address_type: Any,
    backlog: Any,
    fd: Any = None,
    flags: int = 0,
) -> None:
    # If there is not yet a handle, we need to create one and bind.
    # In the case of a server sent via IPC, we don't need to do this.
    if self._handle is None:
        rval: Any = None
        if not address and not _is_fd_number(fd):
            # Try to bind to the unspecified IPv6 address, see if IPv6 is available
            # Dual stack first (::), IPv4 if IPv6 is not available.
            rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags)
            if isinstance(rval, int):
                rval = None
                address = DEFAULT_IPV4_ADDR
                address_type = 4
            else:
                address = DEFAULT_IPV6_ADDR
                address_type = 6
        if rval is None:
            rval = createServerHandle(address, port, address_type, fd, flags)
        if isinstance(rval, int):
            error = errors.UVExceptionWithHostPort(rval, "listen", address, port)
            task_queues.next_tick(emitErrorNT, self, error)
            return
        self._handle = rval
    self._handle.onconnection = onconnection
    self._handle.owner = self
    # Use a backlog of 512 entries. We pass 511 to the listen() call because
    # the kernel does: backlogsize = roundup_pow_of_two(backlogsize + 1);
    # which will thus give us a backlog of 512 entries.
    # `backlog || 511`, then C++'s Int32Value: ToNumber of whatever value it is.
    err = self._handle.listen(js_number(backlog) if js_truthy(backlog) else 511)
    if err:
        ex = errors.UVExceptionWithHostPort(err, "listen", address, port)
        self._handle.close()
        self._handle = None
        task_queues.next_tick(emitErrorNT, self, ex)
        return
    # Generate connection key, this should be unique to the connection
    self._connectionKey = f"{address_type}:{address}:{port}"

    # Unref the handle if the server was unref'ed prior to listening
    if self._unref:
        self.unref()
    task_queues.next_tick(emitListeningNT, self)


def emitErrorNT(self: Any, err: BaseException) -> None:
    self.emit("error", err)


def emitListeningNT(self: Server) -> None:
    # Ensure handle hasn't closed
    # (listen(); close() in the same tick: no 'listening'.)
    if self._handle is not None:
        self.emit("listening")


def listenInCluster(
    server: Server,
    address: Any,
    port: Any,
    address_type: Any,
    backlog: Any,
    fd: Any = None,
    exclusive: Any = None,
    flags: int = 0,
    options: Any = None,
) -> None:
    exclusive = js_truthy(exclusive)

    from nodenet_uv import cluster

    if cluster.isPrimary or exclusive:
        # Will create a new handle
        # _listen2 sets up the listened handle, it is still named like this
        # to avoid breaking code that wraps this method
        server._listen2(address, port, address_type, backlog, fd, flags)
        return

    server_query: dict[str, Any] = {
        "address": address,
        "port": port,
        "addressType": address_type,
        "fd": fd,
        "flags": flags,
        "backlog": backlog,
        **(options or {}),
    }
    listening_id = server._listeningId

    # Get the primary's server handle, and listen on it
    def listenOnPrimaryHandle(err: Any, handle: Any) -> None:
        if listening_id != server._listeningId:
            if handle is not None:
                handle.close()
            return
        err = checkBindError(err or 0, port, handle)
        if err:
            server.emit("error", errors.ExceptionWithHostPort(err, "bind", address, port))
            return
        # If there was a handle, just close it to avoid fd leak
        # but it doesn't look like that's going to happen right now
        if server._handle is not None:
            server._handle.close()
        # Reuse primary's server handle
        server._handle = handle
        # _listen2 sets up the listened handle, it is still named like this
        # to avoid breaking code that wraps this method
        server._listen2(address, port, address_type, backlog, fd, flags)

    cluster._getServer(server, server_query, listenOnPrimaryHandle)


def isIpv6LinkLocal(ip: Any) -> bool:
    if not isIPv6(ip):
        return False
    ipv6_buffer = ipaddress.IPv6Address(ip.split("%", 1)[0]).packed
    first_byte = ipv6_buffer[0]  # The first 8 bits
    second_byte = ipv6_buffer[1]  # The next 8 bits

    # The link-local prefix is `1111111010`, which in hexadecimal is `fe80`
    # First 8 bits (firstByte) should be `11111110` (0xfe)
    # The next 2 bits of the second byte should be `10` (0x80)
    is_first_byte_correct = first_byte == 0xFE  # 0b11111110 == 0xfe
    is_second_byte_correct = (second_byte & 0xC0) == 0x80  # 0b10xxxxxx == 0x80
    return is_first_byte_correct and is_second_byte_correct


def filterOnlyValidAddress(addresses: list[Any]) -> Any:
    # Return the first non IPV6 link-local address if present
    for address in addresses:
        if not isIpv6LinkLocal(js_get(address, "address")):
            return address
    # Otherwise return the first address
    return addresses[0] if addresses else None


def lookupAndListen(
    self: Server, port: int, address: str, backlog: Any, exclusive: Any, flags: int
) -> None:
    listening_id = self._listeningId

    def doListen(err: Any = None, addresses: Any = None) -> None:
        # A close() or another listen() meanwhile makes this lookup stale.
        if listening_id != self._listeningId:
            return
        if err:
            self.emit("error", err)
        else:
            valid_address = filterOnlyValidAddress(addresses)
            family = js_get(valid_address, "family") or 4
            listenInCluster(
                self,
                js_get(valid_address, "address"),
                port,
                family,
                backlog,
                None,
                exclusive,
                flags,
            )

    _dns.lookup(address, {"all": True}, doListen)


def onconnection(handle: Any, err: int, client_handle: Any) -> None:
    self = handle.owner
    if err:
        self.emit("error", errors.ErrnoException(err, "accept"))
        return
    max_connections = self.maxConnections
    # JS's `number >= value`: any value compares as its ToNumber (NaN: never), never raises.
    if max_connections is not None and self._connections >= (
        max_connections
        if type(max_connections) is int or type(max_connections) is float
        else js_number(max_connections)
    ):
        if hasattr(client_handle, "getsockname") or hasattr(client_handle, "getpeername"):
            data: dict[str, Any] = {}
            local: dict[str, Any] = {}
            client_handle.getsockname(local)
            data["localAddress"] = local.get("address")
            data["localPort"] = local.get("port")
            data["localFamily"] = local.get("family")
            remote: dict[str, Any] = {}
            client_handle.getpeername(remote)
            data["remoteAddress"] = remote.get("address")
            data["remotePort"] = remote.get("port")
            data["remoteFamily"] = remote.get("family")
            self.emit("drop", data)
        else:
            self.emit("drop")
        client_handle.close()
        return
    if self.blockList is not None and callable(getattr(client_handle, "getpeername", None)):
        remote_info: dict[str, Any] = {}
        client_handle.getpeername(remote_info)
        address_type = isIP(remote_info.get("address"))
        if address_type and self.blockList.check(remote_info["address"], f"ipv{address_type}"):
            client_handle.close()
            return
    socket = Socket(
        {
            "handle": client_handle,
            "allowHalfOpen": self.allowHalfOpen,
            "pauseOnCreate": self.pauseOnConnect,
            "readable": True,
            "writable": True,
            "readableHighWaterMark": self.highWaterMark,
            "writableHighWaterMark": self.highWaterMark,
        }
    )
    if self.noDelay and hasattr(client_handle, "setNoDelay"):
        socket._k_set_no_delay = True
        client_handle.setNoDelay(True)
    if self.keepAlive and hasattr(client_handle, "setKeepAlive"):
        socket._k_set_keep_alive = True
        socket._k_set_keep_alive_initial_delay = self.keepAliveInitialDelay
        client_handle.setKeepAlive(True, self.keepAliveInitialDelay)
    self._connections += 1
    socket.server = self
    socket._server = self
    self.emit("connection", socket)


def emitCloseNT(self: Any) -> None:
    self.emit("close")


_normalizeArgs = normalizeArgs
_createServerHandle = createServerHandle
Stream = Socket


def __getattr__(name: str) -> Any:
    # BlockList and SocketAddress load lazily, as in Node (net.js module.exports getters).
    if name == "BlockList":
        from nodenet_uv._blocklist import BlockList

        return BlockList
    if name == "SocketAddress":
        from nodenet_uv._socketaddress import SocketAddress

        return SocketAddress
    raise AttributeError(name)


__all__ += alias_module(globals(), [n for n in __all__ if n not in ("BlockList", "SocketAddress")])


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    create_connection = createConnection
    create_server = createServer
    get_default_auto_select_family = getDefaultAutoSelectFamily
    get_default_auto_select_family_attempt_timeout = getDefaultAutoSelectFamilyAttemptTimeout
    is_ip = isIP
    is_ipv4 = isIPv4
    is_ipv6 = isIPv6
    set_default_auto_select_family = setDefaultAutoSelectFamily
    set_default_auto_select_family_attempt_timeout = setDefaultAutoSelectFamilyAttemptTimeout
# END twins
