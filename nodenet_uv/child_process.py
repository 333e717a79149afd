"""Port of Node.js lib/child_process.js and lib/internal/child_process.js (with
lib/internal/child_process/serialization.js's ``json`` mode).

``spawn``, ``fork``, ``exec``, ``execFile`` and the ``*Sync`` forms, the ``ChildProcess``
EventEmitter over the binding's ``Process`` (process_wrap), stdio as ``net.Socket`` over
binding Pipes, and Node's IPC channel: one JSON document per line, ``NODE_``-prefixed
internal messages, the ``NODE_HANDLE``/``NODE_HANDLE_ACK``/``NODE_HANDLE_NACK`` handshake
for passed handles (``net.Socket``, ``net.Server``, binding TCP/Pipe handles). The child
side (``process.send``, ``process.on('message')``...) is set up by :func:`_forkChild`
when this module is imported in a process started with ``NODE_CHANNEL_FD``.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
import selectors
import signal as _signal
import struct
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors, net
from nodenet_uv._binding import uv
from nodenet_uv._binding.pipe_wrap import IPC as _PIPE_IPC
from nodenet_uv._binding.pipe_wrap import SOCKET as _PIPE_SOCKET
from nodenet_uv._binding.pipe_wrap import Pipe
from nodenet_uv._binding.process_wrap import Process
from nodenet_uv._binding.process_wrap import constants as processConstants
from nodenet_uv._binding.stream_wrap import LibuvStreamWrap, WriteWrap
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv._internal.buffer import buffer_from_string
from nodenet_uv._internal.inspect import (
    inspect,
    js_string,
    js_truthy,
    js_typeof,
    number_to_string,
)
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv.abort_controller import addAbortListener
from nodenet_uv.events import EventEmitter
from nodenet_uv.process import process
from nodenet_uv.string_decoder import StringDecoder, normalizeEncoding
from nodenet_uv.timers import clearTimeout, setTimeout

__all__ = [
    "ChildProcess",
    "exec",
    "execFile",
    "execFileSync",
    "execSync",
    "fork",
    "spawn",
    "spawnSync",
]

MAX_BUFFER = 1024 * 1024
MAX_HANDLE_RETRANSMISSIONS = 3


# -- errors (internal/errors.js) --------------------------------------------------------
ERR_CHILD_PROCESS_IPC_REQUIRED = errors.ERR_CHILD_PROCESS_IPC_REQUIRED
ERR_CHILD_PROCESS_STDIO_MAXBUFFER = errors.ERR_CHILD_PROCESS_STDIO_MAXBUFFER
ERR_INVALID_SYNC_FORK_INPUT = errors.ERR_INVALID_SYNC_FORK_INPUT
ERR_IPC_CHANNEL_CLOSED = errors.ERR_IPC_CHANNEL_CLOSED
ERR_IPC_DISCONNECTED = errors.ERR_IPC_DISCONNECTED
ERR_IPC_ONE_PIPE = errors.ERR_IPC_ONE_PIPE
ERR_IPC_SYNC_FORK = errors.ERR_IPC_SYNC_FORK
ERR_INVALID_HANDLE_TYPE = errors.ERR_INVALID_HANDLE_TYPE


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_int32(v: Any) -> bool:
    return _is_number(v) and v == int(v) and -(2**31) <= v < 2**31


def _signals() -> dict[str, int]:
    return {
        n: int(getattr(_signal, n))
        for n in dir(_signal)
        if n.startswith("SIG") and not n.startswith("SIG_") and n.isupper()
    }


_SIGNALS = _signals()
_SIGNAL_NAMES = {v: k for k, v in sorted(_SIGNALS.items(), reverse=True)}


def convertToValidSignal(sig: Any) -> int:
    # internal/util.js convertToValidSignal
    if _is_number(sig) and sig in _SIGNAL_NAMES:
        return int(sig)
    if isinstance(sig, str):
        num = _SIGNALS.get(sig.upper())
        if num:
            return num
    raise errors.ERR_UNKNOWN_SIGNAL(sig)


def sanitizeKillSignal(killSignal: Any) -> int | None:
    if isinstance(killSignal, str) or _is_number(killSignal):
        return convertToValidSignal(killSignal)
    if killSignal is not None:
        raise errors.ERR_INVALID_ARG_TYPE("options.killSignal", ["string", "number"], killSignal)
    return None


def validateTimeout(timeout: Any) -> None:
    if timeout is not None and not (
        _is_number(timeout) and math.isfinite(timeout) and timeout == int(timeout) and timeout >= 0
    ):
        raise errors.ERR_OUT_OF_RANGE("timeout", "an unsigned integer", timeout)


def validateMaxBuffer(maxBuffer: Any) -> None:
    if maxBuffer is not None and not (_is_number(maxBuffer) and maxBuffer >= 0):
        raise errors.ERR_OUT_OF_RANGE("options.maxBuffer", "a positive number", maxBuffer)


def validateArgumentNullCheck(arg: Any, propName: str) -> None:
    if isinstance(arg, str) and "\0" in arg:
        raise errors.ERR_INVALID_ARG_VALUE(propName, arg, "must be a string without null bytes")


def validateArgumentsNullCheck(args: Any, propName: str) -> None:
    # JS `for (i = 0; i < args.length; ++i)`: a string's characters, nothing for an
    # object without a length.
    if isinstance(args, (list, tuple, str)):
        for i, arg in enumerate(args):
            validateArgumentNullCheck(arg, f"{propName}[{i}]")


class _EngineTypeError(errors.JsError, TypeError):
    """A ``TypeError`` the JS engine throws (no ``code``), e.g. V8's "x is not iterable"
    where Node's own code spreads a value that is not iterable."""

    js_constructor_name = "TypeError"
    name = "TypeError"


def _spread(obj: Any) -> dict[str, Any]:
    """JS ``{...obj}`` of an options value already validated as an object: a dict's own
    keys; a Buffer's or any other object's index keys name no option (empty here)."""
    return dict(node_options(obj)) if isinstance(obj, dict) else {}


def _for_in(obj: Any) -> list[tuple[str, Any]]:
    """JS ``for (const key in obj)`` with ``obj[key]``: a string's, an array's or a
    TypedArray's indices, a dict's keys; nothing for a number, a boolean, a function."""
    if isinstance(obj, dict):
        return [(k if isinstance(k, str) else js_string(k), v) for k, v in obj.items()]
    if isinstance(obj, (str, list, tuple, bytes, bytearray)):
        return [(str(i), v) for i, v in enumerate(obj)]
    return []


ERR_CHILD_CLOSED_BEFORE_REPLY = errors.ERR_CHILD_CLOSED_BEFORE_REPLY
ERR_INVALID_URL_SCHEME = errors.ERR_INVALID_URL_SCHEME
ERR_INVALID_FILE_URL_HOST = errors.ERR_INVALID_FILE_URL_HOST
ERR_INVALID_FILE_URL_PATH = errors.ERR_INVALID_FILE_URL_PATH


def fileURLToPath(url: urllib.parse.SplitResult | urllib.parse.ParseResult) -> str:
    """internal/url.js fileURLToPath (POSIX) for a parsed URL: Python's stand-in for a
    WHATWG URL object is ``urllib.parse.urlsplit``/``urlparse``'s result."""
    if url.scheme != "file":
        raise ERR_INVALID_URL_SCHEME("file")
    # WHATWG's parser turns file://localhost/ into an empty host.
    if (url.hostname or "") not in ("", "localhost"):
        raise ERR_INVALID_FILE_URL_HOST(process.platform)
    pathname = url.path
    if re.search(r"%2[fF]", pathname):
        raise ERR_INVALID_FILE_URL_PATH("must not include encoded / characters")
    return urllib.parse.unquote(pathname)


def _validated_path(value: Any, name: str) -> str:
    # internal/fs/utils.js getValidatedPath: a file URL, a Buffer or a string.
    if isinstance(value, (urllib.parse.SplitResult, urllib.parse.ParseResult)):
        value = fileURLToPath(value)
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    # validatePath: a string or a Uint8Array (a Buffer is one), without NUL.
    if not isinstance(value, (str, bytes, bytearray)):
        raise errors.ERR_INVALID_ARG_TYPE(name, ["string", "Buffer", "URL"], value)
    if (0 in value) if isinstance(value, (bytes, bytearray)) else ("\0" in value):
        raise errors.ERR_INVALID_ARG_VALUE(
            name, value, "must be a string, Uint8Array, or URL without null bytes"
        )
    if isinstance(value, (bytes, bytearray)):
        # DIVERGENCE: Node hands the Uint8Array itself on (spawn stringifies it); the
        # path it holds, decoded, is what a Python caller means.
        value = bytes(value).decode("utf-8", "surrogateescape")
    return value


class _Undefined:
    """JS undefined where Python's None means null (a missing message)."""


_UNDEFINED: Any = _Undefined()


# -- JSON serialization (internal/child_process/serialization.js json) ------------------
def _json_string(s: str) -> str:
    # JSON.stringify's QuoteJSONString: well-formed, lone surrogates escaped.
    out = json.dumps(s, ensure_ascii=False)
    if not s.isascii() and _SURROGATE.search(s):
        out = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")
# json's C encoder, for the values where its output is JSON.stringify's byte for byte.
_plain_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _is_plain(value: Any) -> bool:
    """True for the values json.dumps writes exactly as _stringify does: None, bool, int,
    str without lone surrogates, and lists and str-keyed dicts of them with no integer-like
    key (which JS lists first)."""
    t = type(value)
    if t is str:
        return value.isascii() or not _SURROGATE.search(value)
    if t is int or t is bool or value is None:
        return True
    if t is dict:
        for k, v in value.items():
            if type(k) is not str or not _is_plain(k) or _is_array_index(k) or not _is_plain(v):
                return False
        return True
    if t is list:
        return all(_is_plain(v) for v in value)
    return False


def _stringify(value: Any) -> str | None:
    """JSON.stringify(value): ``None`` where JS gives undefined (a function)."""
    if type(value) is dict and _is_plain(value):
        return _plain_dumps(value)  # the IPC messages' common case (cluster's), 5x faster
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_to_string(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return _json_string(value)
    to_json = getattr(value, "toJSON", None)
    if callable(to_json):
        return _stringify(to_json())
    if isinstance(value, (bytes, bytearray, memoryview)):
        # Buffer.prototype.toJSON
        return _stringify({"type": "Buffer", "data": list(bytes(value))})
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stringify(v) or "null" for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        items = list(value.items())
        if any(isinstance(k, str) and _is_array_index(k) for k, _ in items):
            # A JS object lists its integer-like keys first, ascending.
            index = sorted(
                ((k, v) for k, v in items if isinstance(k, str) and _is_array_index(k)),
                key=lambda kv: int(kv[0]),
            )
            rest = [(k, v) for k, v in items if not (isinstance(k, str) and _is_array_index(k))]
            items = index + rest
        for k, v in items:
            s = _stringify(v)
            if s is not None:
                parts.append(_json_string(js_string(k)) + ":" + s)
        return "{" + ",".join(parts) + "}"
    if callable(value):
        return None
    if isinstance(value, BaseException):
        # JSON.stringify(err): its own enumerable properties (a system error's errno, code,
        # syscall, address, port); message and stack are not enumerable.
        own = getattr(value, "_js_own_keys", None)
        return _stringify({k: getattr(value, k) for k in own()}) if callable(own) else "{}"
    d = getattr(value, "__dict__", None)
    return _stringify({k: v for k, v in d.items() if not k.startswith("_")}) if d else "{}"


def _json_parse(s: str) -> Any:
    return json.loads(s)


class _JsonSerialization:
    @staticmethod
    def initMessageChannel(channel: Any) -> None:
        channel._jsonBuffer = ""
        channel._stringDecoder = None

    @staticmethod
    def parseChannelMessages(channel: Any, readData: bytes) -> Iterator[Any]:
        if len(readData) == 0:
            return
        if channel._stringDecoder is None:
            channel._stringDecoder = StringDecoder("utf8")
        chunks = channel._stringDecoder.write(readData).split("\n")
        numCompleteChunks = len(chunks) - 1
        # Last line does not have trailing linebreak
        incompleteChunk = chunks[numCompleteChunks]
        if numCompleteChunks == 0:
            channel._jsonBuffer += incompleteChunk
        else:
            chunks[0] = channel._jsonBuffer + chunks[0]
            for i in range(numCompleteChunks):
                yield _json_parse(chunks[i])
            channel._jsonBuffer = incompleteChunk
        channel.buffering = len(channel._jsonBuffer) != 0

    @staticmethod
    def writeChannelMessage(channel: Any, req: WriteWrap, message: Any, handle: Any) -> int:
        string = (_stringify(message) or "undefined") + "\n"
        return int(channel.writeUtf8String(req, string, handle))


_serializations: dict[str, Any] = {"json": _JsonSerialization}


# -- 'advanced' serialization: V8's ValueSerializer format (version 15), as node 24's
# ipc_serdes writes it: a big-endian uint32 length, then 0xFF 0x0F and the value.
# Covered: undefined/null/booleans, numbers (int32 as Smi, else double), strings
# (one-byte or UTF-16 with V8's padding), arrays (dense; sparse ones are read), objects
# (integer-like keys first, as JS orders them), object references, Dates (read as
# datetime), Maps/Sets (read as dict/set), BigInts (read), Buffers and typed arrays
# (host objects: bytes). Python values map as JSON mode does; bytes are Buffers.
_V8_VERSION = 15
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_UNDEFINED_TAG = b"_"


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _is_array_index(key: str) -> bool:
    return (
        key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and int(key) < 2**32 - 1
    )


class _V8Serializer:
    def __init__(self) -> None:
        self.buf = bytearray(b"\xff" + _varint(_V8_VERSION))
        self.ids: dict[int, int] = {}
        self.next_id = 0
        self._keep: list[Any] = []

    def number(self, v: Any) -> None:
        if isinstance(v, int) and not isinstance(v, bool) and _INT32_MIN <= v <= _INT32_MAX:
            self.buf += b"I" + _varint(((v << 1) ^ (v >> 31)) & 0xFFFFFFFF)
            return
        f = float(v)
        if (
            f.is_integer()
            and _INT32_MIN <= f <= _INT32_MAX
            and not (f == 0 and math.copysign(1.0, f) < 0)
        ):
            self.number(int(f))
            return
        self.buf += b"N" + struct.pack("<d", f)

    def string(self, v: str) -> None:
        try:
            data = v.encode("latin-1")
        except UnicodeEncodeError:
            data = v.encode("utf-16-le", "surrogatepass")
            length = _varint(len(data))
            if (len(self.buf) + 1 + len(length)) & 1:
                self.buf += b"\x00"  # kPadding: two-byte contents start aligned
            self.buf += b"c" + length + data
            return
        self.buf += b'"' + _varint(len(data)) + data

    def key(self, k: Any) -> None:
        k = js_string(k) if not isinstance(k, str) else k
        if _is_array_index(k):
            self.number(int(k))
        else:
            self.string(k)

    def value(self, v: Any) -> None:
        if v is None:
            self.buf += b"0"
        elif v is True:
            self.buf += b"T"
        elif v is False:
            self.buf += b"F"
        elif isinstance(v, _Undefined):
            self.buf += _UNDEFINED_TAG
        elif isinstance(v, (int, float)):
            self.number(v)
        elif isinstance(v, str):
            self.string(v)
        else:
            ref = self.ids.get(id(v))
            if ref is not None:
                self.buf += b"^" + _varint(ref)
                return
            self.ids[id(v)] = self.next_id
            self.next_id += 1
            self._keep.append(v)
            if isinstance(v, (bytes, bytearray, memoryview)):
                data = bytes(v)
                # Node's host object: a Buffer (FastBuffer, index 10) and its bytes.
                self.buf += b"\\\x00\x0a" + _varint(len(data)) + data
            elif isinstance(v, (list, tuple)):
                self.buf += b"A" + _varint(len(v))
                for item in v:
                    self.value(item)
                self.buf += b"$" + _varint(0) + _varint(len(v))
            elif isinstance(v, dict):
                self.buf += b"o"
                items = [(k, x) for k, x in v.items() if not callable(x)]
                index = [(k, x) for k, x in items if isinstance(k, str) and _is_array_index(k)]
                index.sort(key=lambda kv: int(kv[0]))
                rest = [(k, x) for k, x in items if not (isinstance(k, str) and _is_array_index(k))]
                for k, x in index + rest:
                    self.key(k)
                    self.value(x)
                self.buf += b"{" + _varint(len(items))
            else:
                raise errors.ERR_INVALID_ARG_TYPE(
                    "message", ["string", "object", "number", "boolean"], v
                )


class _V8Deserializer:
    def __init__(self, data: bytes | memoryview) -> None:
        self.data = data
        self.pos = 0
        self.objects: dict[int, Any] = {}
        self.next_id = 0

    def byte(self) -> int:
        b = self.data[self.pos]
        self.pos += 1
        return b

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return result

    def raw(self, n: int) -> bytes:
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return bytes(out)

    def header(self) -> None:
        if self.data[self.pos : self.pos + 1] == b"\xff":
            self.pos += 1
            self.varint()

    def _new(self, obj: Any) -> Any:
        self.objects[self.next_id] = obj
        self.next_id += 1
        return obj

    def value(self) -> Any:
        tag = chr(self.byte())
        while tag == "\x00":  # padding
            tag = chr(self.byte())
        if tag == "_" or tag == "-":
            return None
        if tag == "0":
            return None
        if tag == "T":
            return True
        if tag == "F":
            return False
        if tag == "I":
            n = self.varint()
            return (n >> 1) ^ -(n & 1)
        if tag == "U":
            return self.varint()
        if tag == "N":
            f = struct.unpack("<d", self.raw(8))[0]
            return int(f) if f.is_integer() and abs(f) < 2**53 and str(f) != "-0.0" else f
        if tag == "Z":
            bitfield = self.varint()
            digits = self.raw(bitfield >> 1)
            n = int.from_bytes(digits, "little")
            return -n if bitfield & 1 else n
        if tag == '"':
            return self.raw(self.varint()).decode("latin-1")
        if tag == "S":
            return self.raw(self.varint()).decode("utf-8", "surrogatepass")
        if tag == "c":
            return self.raw(self.varint()).decode("utf-16-le", "surrogatepass")
        if tag == "^":
            return self.objects[self.varint()]
        if tag == "o":
            obj = self._new({})
            self._properties(obj, "{")
            return obj
        if tag == "A":
            length = self.varint()
            arr = self._new([None] * length)
            for i in range(length):
                arr[i] = self.value()
            extra: dict[Any, Any] = {}
            self._properties(extra, "$")
            self.varint()
            return arr
        if tag == "a":
            length = self.varint()
            arr = self._new([None] * length)
            props: dict[Any, Any] = {}
            self._properties(props, "@")
            self.varint()
            for k, x in props.items():
                if isinstance(k, int) and 0 <= k < length:
                    arr[k] = x
            return arr
        if tag == "D":
            ms = struct.unpack("<d", self.raw(8))[0]
            return self._new(datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.UTC))
        if tag == ";":
            m = self._new({})
            while self.data[self.pos : self.pos + 1] != b":":
                k = self.value()
                m[k] = self.value()
            self.pos += 1
            self.varint()
            return m
        if tag == "'":
            st = self._new(set())
            while self.data[self.pos : self.pos + 1] != b",":
                st.add(self.value())
            self.pos += 1
            self.varint()
            return st
        if tag == "\\":
            self.varint()  # 0: an ArrayBufferView
            self.varint()  # the view's type (10 Buffer, 1 Uint8Array, ...)
            return self._new(self.raw(self.varint()))
        raise ValueError(f"Unable to deserialize cloned data (tag {tag!r})")

    def _properties(self, obj: dict[Any, Any], end: str) -> None:
        while chr(self.data[self.pos]) != end:
            k = self.value()
            obj[k if not isinstance(k, int) or end == "@" else str(k)] = self.value()
        self.pos += 1
        self.varint()


class _AdvancedSerialization:
    @staticmethod
    def initMessageChannel(channel: Any) -> None:
        channel._messageBuffer = []
        channel._messageBufferSize = 0
        channel.buffering = False

    @staticmethod
    def parseChannelMessages(channel: Any, readData: bytes) -> Iterator[Any]:
        if len(readData) == 0:
            return
        if channel._messageBufferSize and len(channel._messageBuffer[0]) < 4:
            # Message length split into two buffers, so let's concatenate it.
            channel._messageBuffer[0] = channel._messageBuffer[0] + readData
        else:
            channel._messageBuffer.append(readData)
        channel._messageBufferSize += len(readData)

        # Index 0 should always be present because we just pushed data into it.
        messageBufferHead = channel._messageBuffer[0]
        while len(messageBufferHead) >= 4:
            fullMessageSize = int.from_bytes(messageBufferHead[:4], "big") + 4
            if channel._messageBufferSize < fullMessageSize:
                break
            concatenatedBuffer = (
                channel._messageBuffer[0]
                if len(channel._messageBuffer) == 1
                else b"".join(channel._messageBuffer)
            )
            serializedMessage = memoryview(concatenatedBuffer)[4:fullMessageSize]
            messageBufferHead = concatenatedBuffer[fullMessageSize:]
            channel._messageBufferSize = len(messageBufferHead)
            channel._messageBuffer = [messageBufferHead] if channel._messageBufferSize else []
            d = _V8Deserializer(serializedMessage)
            d.header()
            yield d.value()
        channel.buffering = channel._messageBufferSize > 0

    @staticmethod
    def writeChannelMessage(channel: Any, req: WriteWrap, message: Any, handle: Any) -> int:
        ser = _V8Serializer()
        ser.value(message)
        payload = bytes(ser.buf)
        data = len(payload).to_bytes(4, "big") + payload
        if handle is not None:
            return int(channel.writeBufferWithHandle(req, data, handle))
        return int(channel.writeBuffer(req, data))


_serializations["advanced"] = _AdvancedSerialization


# -- handle conversion (internal/child_process.js handleConversion) ---------------------
def _nop(*args: Any) -> None:
    pass


def closeHandleAfterAck(
    message: Any, handle: Any, options: dict[str, Any], callback: Any, target: Any = None
) -> None:
    # Store the handle after successfully sending it, so it can be closed when the
    # NODE_HANDLE_ACK is received. If the handle could not be sent, just close it.
    if handle is not None and not options.get("keepOpen"):
        if target is not None:
            target._pendingMessage = {
                "callback": callback,
                "message": message,
                "handle": handle,
                "options": options,
                "retransmissions": 0,
            }
        else:
            handle.close()


def _native_send(target: Any, message: Any, handle: Any, options: Any) -> Any:
    return handle


def _native_got(target: Any, message: Any, handle: Any, emit: Callable[[Any], None]) -> None:
    emit(handle)


def _server_send(target: Any, message: Any, server: Any, options: Any) -> Any:
    return server._handle


def _server_got(target: Any, message: Any, handle: Any, emit: Callable[[Any], None]) -> None:
    server = net.Server()
    server.listen(handle, lambda: emit(server))


# -- lib/internal/socket_list.js ---------------------------------------------------------
# DIVERGENCE: kept in this module (its only user) rather than a module of its own.
class SocketListSend(EventEmitter):
    """The sending side's view of the sockets of one server (``key``) passed to ``child``:
    it asks the child how many are still open, or to say when all are closed."""

    def __init__(self, child: Any, key: Any) -> None:
        super().__init__()
        self.key = key
        self.child = child
        child.once("exit", lambda *a: self.emit("exit", self))

    def _request(self, msg: Any, cmd: str, swallowErrors: bool, callback: Any) -> None:
        child = self.child

        def onclose(*a: Any) -> None:
            child.removeListener("internalMessage", onreply)
            callback(ERR_CHILD_CLOSED_BEFORE_REPLY())

        def onreply(msg: Any, *a: Any) -> None:
            if not (msg.get("cmd") == cmd and msg.get("key") == self.key):
                return
            child.removeListener("disconnect", onclose)
            child.removeListener("internalMessage", onreply)
            callback(None, msg)

        if not child.connected:
            onclose()
            return
        child._send(msg, None, swallowErrors)
        child.once("disconnect", onclose)
        child.on("internalMessage", onreply)

    def close(self, callback: Any) -> None:
        self._request(
            {"cmd": "NODE_SOCKET_NOTIFY_CLOSE", "key": self.key},
            "NODE_SOCKET_ALL_CLOSED",
            True,
            callback,
        )

    def getConnections(self, callback: Any) -> None:
        def on_reply(err: Any, msg: Any = None) -> None:
            if err:
                callback(err)
                return
            callback(None, msg["count"])

        self._request(
            {"cmd": "NODE_SOCKET_GET_COUNT", "key": self.key}, "NODE_SOCKET_COUNT", False, on_reply
        )

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        get_connections = getConnections
    # END twins


class SocketListReceive(EventEmitter):
    """The receiving side: counts the sockets of one server (``key``) it got, answers
    NODE_SOCKET_GET_COUNT and, once empty, NODE_SOCKET_NOTIFY_CLOSE."""

    def __init__(self, child: Any, key: Any) -> None:
        super().__init__()
        self.connections = 0
        self.key = key
        self.child = child

        def onempty(self: SocketListReceive, *a: Any) -> None:
            if not self.child.connected:
                return
            self.child._send({"cmd": "NODE_SOCKET_ALL_CLOSED", "key": self.key}, None, True)

        def on_internal_message(msg: Any, *a: Any) -> None:
            if msg.get("key") != self.key:
                return
            if msg.get("cmd") == "NODE_SOCKET_NOTIFY_CLOSE":
                # Already empty
                if self.connections == 0:
                    onempty(self)
                    return
                # Wait for sockets to get closed
                self.once("empty", onempty)
            elif msg.get("cmd") == "NODE_SOCKET_GET_COUNT":
                if not self.child.connected:
                    return
                self.child._send(
                    {"cmd": "NODE_SOCKET_COUNT", "key": self.key, "count": self.connections},
                    None,
                    False,
                )

        self.child.on("internalMessage", on_internal_message)

    def add(self, obj: dict[str, Any]) -> None:
        self.connections += 1

        # Notify the previous owner of the socket about its state change
        def on_close(*a: Any) -> None:
            self.connections -= 1
            if self.connections == 0:
                self.emit("empty", self)

        obj["socket"].once("close", on_close)


def getSocketList(type: str, worker: Any, key: Any) -> Any:
    sockets = worker._channelHandle.sockets[type]
    socketList = sockets.get(key)
    if not socketList:
        Construct = SocketListSend if type == "send" else SocketListReceive
        socketList = sockets[key] = Construct(worker, key)
    return socketList


def _socket_send(target: Any, message: Any, socket: Any, options: Any) -> Any:
    if socket._handle is None:
        return None
    # If the socket was created by net.Server we will track the socket
    server = getattr(socket, "server", None)
    if server is not None:
        # The worker should keep track of the socket
        message["key"] = server._connectionKey
        firstTime = message["key"] not in target._channelHandle.sockets["send"]
        socketList = getSocketList("send", target, message["key"])
        # The server should no longer expose a .connection property and when asked to
        # close it should query the socket status from the workers
        # (A net.Server without _setupWorker cannot poll workers: it counts only its own.)
        if firstTime and hasattr(server, "_setupWorker"):
            server._setupWorker(socketList)
        # Act like socket is detached
        if not options.get("keepOpen"):
            server._connections -= 1
    handle = socket._handle
    # Remove handle from socket object, it will be closed when the socket will be sent
    if not options.get("keepOpen"):
        handle.onread = _nop
        socket._handle = None
        socket.setTimeout(0)
    return handle


def _socket_got(target: Any, message: Any, handle: Any, emit: Callable[[Any], None]) -> None:
    socket = net.Socket({"handle": handle, "readable": True, "writable": True})
    # If the socket was created by net.Server we will track the socket
    if message.get("key"):
        # Add socket to connections list
        socketList = getSocketList("got", target, message["key"])
        socketList.add({"socket": socket})
    emit(socket)


handleConversion: dict[str, dict[str, Any]] = {
    "net.Native": {"simultaneousAccepts": True, "send": _native_send, "got": _native_got},
    "net.Server": {"simultaneousAccepts": True, "send": _server_send, "got": _server_got},
    "net.Socket": {"send": _socket_send, "postSend": closeHandleAfterAck, "got": _socket_got},
}


# -- ChildProcess ----------------------------------------------------------------------
def stdioStringToArray(stdio: Any, channel: Any = None) -> list[Any]:
    options: list[Any] = []
    if stdio in ("ignore", "overlapped", "pipe"):
        options.extend((stdio, stdio, stdio))
    elif stdio == "inherit":
        options.extend((0, 1, 2))
    else:
        raise errors.ERR_INVALID_ARG_VALUE("stdio", stdio)
    if channel:
        options.append(channel)
    return options


class ChildProcess(EventEmitter):
    """Node's ChildProcess: ``spawn``ed by :func:`spawn`; events ``spawn``, ``exit``,
    ``close``, ``error``, and with an IPC channel ``message`` and ``disconnect``."""

    def __init__(self) -> None:
        super().__init__()
        self._closesNeeded = 1
        self._closesGot = 0
        self.connected = False
        self._signalCode: str | None = None
        self._exitCode: int | None = None
        self.killed = False
        self.spawnfile: str | None = None
        self.spawnargs: list[str] = []
        self.pid: int | None = None
        self.stdin: Any = None
        self.stdout: Any = None
        self.stderr: Any = None
        # JS: not set by the constructor (undefined) until spawn() sets up stdio.
        self.stdio: list[Any] | None = None
        self.channel: Any = None
        self._handle: Any = Process()
        self._handle.owner = self
        self._handle.onexit = self._onexit

    # Getters with setters, so that their snake_case twins (exit_code, signal_code) exist.
    @property
    def exitCode(self) -> int | None:
        return self._exitCode

    @exitCode.setter
    def exitCode(self, value: int | None) -> None:
        self._exitCode = value

    @property
    def signalCode(self) -> str | None:
        return self._signalCode

    @signalCode.setter
    def signalCode(self, value: str | None) -> None:
        self._signalCode = value

    def _onexit(self, exitCode: int, signalCode: str | None = None) -> None:
        if signalCode:
            self.signalCode = signalCode
        else:
            self.exitCode = exitCode
        if self.stdin:
            self.stdin.destroy()
        self._handle.close()
        self._handle = None
        if exitCode < 0:
            syscall = "spawn " + self.spawnfile if self.spawnfile else "spawn"
            err = errors.ErrnoException(exitCode, syscall)
            if self.spawnfile:
                err.path = self.spawnfile
            err.spawnargs = self.spawnargs[1:]
            self.emit("error", err)
        else:
            self.emit("exit", self.exitCode, self.signalCode)
        # If any of the stdio streams have not been touched, then pull all the data
        # through so that it can get the eof and emit a 'close' event. Do it on nextTick
        # so that the user has one last chance to consume the output.
        process.nextTick(flushStdio, self)
        maybeClose(self)

    def spawn(self, options: Any = None, **kwargs: Any) -> int:
        options = node_options(options, kwargs)
        validators.validate_object(options, "options")
        # If no `stdio` option was given - use default
        stdio_opt = options.get("stdio")
        if not js_truthy(stdio_opt):  # JS `options.stdio || 'pipe'`: {} is truthy
            stdio_opt = "pipe"
        valid = getValidStdio(stdio_opt, False)
        ipc = valid["ipc"]
        ipcFd = valid["ipcFd"]
        stdio = options["stdio"] = valid["stdio"]

        try:
            serialization_mode = options.get("serialization")
            validators.validate_one_of(
                serialization_mode, "options.serialization", [None, "json", "advanced"]
            )
            serialization_mode = serialization_mode or "json"

            if ipc is not None:
                # Let child process know about opened IPC channel
                if options.get("envPairs") is None:
                    options["envPairs"] = []
                else:
                    validators.validate_array(options["envPairs"], "options.envPairs")
                options["envPairs"].append(f"NODE_CHANNEL_FD={ipcFd}")
                options["envPairs"].append(f"NODE_CHANNEL_SERIALIZATION_MODE={serialization_mode}")

            validators.validate_string(options.get("file"), "options.file")
            self.spawnfile = options["file"]
            if options.get("args") is None:
                self.spawnargs = []
            else:
                validators.validate_array(options["args"], "options.args")
                self.spawnargs = options["args"]

            spawnFlags = 0
            if options.get("detached"):
                spawnFlags |= processConstants["kProcessFlagDetached"]
            if options.get("windowsHide"):
                spawnFlags |= processConstants["kProcessFlagWindowsHide"]
            if options.get("windowsVerbatimArguments"):
                spawnFlags |= processConstants["kProcessFlagWindowsVerbatimArguments"]

        except BaseException:
            # DIVERGENCE: Node leaves the pipes getValidStdio made to the garbage collector
            # when a later option is invalid; libuv handles here must be closed.
            for entry in stdio:
                if entry["type"] == "pipe" and entry.get("handle") is not None:
                    entry["handle"].close()
            raise

        err = self._handle.spawn(
            options["file"],
            options.get("args"),
            options.get("cwd"),
            options.get("envPairs"),
            stdio,
            spawnFlags,
            options.get("uid"),
            options.get("gid"),
        )

        # Run-time errors should emit an error, not throw an exception.
        if err in (uv.UV_EACCES, uv.UV_EAGAIN, uv.UV_EMFILE, uv.UV_ENFILE, uv.UV_ENOENT):
            process.nextTick(onErrorNT, self, err)
            # There is no point in continuing when we've hit EMFILE or ENFILE because we
            # won't be able to set up the stdio file descriptors.
            if err in (uv.UV_EMFILE, uv.UV_ENFILE):
                return int(err)
        elif err:
            # Close all opened fds on error
            for stream in stdio:
                if stream["type"] == "pipe":
                    stream["handle"].close()
            self._handle.close()
            self._handle = None
            raise errors.ErrnoException(err, "spawn")
        else:
            process.nextTick(onSpawnNT, self)

        self.pid = self._handle.pid

        for i, stream in enumerate(stdio):
            if stream["type"] == "ignore":
                continue
            if stream.get("ipc"):
                self._closesNeeded += 1
                continue
            # The stream is already cloned and piped, thus stop its readable side,
            # otherwise we might attempt to read from the stream when at the same time
            # the child process does.
            if stream["type"] == "wrap":
                stream["handle"].reading = False
                stream["handle"].readStop()
                wrapped = stream["_stdio"]
                if hasattr(wrapped, "pause"):
                    wrapped.pause()
                    wrapped._readableState.flowing = False
                    wrapped._readableState.reading = False
                    wrapped._isUsedAsStdio = True
                continue
            if stream.get("handle") is not None:
                stream["socket"] = createSocket(stream["handle"] if self.pid != 0 else None, i > 0)
                if i > 0 and self.pid != 0:
                    self._closesNeeded += 1
                    stream["socket"].on("close", lambda: maybeClose(self))

        self.stdin = stdio[0].get("socket") if len(stdio) >= 1 else None
        self.stdout = stdio[1].get("socket") if len(stdio) >= 2 else None
        self.stderr = stdio[2].get("socket") if len(stdio) >= 3 else None
        self.stdio = [s.get("socket") for s in stdio]

        # Add .send() method and start listening for IPC data
        if ipc is not None:
            setupChannel(self, ipc, serialization_mode)
        return int(err)

    @property
    def _channel(self) -> Any:
        # DEP0129: the old name of `channel`.
        _deprecate_channel()
        return self.channel

    @_channel.setter
    def _channel(self, value: Any) -> None:
        _deprecate_channel()
        self.channel = value

    def kill(self, sig: Any = None) -> bool:
        signal = (
            sig
            if sig == 0 and _is_number(sig)
            else convertToValidSignal("SIGTERM" if sig is None else sig)
        )
        if self._handle is not None:
            err = self._handle.kill(signal)
            if err == 0:
                # Success.
                self.killed = True
                return True
            if err == uv.UV_ESRCH:
                pass  # Already dead.
            elif err in (uv.UV_EINVAL, uv.UV_ENOSYS):
                # The underlying platform doesn't support this signal.
                raise errors.ErrnoException(err, "kill")
            else:
                # Other error, almost certainly EPERM.
                self.emit("error", errors.ErrnoException(err, "kill"))
        # Kill didn't succeed.
        return False

    def ref(self) -> None:
        if self._handle is not None:
            self._handle.ref()

    def unref(self) -> None:
        if self._handle is not None:
            self._handle.unref()

    def __enter__(self) -> ChildProcess:
        return self

    def __exit__(self, *exc: Any) -> None:
        # ChildProcess.prototype[Symbol.dispose]
        if not self.killed:
            self.kill()

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        exit_code = exitCode
        signal_code = signalCode
    # END twins


_warned_dep0129 = False


def _deprecate_channel() -> None:
    global _warned_dep0129
    if not _warned_dep0129:
        _warned_dep0129 = True
        process.emitWarning(
            "_channel is deprecated. Use ChildProcess.channel instead.",
            "DeprecationWarning",
            "DEP0129",
        )


def flushStdio(subprocess: ChildProcess) -> None:
    stdio = subprocess.stdio
    if stdio is None:
        return
    for stream in stdio:
        if not stream or not stream.readable or getattr(stream, "_isUsedAsStdio", False):
            continue
        stream.resume()


def createSocket(pipe: Any, readable: bool) -> net.Socket:
    return net.Socket({"handle": pipe, "readable": readable})


def getHandleWrapType(stream: Any) -> str | bool:
    if isinstance(stream, Pipe):
        return "pipe"
    if isinstance(stream, TCP):
        return "tcp"
    return False


def closePendingHandle(target: Any) -> None:
    target._pendingMessage["handle"].close()
    target._pendingMessage = None


def onErrorNT(self: ChildProcess, err: int) -> None:
    self._handle.onexit(err)


def onSpawnNT(self: ChildProcess) -> None:
    self.emit("spawn")


def maybeClose(subprocess: Any) -> None:
    # Node also calls this with `process` (the child's end of the channel), where the
    # counters are undefined and nothing is emitted.
    subprocess._closesGot = getattr(subprocess, "_closesGot", 0) + 1
    if subprocess._closesGot == getattr(subprocess, "_closesNeeded", None):
        subprocess.emit("close", subprocess.exitCode, subprocess.signalCode)


def getValidStdio(stdio: Any, sync: bool) -> dict[str, Any]:
    ipc: Any = None
    ipcFd: int | None = None
    # Replace shortcut with an array
    if isinstance(stdio, str):
        stdio = stdioStringToArray(stdio)
    elif not isinstance(stdio, (list, tuple)):
        raise errors.ERR_INVALID_ARG_VALUE("stdio", stdio)
    elif isinstance(stdio, tuple):
        stdio = list(stdio)
    # At least 3 stdio will be created
    while len(stdio) < 3:
        stdio.append(None)

    acc: list[dict[str, Any]] = []

    def cleanup() -> None:
        for a in acc:
            if a["type"] in ("pipe", "ipc") and a.get("handle") is not None:
                a["handle"].close()

    for i, item in enumerate(stdio):
        # Defaults
        if item is None:
            item = "pipe" if i < 3 else "ignore"
        if item == "ignore":
            acc.append({"type": "ignore"})
        elif item in ("pipe", "overlapped") or (_is_number(item) and item < 0):
            a: dict[str, Any] = {
                "type": "overlapped" if item == "overlapped" else "pipe",
                "readable": i == 0,
                "writable": i != 0,
            }
            if not sync:
                a["handle"] = Pipe(_PIPE_SOCKET)
            acc.append(a)
        elif item == "ipc":
            if sync or ipc is not None:
                # Cleanup previously created pipes
                cleanup()
                if not sync:
                    raise ERR_IPC_ONE_PIPE()
                raise ERR_IPC_SYNC_FORK()
            ipc = Pipe(_PIPE_IPC)
            ipcFd = i
            acc.append({"type": "pipe", "handle": ipc, "ipc": True})
        elif item == "inherit":
            acc.append({"type": "inherit", "fd": i})
        elif (
            _is_number(item)
            or (isinstance(item, dict) and _is_number(item.get("fd")))
            or (_is_number(getattr(item, "fd", None)) and not hasattr(item, "_handle"))
        ):
            fd = item if _is_number(item) else (item["fd"] if isinstance(item, dict) else item.fd)
            acc.append({"type": "fd", "fd": int(fd)})
        elif (
            getHandleWrapType(item)
            or getHandleWrapType(_get(item, "handle"))
            or getHandleWrapType(_get(item, "_handle"))
        ):
            handle = (
                item
                if getHandleWrapType(item)
                else _get(item, "handle")
                if getHandleWrapType(_get(item, "handle"))
                else _get(item, "_handle")
            )
            acc.append(
                {
                    "type": "wrap",
                    "wrapType": getHandleWrapType(handle),
                    "handle": handle,
                    "_stdio": item,
                }
            )
        elif isinstance(item, (bytes, bytearray, memoryview, str)):
            if not sync:
                cleanup()
                raise ERR_INVALID_SYNC_FORK_INPUT(inspect(item))
        else:
            # Cleanup
            cleanup()
            raise errors.ERR_INVALID_ARG_VALUE("stdio", item)
    return {"stdio": acc, "ipc": ipc, "ipcFd": ipcFd}


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


# -- the IPC channel (internal/child_process.js setupChannel) ---------------------------
class Control(EventEmitter):
    """``subprocess.channel`` / ``process.channel``: ref/unref of the IPC pipe."""

    def __init__(self, channel: Any) -> None:
        super().__init__()
        self._channel = channel
        self._refs = 0
        self._refExplicitlySet = False
        self._pendingMessages: list[tuple[Any, ...]] = []

    # The methods keeping track of the counter are being used to track the listener
    # count on the child process object as well as when writes are in progress. Once the
    # user has explicitly requested a certain state, these methods become no-ops in order
    # to not interfere with the user's intentions.
    def refCounted(self) -> None:
        self._refs += 1
        if self._refs == 1 and not self._refExplicitlySet:
            self._channel.ref()

    def unrefCounted(self) -> None:
        self._refs -= 1
        if self._refs == 0 and not self._refExplicitlySet:
            self._channel.unref()

    def ref(self) -> None:
        self._refExplicitlySet = True
        self._channel.ref()

    def unref(self) -> None:
        self._refExplicitlySet = True
        self._channel.unref()

    @property
    def fd(self) -> int | None:
        return self._channel.fd if self._channel is not None else None

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        ref_counted = refCounted
        unref_counted = unrefCounted
    # END twins


def isInternal(message: Any) -> bool:
    if not isinstance(message, dict):
        return False
    cmd = message.get("cmd")
    return isinstance(cmd, str) and len(cmd) > 5 and cmd[:5] == "NODE_"


def _is_handle_like(handle: Any) -> bool:
    # JS truthiness of the handle argument (undefined/null/false/0/'' are no handle).
    return handle is not None and handle is not False and handle != 0 and handle != ""


def setupChannel(target: Any, channel: Any, serializationMode: str) -> Control:
    control = Control(channel)
    target.channel = control
    target._channelHandle = channel
    target._handleQueue = None
    target._pendingMessage = None

    ser = _serializations[serializationMode]
    state: dict[str, Any] = {"pendingHandle": None}
    ser.initMessageChannel(channel)
    channel.pendingHandle = None
    channel.sockets = {"send": {}, "got": {}}
    channel.buffering = False

    def onread(handle: Any, nread: int, buf: Any) -> None:
        recvHandle = channel.pendingHandle
        channel.pendingHandle = None
        if nread > 0:
            if recvHandle is not None:
                state["pendingHandle"] = recvHandle
            for message in ser.parseChannelMessages(channel, buf):
                # There will be at most one NODE_HANDLE message in every chunk we read
                # because SCM_RIGHTS messages don't get coalesced. Make sure that we
                # deliver the handle with the right message however.
                if isInternal(message):
                    if message["cmd"] == "NODE_HANDLE":
                        handleMessage(message, state["pendingHandle"], True)
                        state["pendingHandle"] = None
                    else:
                        handleMessage(message, None, True)
                else:
                    handleMessage(message, None, False)
        elif nread < 0:
            channel.buffering = False
            target.disconnect()
            channel.onread = _nop
            channel.close()
            target.channel = None
            maybeClose(target)

    channel.onread = onread

    def on_internal_message(message: Any, handle: Any = None) -> None:
        # Once acknowledged - continue sending handles.
        cmd = message.get("cmd")
        if cmd in ("NODE_HANDLE_ACK", "NODE_HANDLE_NACK"):
            if target._pendingMessage:
                if cmd == "NODE_HANDLE_ACK":
                    closePendingHandle(target)
                else:
                    n = target._pendingMessage["retransmissions"]
                    target._pendingMessage["retransmissions"] = n + 1
                    if n == MAX_HANDLE_RETRANSMISSIONS:
                        closePendingHandle(target)
                        process.emitWarning(
                            "Handle did not reach the receiving process correctly",
                            "SentHandleNotReceivedWarning",
                        )
            queue = target._handleQueue or []
            target._handleQueue = None
            if target._pendingMessage:
                pm = target._pendingMessage
                target._send(pm["message"], pm["handle"], pm["options"], pm["callback"])
            for args in queue:
                target._send(args["message"], args["handle"], args["options"], args["callback"])
            # Process a pending disconnect (if any).
            if not target.connected and target.channel and not target._handleQueue:
                target._disconnect()
            return

        if cmd != "NODE_HANDLE":
            return

        # It is possible that the handle is not received because of some error on
        # ancillary data reception such as MSG_CTRUNC. In this case, report the sender
        # about it by sending a NODE_HANDLE_NACK message.
        if handle is None:
            target._send({"cmd": "NODE_HANDLE_NACK"}, None, True)
            return

        # Acknowledge handle receival. Don't emit error events (for example if the other
        # side has disconnected) because this call to send() is not initiated by the user
        # and it shouldn't be fatal to be unable to ACK a message.
        target._send({"cmd": "NODE_HANDLE_ACK"}, None, True)

        obj = handleConversion[message["type"]]
        # Convert handle object
        obj["got"](
            target,
            message,
            handle,
            lambda h: handleMessage(message["msg"], h, isInternal(message["msg"])),
        )

    target.on("internalMessage", on_internal_message)

    def on_new_listener(*args: Any) -> None:
        def flush() -> None:
            if not target.channel or not target.listenerCount("message"):
                return
            messages = target.channel._pendingMessages
            if not messages:
                return
            target.channel._pendingMessages = []
            for m in messages:
                target.emit(*m)

        process.nextTick(flush)

    target.on("newListener", on_new_listener)

    def send(
        message: Any = _UNDEFINED, handle: Any = None, options: Any = None, callback: Any = None
    ) -> bool:
        if callable(handle) and not isinstance(handle, (EventEmitter, LibuvStreamWrap)):
            callback = handle
            handle = None
            options = None
        elif callable(options):
            callback = options
            options = None
        elif options is not None:
            validators.validate_object(options, "options")
        options = {"swallowErrors": False, **(node_options(options) or {})}
        if target.connected:
            return bool(target._send(message, handle, options, callback))
        ex = ERR_IPC_CHANNEL_CLOSED()
        if callable(callback):
            process.nextTick(callback, ex)
        else:
            process.nextTick(lambda: target.emit("error", ex))
        return False

    def _send(message: Any, handle: Any, options: Any, callback: Any = None) -> bool:
        if message is _UNDEFINED:
            raise errors.ERR_MISSING_ARGS("message")
        # Non-serializable messages should not reach the remote end point; as any
        # failure in the stringification there will result in error message that is
        # weakly consumable. So perform a final check on message prior to sending.
        if isinstance(message, _Undefined) or (
            callable(message) and not isinstance(message, (dict, list))
        ):
            raise errors.ERR_INVALID_ARG_TYPE(
                "message", ["string", "object", "number", "boolean"], message
            )
        # Support legacy function signature
        if isinstance(options, bool):
            options = {"swallowErrors": options}

        obj = None
        # Package messages with a handle object
        if _is_handle_like(handle):
            # This message will be handled by an internalMessage event handler
            message = {"cmd": "NODE_HANDLE", "type": None, "msg": message}
            if isinstance(handle, net.Socket):
                message["type"] = "net.Socket"
            elif isinstance(handle, net.Server):
                message["type"] = "net.Server"
            elif isinstance(handle, (TCP, Pipe)):
                message["type"] = "net.Native"
            else:
                raise ERR_INVALID_HANDLE_TYPE()

            # Queue-up message and handle if we haven't received ACK yet.
            if target._handleQueue is not None:
                target._handleQueue.append(
                    {
                        "callback": callback,
                        "handle": handle,
                        "options": options,
                        "message": message["msg"],
                    }
                )
                return len(target._handleQueue) == 1

            obj = handleConversion[message["type"]]
            # convert TCP object to native handle object
            handle = obj["send"](target, message, handle, options)
            # If handle was sent twice, or it is impossible to get native handle out of
            # it - just send a text without the handle.
            if not handle:
                message = message["msg"]
        elif target._handleQueue is not None and not (
            isinstance(message, dict)
            and message.get("cmd") in ("NODE_HANDLE_ACK", "NODE_HANDLE_NACK")
        ):
            # Queue request anyway to avoid out-of-order messages.
            target._handleQueue.append(
                {"callback": callback, "handle": None, "options": options, "message": message}
            )
            return len(target._handleQueue) == 1
        else:
            handle = None

        req = WriteWrap()
        err = ser.writeChannelMessage(channel, req, message, handle or None)
        wasAsyncWrite = req.async_

        if err == 0:
            if handle:
                if target._handleQueue is None:
                    target._handleQueue = []
                if obj is not None and obj.get("postSend"):
                    obj["postSend"](message, handle, options, callback, target)
            if wasAsyncWrite:

                def oncomplete(req: Any = None, status: int = 0) -> None:
                    control.unrefCounted()
                    if callable(callback):
                        callback(None)

                req.oncomplete = oncomplete
                control.refCounted()
            elif callable(callback):
                process.nextTick(callback, None)
        else:
            # Cleanup handle on error
            if obj is not None and obj.get("postSend"):
                obj["postSend"](message, handle, options, callback)
            if not options.get("swallowErrors"):
                ex = errors.ErrnoException(err, "write")
                if callable(callback):
                    process.nextTick(callback, ex)
                else:
                    process.nextTick(lambda: target.emit("error", ex))

        # If the primary is > 2 read() calls behind, please stop sending.
        return bool(channel.writeQueueSize < (65536 * 2))

    target.send = send
    target._send = _send

    # Connected will be set to false immediately when a disconnect() is requested, even
    # though the channel might still be alive internally to process queued messages.
    target.connected = True

    def disconnect() -> None:
        if not target.connected:
            target.emit("error", ERR_IPC_DISCONNECTED())
            return
        # Do not allow any new messages to be written.
        target.connected = False
        # If there are no queued messages, disconnect immediately. Otherwise, postpone the
        # disconnect so that it happens internally after the queue is flushed.
        if not target._handleQueue:
            target._disconnect()

    def _disconnect() -> None:
        # This marks the fact that the channel is actually disconnected.
        target.channel = None
        target._channelHandle = None
        if target._pendingMessage:
            closePendingHandle(target)
        fired = [False]

        def finish(*args: Any) -> None:
            if fired[0]:
                return
            fired[0] = True
            channel.close()
            target.emit("disconnect")

        # If a message is being read, then wait for it to complete.
        if channel.buffering:
            target.once("message", finish)
            target.once("internalMessage", finish)
            return
        process.nextTick(finish)

    target.disconnect = disconnect
    target._disconnect = _disconnect

    def emit(event: str, message: Any, handle: Any) -> None:
        if event == "internalMessage" or target.listenerCount("message"):
            target.emit(event, message, handle)
            return
        target.channel._pendingMessages.append((event, message, handle))

    def handleMessage(message: Any, handle: Any, internal: bool) -> None:
        if not target.channel:
            return
        eventName = "internalMessage" if internal else "message"
        process.nextTick(emit, eventName, message, handle)

    channel.readStart()
    return control


# -- lib/child_process.js ---------------------------------------------------------------
def fork(
    modulePath: Any = None, args: Any = None, options: Any = None, **kwargs: Any
) -> ChildProcess:
    """fork(modulePath[, args][, options]): ``sys.executable modulePath`` with an IPC
    channel (``execPath`` names another interpreter, e.g. node)."""
    modulePath = _validated_path(modulePath, "modulePath")
    if args is None:
        args = []
    elif js_typeof(args) == "object" and not isinstance(args, (list, tuple)):
        # Node: an object in args' place is the options (a third argument is ignored).
        options = args
        args = []
    else:
        validators.validate_array(args, "args")
    options = node_options(options, kwargs)
    if options is not None:
        validators.validate_object(options, "options")
    options = {**_spread(options), "shell": False}
    # DIVERGENCE: Node runs its own execPath; a Python parent runs its interpreter.
    # `options.execPath || process.execPath`: JS truthiness ([] and {} are taken).
    exec_path = options.get("execPath")
    options["execPath"] = exec_path if js_truthy(exec_path) else sys.executable
    validateArgumentNullCheck(options["execPath"], "options.execPath")
    # JS `options.execArgv || process.execArgv`: an empty array is truthy there.
    execArgv = options.get("execArgv")
    if not js_truthy(execArgv):
        execArgv = process.execArgv
    validateArgumentsNullCheck(execArgv, "options.execArgv")
    # `[...execArgv, modulePath, ...args]`: a string, a TypedArray, a Set are iterable;
    # any other object (a DataView, a plain object), a number, a boolean is not.
    if not isinstance(execArgv, (list, tuple, str, bytes, bytearray, set, frozenset)):
        raise _EngineTypeError("execArgv is not iterable")
    args = [*execArgv, modulePath, *args]

    stdio = options.get("stdio")
    if isinstance(stdio, str):
        options["stdio"] = stdioStringToArray(stdio, "ipc")
    elif not isinstance(stdio, (list, tuple)):
        options["stdio"] = stdioStringToArray("pipe" if options.get("silent") else "inherit", "ipc")
    elif "ipc" not in stdio:
        raise ERR_CHILD_PROCESS_IPC_REQUIRED("options.stdio")
    return spawn(options["execPath"], args, options)


def _forkChild(fd: int, serializationMode: str) -> None:
    # set process.send()
    p = Pipe(_PIPE_IPC)
    if p.open(fd):
        # DIVERGENCE: node aborts on an fd it cannot open; a Python program importing
        # the library keeps running, without a channel.
        p.close()
        return
    p.unref()
    control = setupChannel(process, p, serializationMode)

    def onNewListener(name: Any, *args: Any) -> None:
        if name in ("message", "disconnect"):
            control.refCounted()

    def onRemoveListener(name: Any, *args: Any) -> None:
        if name in ("message", "disconnect"):
            control.unrefCounted()

    process.on("newListener", onNewListener)
    process.on("removeListener", onRemoveListener)


def normalizeExecArgs(command: Any, options: Any, callback: Any) -> dict[str, Any]:
    validators.validate_string(command, "command")
    validateArgumentNullCheck(command, "command")
    if callable(options):
        callback = options
        options = None
    # `{...options}`: any value (a number, a Buffer) spreads to no option.
    options = _spread(options)
    options["shell"] = options["shell"] if isinstance(options.get("shell"), str) else True
    return {"file": command, "options": options, "callback": callback}


def exec(
    command: Any = None, options: Any = None, callback: Any = None, **kwargs: Any
) -> ChildProcess:
    """exec(command[, options][, callback]): ``command`` run by ``/bin/sh -c``."""
    if kwargs:
        if callable(options):
            callback, options = options, None
        options = node_options(options if isinstance(options, dict) else {}, kwargs)
    opts = normalizeExecArgs(command, options, callback)
    return execFile(opts["file"], opts["options"], opts["callback"])


def normalizeExecFileArgs(
    file: Any, args: Any, options: Any, callback: Any
) -> tuple[Any, list[Any], dict[str, Any], Any]:
    if isinstance(args, (list, tuple)):
        args = list(args)
    elif args is not None and js_typeof(args) == "object":
        callback = options
        options = args
        args = None
    elif callable(args):
        callback = args
        options = None
        args = None
    if args is None:
        args = []
    if callable(options):
        callback = options
    elif options is not None:
        validators.validate_object(options, "options")
    # `options ??= kEmptyObject`, then `{...options}`: a function or a Buffer spreads
    # to no option.
    options = _spread(options)
    if callback is not None:
        validators.validate_function(callback, "callback")
    if options.get("argv0") is not None:
        validators.validate_string(options["argv0"], "options.argv0")
        validateArgumentNullCheck(options["argv0"], "options.argv0")
    return file, args, options, callback


def _is_encoding(enc: Any) -> bool:

    try:
        return isinstance(enc, str) and bool(normalizeEncoding(enc))
    except Exception:
        return False


def execFile(
    file: Any = None, args: Any = None, options: Any = None, callback: Any = None, **kwargs: Any
) -> ChildProcess:
    """execFile(file[, args][, options][, callback]): the callback gets
    ``(err, stdout, stderr)`` once the child closed."""
    if kwargs:
        # Keyword options join the options dict wherever the callback was passed.
        if callable(args):
            callback, args = args, None
        if callable(options):
            callback, options = options, None
        if isinstance(args, dict):
            options, args = args, None
        options = node_options(options if isinstance(options, dict) else {}, kwargs)
    file, args, options, callback = normalizeExecFileArgs(file, args, options, callback)
    options = {
        "encoding": "utf8",
        "timeout": 0,
        "maxBuffer": MAX_BUFFER,
        "killSignal": "SIGTERM",
        "cwd": None,
        "env": None,
        "shell": False,
        **options,
    }
    validateTimeout(options["timeout"])
    validateMaxBuffer(options["maxBuffer"])
    options["killSignal"] = sanitizeKillSignal(options["killSignal"])

    child = spawn(
        file,
        args,
        {
            "cwd": options["cwd"],
            "env": options["env"],
            "gid": options.get("gid"),
            "shell": options["shell"],
            "signal": options.get("signal"),
            "uid": options.get("uid"),
            "windowsHide": js_truthy(options.get("windowsHide")),
            "windowsVerbatimArguments": js_truthy(options.get("windowsVerbatimArguments")),
        },
    )

    encoding = (
        options["encoding"]
        if options["encoding"] != "buffer" and _is_encoding(options["encoding"])
        else None
    )
    _stdout: list[Any] = []
    _stderr: list[Any] = []
    st: dict[str, Any] = {
        "stdoutLen": 0,
        "stderrLen": 0,
        "killed": False,
        "exited": False,
        "timeoutId": None,
        "ex": None,
    }
    maxBuffer = options["maxBuffer"]
    cmd = file

    def exithandler(code: Any = None, signal: Any = None) -> None:
        if st["exited"]:
            return
        st["exited"] = True
        if st["timeoutId"]:
            clearTimeout(st["timeoutId"])
            st["timeoutId"] = None
        if not callback:
            return
        stdout: Any
        stderr: Any
        if encoding or (child.stdout and child.stdout.readableEncoding):
            stdout = "".join(_stdout)
        else:
            stdout = b"".join(_stdout)
        if encoding or (child.stderr and child.stderr.readableEncoding):
            stderr = "".join(_stderr)
        else:
            stderr = b"".join(_stderr)
        if not st["ex"] and code == 0 and signal is None:
            callback(None, stdout, stderr)
            return
        c = cmd
        if args:
            c += " " + " ".join(js_string(a) for a in args)
        ex = st["ex"]
        if not ex:
            err_text = stderr if isinstance(stderr, str) else stderr.decode("utf-8", "replace")
            ex = errors.genericNodeError(
                f"Command failed: {c}\n{err_text}",
                {
                    "code": errors.getSystemErrorName(code)
                    if _is_number(code) and code < 0
                    else code,
                    "killed": child.killed or st["killed"],
                    "signal": signal,
                },
            )
        ex.cmd = c
        callback(ex, stdout, stderr)

    def errorhandler(e: Any) -> None:
        st["ex"] = e
        if child.stdout:
            child.stdout.destroy()
        if child.stderr:
            child.stderr.destroy()
        exithandler()

    def kill() -> None:
        if child.stdout:
            child.stdout.destroy()
        if child.stderr:
            child.stderr.destroy()
        st["killed"] = True
        try:
            child.kill(options["killSignal"])
        except Exception as e:
            st["ex"] = e
            exithandler()

    if options["timeout"] > 0:

        def delayedKill() -> None:
            kill()
            st["timeoutId"] = None

        st["timeoutId"] = setTimeout(delayedKill, options["timeout"])

    def make_collector(
        stream: Any, chunks: list[Any], key: str, name: str
    ) -> Callable[[Any], None]:
        def on_data(chunk: Any) -> None:
            if maxBuffer == math.inf:
                chunks.append(chunk)
                return
            enc = stream.readableEncoding
            length = len(chunk.encode("utf-8")) if isinstance(chunk, str) else len(chunk)
            st[key] += length
            if st[key] > maxBuffer:
                truncatedLen = maxBuffer - (st[key] - length)
                if enc and isinstance(chunk, str):
                    chunks.append(chunk[: max(truncatedLen, 0)])
                else:
                    chunks.append(chunk[: max(truncatedLen, 0)])
                st["ex"] = ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name)
                kill()
            else:
                chunks.append(chunk)

        return on_data

    if child.stdout:
        if encoding:
            child.stdout.setEncoding(encoding)
        child.stdout.on("data", make_collector(child.stdout, _stdout, "stdoutLen", "stdout"))
    if child.stderr:
        if encoding:
            child.stderr.setEncoding(encoding)
        child.stderr.on("data", make_collector(child.stderr, _stderr, "stderrLen", "stderr"))

    child.addListener("close", exithandler)
    child.addListener("error", errorhandler)
    return child


def normalizeSpawnArguments(file: Any, args: Any = None, options: Any = None) -> dict[str, Any]:
    validators.validate_string(file, "file")
    validateArgumentNullCheck(file, "file")
    if len(file) == 0:
        raise errors.ERR_INVALID_ARG_VALUE("file", file, "cannot be empty")
    if isinstance(args, (list, tuple)):
        args = list(args)
    elif args is None:
        args = []
    elif js_typeof(args) != "object":
        raise errors.ERR_INVALID_ARG_TYPE("args", "object", args)
    else:
        # Any object (a Buffer too) in args' place is the options.
        options = args
        args = []
    validateArgumentsNullCheck(args, "args")
    if options is None:
        options = {}
    else:
        validators.validate_object(options, "options")
    options = _spread(options)
    cwd = options.get("cwd")
    if cwd is not None:
        cwd = _validated_path(cwd, "options.cwd")
    if options.get("detached") is not None:
        validators.validate_boolean(options["detached"], "options.detached")
    if options.get("uid") is not None and not _is_int32(options["uid"]):
        raise errors.ERR_INVALID_ARG_TYPE("options.uid", "int32", options["uid"])
    if options.get("gid") is not None and not _is_int32(options["gid"]):
        raise errors.ERR_INVALID_ARG_TYPE("options.gid", "int32", options["gid"])
    shell = options.get("shell")
    if shell is not None and not isinstance(shell, (bool, str)):
        raise errors.ERR_INVALID_ARG_TYPE("options.shell", ["boolean", "string"], shell)
    if options.get("argv0") is not None:
        validators.validate_string(options["argv0"], "options.argv0")
        validateArgumentNullCheck(options["argv0"], "options.argv0")
    if options.get("windowsHide") is not None:
        validators.validate_boolean(options["windowsHide"], "options.windowsHide")
    windowsVerbatimArguments = options.get("windowsVerbatimArguments")
    if windowsVerbatimArguments is not None:
        validators.validate_boolean(windowsVerbatimArguments, "options.windowsVerbatimArguments")

    if shell:
        validateArgumentNullCheck(shell, "options.shell")
        global _emittedDEP0190Already
        if len(args) > 0 and not _emittedDEP0190Already:
            process.emitWarning(
                "Passing args to a child process with shell option true can lead to security "
                "vulnerabilities, as the arguments are not escaped, only concatenated.",
                "DeprecationWarning",
                "DEP0190",
            )
            _emittedDEP0190Already = True
        command = f"{file} {' '.join(js_string(a) for a in args)}" if args else file
        # Set the shell, switches, and commands.
        if process.platform == "win32":
            file = shell if isinstance(shell, str) else (process.env.get("comspec") or "cmd.exe")
            # '/d /s /c' is used only for cmd.exe.
            if re.match(r"^(?:.*\\)?cmd(?:\.exe)?$", file, re.IGNORECASE):
                args = ["/d", "/s", "/c", f'"{command}"']
                windowsVerbatimArguments = True
            else:
                args = ["-c", command]
        else:
            if isinstance(shell, str):
                file = shell
            elif process.platform == "android":
                file = "/system/bin/sh"
            else:
                file = "/bin/sh"
            args = ["-c", command]

    if isinstance(options.get("argv0"), str):
        args.insert(0, options["argv0"])
    else:
        args.insert(0, file)

    # JS: `options.env || {...process.env}`: an empty object is truthy there, false is
    # not; `for (key in env)` then walks whatever object or string it is.
    env_opt = options.get("env")
    pairs = _for_in(env_opt) if js_truthy(env_opt) else list(os.environ.items())
    if os.environ.get("NODE_V8_COVERAGE") and not (
        isinstance(env_opt, dict) and "NODE_V8_COVERAGE" in env_opt
    ):
        pairs = [(k, v) for k, v in pairs if k != "NODE_V8_COVERAGE"]
        pairs.append(("NODE_V8_COVERAGE", os.environ["NODE_V8_COVERAGE"]))
    envPairs = []
    for key, value in pairs:
        if value is not None:
            validateArgumentNullCheck(key, f"options.env['{key}']")
            validateArgumentNullCheck(value, f"options.env['{key}']")
            envPairs.append(f"{key}={js_string(value)}")

    return {
        **options,
        "args": [js_string(a) for a in args],
        "cwd": cwd,
        "detached": bool(options.get("detached")),
        "envPairs": envPairs,
        "file": file,
        "windowsHide": bool(options.get("windowsHide")),
        "windowsVerbatimArguments": bool(windowsVerbatimArguments),
    }


_emittedDEP0190Already = False


def abortChildProcess(child: ChildProcess, killSignal: Any, reason: Any) -> None:
    if not child:
        return
    try:
        if child.kill(killSignal):
            child.emit("error", errors.AbortError(None, {"cause": reason}))
    except Exception as err:
        child.emit("error", err)


def spawn(file: Any = None, args: Any = None, options: Any = None, **kwargs: Any) -> ChildProcess:
    """spawn(command[, args][, options]) -> ChildProcess."""
    if kwargs:
        if isinstance(args, dict):
            args = node_options(args, kwargs)
        else:
            options = node_options(options if isinstance(options, dict) else {}, kwargs)
    options = normalizeSpawnArguments(file, args, options)
    validateTimeout(options.get("timeout"))
    validators.validate_abort_signal(options.get("signal"), "options.signal")
    killSignal = sanitizeKillSignal(options.get("killSignal"))
    child = ChildProcess()
    child.spawn(options)

    timeout = options.get("timeout")
    if timeout is not None and timeout > 0:
        timer: dict[str, Any] = {}

        def on_timeout() -> None:
            if timer.get("id"):
                try:
                    child.kill(killSignal)
                except Exception as err:
                    child.emit("error", err)
                timer["id"] = None

        timer["id"] = setTimeout(on_timeout, timeout)

        def on_close(*a: Any) -> None:
            if timer.get("id"):
                clearTimeout(timer["id"])
                timer["id"] = None

        child.once("close", on_close)

    signal = options.get("signal")
    if signal is not None:

        def onAbortListener() -> None:
            abortChildProcess(child, killSignal, signal.reason)

        if signal.aborted:
            process.nextTick(onAbortListener)
        else:
            disposable = addAbortListener(signal, onAbortListener)
            child.once("exit", lambda *a: disposable.__exit__(None, None, None))
    return child


# -- the *Sync forms --------------------------------------------------------------------
# DIVERGENCE: Node's spawn_sync runs a private libuv loop; here Python's subprocess does
# the same job (the caller's loop does not run meanwhile, as in Node).
def spawnSync(
    file: Any = None, args: Any = None, options: Any = None, **kwargs: Any
) -> dict[str, Any]:
    if kwargs:
        if isinstance(args, dict):
            args = node_options(args, kwargs)
        else:
            options = node_options(options if isinstance(options, dict) else {}, kwargs)
    opts = {"maxBuffer": MAX_BUFFER, **normalizeSpawnArguments(file, args, options)}
    validateTimeout(opts.get("timeout"))
    validateMaxBuffer(opts.get("maxBuffer"))
    opts["killSignal"] = sanitizeKillSignal(opts.get("killSignal"))
    # JS `if (options.input)`: '' and 0 are falsy, left alone. The input must be a valid
    # buffer (Node checks every stdio[i].input; here only stdin takes input).
    data = opts.get("input")
    if data is not None and data is not False and data != 0 and data != "":
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = memoryview(data).cast("B").tobytes()
        elif isinstance(data, str):
            data = buffer_from_string(data, opts.get("encoding"))
        else:
            raise errors.ERR_INVALID_ARG_TYPE(
                "options.stdio[0]", ["Buffer", "TypedArray", "DataView", "string"], data
            )
        opts["input"] = data
    else:
        opts["input"] = None
    return _internal_spawnSync(opts)


def _internal_spawnSync(opts: dict[str, Any]) -> dict[str, Any]:
    """internal/child_process.js spawnSync(options): run the normalized, validated
    options (spawn_sync.spawn there) and shape the result."""
    killSignal = opts.get("killSignal") or _signal.SIGTERM
    stdio_opt = opts.get("stdio") or "pipe"
    stdio_list = stdioStringToArray(stdio_opt) if isinstance(stdio_opt, str) else list(stdio_opt)
    while len(stdio_list) < 3:
        stdio_list.append(None)
    if "ipc" in stdio_list:
        raise ERR_IPC_SYNC_FORK()

    def conv(s: Any, i: int) -> Any:
        if s is None or s == "pipe" or s == "overlapped":
            return subprocess.PIPE
        if s == "ignore":
            return subprocess.DEVNULL
        if s == "inherit":
            return None if i < 3 else i
        if _is_number(s):
            return int(s)
        fd = _get(s, "fd")
        if _is_number(fd):
            return int(fd)
        return subprocess.PIPE

    data = opts.get("input")
    stdin = conv(stdio_list[0], 0)
    stdout = conv(stdio_list[1], 1)
    stderr = conv(stdio_list[2], 2)
    env = dict(p.split("=", 1) for p in opts["envPairs"])
    timeout = opts.get("timeout") or None
    result: dict[str, Any] = {
        "pid": 0,
        "output": None,
        "stdout": None,
        "stderr": None,
        "status": None,
        "signal": None,
    }
    try:
        proc = subprocess.Popen(
            opts["args"],
            executable=opts["file"],
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            cwd=opts.get("cwd"),
            env=env,
            start_new_session=bool(opts.get("detached")),
            user=opts.get("uid"),
            group=opts.get("gid"),
        )
    except OSError as exc:
        err = -(exc.errno or 0)
        e = errors.ErrnoException(err, "spawnSync " + opts["file"])
        e.path = opts["file"]
        e.spawnargs = opts["args"][1:]
        result["error"] = e
        return result
    result["pid"] = proc.pid
    out, errout = _sync_io(proc, data, timeout, opts.get("maxBuffer"), killSignal, result, opts)
    rc = proc.returncode
    if rc is not None and rc < 0:
        result["signal"] = _SIGNAL_NAMES.get(-rc)
    else:
        result["status"] = rc
    enc = opts.get("encoding")
    output: list[Any] = [None, out, errout]
    if enc and enc != "buffer":
        output = [
            None
            if o is None
            else o.decode("latin1" if enc in ("latin1", "binary") else "utf-8", "replace")
            for o in output
        ]
    result["output"] = output
    result["stdout"] = output[1]
    result["stderr"] = output[2]
    return result


def _sync_error(err: int, opts: dict[str, Any]) -> Any:
    e = errors.ErrnoException(err, "spawnSync " + opts["file"])
    e.path = opts["file"]
    e.spawnargs = opts["args"][1:]
    return e


def _sync_io(
    proc: subprocess.Popen[bytes],
    data: bytes | None,
    timeout: Any,
    maxBuffer: Any,
    killSignal: int,
    result: dict[str, Any],
    opts: dict[str, Any],
) -> tuple[bytes | None, bytes | None]:
    """SyncProcessRunner's I/O: feed ``input``, read stdout/stderr as they come; past
    ``maxBuffer`` (per stream) the child is killed with ENOBUFS, past ``timeout`` with
    ETIMEDOUT. What was read stays, including the read that went over the limit."""
    out_fd = proc.stdout.fileno() if proc.stdout is not None else None
    err_fd = proc.stderr.fileno() if proc.stderr is not None else None
    sel = selectors.DefaultSelector()
    chunks: dict[int, list[bytes]] = {}
    sizes: dict[int, int] = {}
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            sel.register(stream, selectors.EVENT_READ)
            chunks[stream.fileno()] = []
            sizes[stream.fileno()] = 0
    if proc.stdin is not None:
        try:
            if data:
                proc.stdin.write(data)
            proc.stdin.close()
        except BrokenPipeError:
            pass
    deadline = time.monotonic() + timeout / 1000 if timeout else None
    killed = False

    def kill(err: int) -> None:
        nonlocal killed
        if not killed:
            killed = True
            result["error"] = _sync_error(err, opts)
            try:
                proc.send_signal(killSignal)
            except ProcessLookupError:
                pass
            # SyncProcessRunner::Kill closes the stdio pipes too: a grandchild holding
            # one (`sh -c 'node ...'`) must not keep us waiting.
            for key in list(sel.get_map().values()):
                sel.unregister(key.fileobj)

    while sel.get_map():
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        events = sel.select(wait)
        if not events and deadline is not None and time.monotonic() >= deadline:
            kill(uv.UV_ETIMEDOUT)
            deadline = None
            continue
        for key, _ in events:
            fd = key.fileobj.fileno()  # type: ignore[union-attr]
            chunk = os.read(fd, 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                continue
            chunks[fd].append(chunk)
            sizes[fd] += len(chunk)
            if maxBuffer is not None and sizes[fd] > maxBuffer:
                kill(uv.UV_ENOBUFS)
                break  # the pipes are closed: the other events of this batch are moot
    sel.close()
    remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
    try:
        proc.wait(remaining)
    except subprocess.TimeoutExpired:
        kill(uv.UV_ETIMEDOUT)
        proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    out = b"".join(chunks[out_fd]) if out_fd is not None else None
    err = b"".join(chunks[err_fd]) if err_fd is not None else None
    return out, err


def checkExecSyncError(ret: dict[str, Any], args: list[Any], cmd: Any) -> Any:
    err = None
    if ret.get("error"):
        err = ret["error"]
        for k in ("status", "signal", "output", "pid", "stdout", "stderr"):
            setattr(err, k, ret.get(k))
    elif ret["status"] != 0:
        msg = "Command failed: "
        msg += cmd or " ".join(js_string(a) for a in args)
        stderr = ret.get("stderr")
        if stderr and len(stderr) > 0:
            msg += "\n" + (stderr if isinstance(stderr, str) else stderr.decode("utf-8", "replace"))
        err = errors.genericNodeError(msg, ret)
    return err


def execFileSync(file: Any = None, args: Any = None, options: Any = None, **kwargs: Any) -> Any:
    if kwargs:
        options = node_options(
            options if isinstance(options, dict) else (args if isinstance(args, dict) else {}),
            kwargs,
        )
        if isinstance(args, dict):
            args = None
    file, args, options, _ = normalizeExecFileArgs(file, args, options, None)
    inheritStderr = not options.get("stdio")
    ret = spawnSync(file, args, options)
    if inheritStderr and ret.get("stderr"):
        err = ret["stderr"]
        sys.stderr.buffer.write(err if isinstance(err, bytes) else err.encode()) if hasattr(
            sys.stderr, "buffer"
        ) else sys.stderr.write(err if isinstance(err, str) else err.decode())
    errArgs = [options.get("argv0") or file, *args]
    err = checkExecSyncError(ret, errArgs, None)
    if err:
        raise err
    return ret["stdout"]


def execSync(command: Any = None, options: Any = None, **kwargs: Any) -> Any:
    if kwargs:
        options = node_options(options if isinstance(options, dict) else {}, kwargs)
    opts = normalizeExecArgs(command, options, None)
    inheritStderr = not opts["options"].get("stdio")
    ret = spawnSync(opts["file"], None, opts["options"])
    if inheritStderr and ret.get("stderr"):
        err = ret["stderr"]
        sys.stderr.write(err if isinstance(err, str) else err.decode("utf-8", "replace"))
    err = checkExecSyncError(ret, [], command)
    if err:
        raise err
    return ret["stdout"]


__all__ += alias_module(globals(), __all__)


# -- the child side (lib/internal/process/pre_execution.js setupChildProcessIpcChannel) -
def setupChildProcessIpcChannel() -> None:
    fd_str = os.environ.get("NODE_CHANNEL_FD")
    if fd_str is None or getattr(process, "channel", None) is not None:
        return
    try:
        fd = int(fd_str, 10)
    except ValueError:
        return
    if fd < 0:
        return
    serializationMode = os.environ.pop("NODE_CHANNEL_SERIALIZATION_MODE", None) or "json"
    # Make sure it's not accidentally inherited by child processes.
    del os.environ["NODE_CHANNEL_FD"]
    if serializationMode not in _serializations:
        serializationMode = "json"
    _forkChild(fd, serializationMode)


setupChildProcessIpcChannel()


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    exec_file = execFile
    exec_file_sync = execFileSync
    exec_sync = execSync
    spawn_sync = spawnSync
# END twins
