"""Port of Node.js src/uv.cc: libuv error names and messages.

Node's ``process.binding('uv')`` gives the ``UV_*`` error constants, ``errname(err)`` and
``getErrorMap()`` (``{code: [name, message]}``) from the libuv it links (1.52.1 in Node 24).
Our pyuv is built on that same libuv, so the names and messages come straight from it
(``pyuv.errno``: ``uv_err_name``/``uv_strerror`` over libuv's ``UV_ERRNO_MAP``);
``tests/unit/test_uv.py`` checks the whole table against node 24 byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import pyuv

__all__ = [
    "LIBUV_VERSION",
    "PYUV_ERRORS",
    "call",
    "convert_error",
    "errname",
    "error_map",
    "strerror",
]

#: The libuv pyuv runs on (uv_version_string()): 1.52.1, the release node v24.22.3 ships.
LIBUV_VERSION: Final[str] = pyuv.LIBUV_VERSION

# The values are Linux's (libuv uses ``-errno`` for the POSIX codes and fixed negative
# numbers for the EAI_* and libuv-only codes); test_uv.py checks them against pyuv and node.
# fmt: off
UV_E2BIG: Final = -7
UV_EACCES: Final = -13
UV_EADDRINUSE: Final = -98
UV_EADDRNOTAVAIL: Final = -99
UV_EAFNOSUPPORT: Final = -97
UV_EAGAIN: Final = -11
UV_EAI_ADDRFAMILY: Final = -3000
UV_EAI_AGAIN: Final = -3001
UV_EAI_BADFLAGS: Final = -3002
UV_EAI_BADHINTS: Final = -3013
UV_EAI_CANCELED: Final = -3003
UV_EAI_FAIL: Final = -3004
UV_EAI_FAMILY: Final = -3005
UV_EAI_MEMORY: Final = -3006
UV_EAI_NODATA: Final = -3007
UV_EAI_NONAME: Final = -3008
UV_EAI_OVERFLOW: Final = -3009
UV_EAI_PROTOCOL: Final = -3014
UV_EAI_SERVICE: Final = -3010
UV_EAI_SOCKTYPE: Final = -3011
UV_EALREADY: Final = -114
UV_EBADF: Final = -9
UV_EBUSY: Final = -16
UV_ECANCELED: Final = -125
UV_ECHARSET: Final = -4080
UV_ECONNABORTED: Final = -103
UV_ECONNREFUSED: Final = -111
UV_ECONNRESET: Final = -104
UV_EDESTADDRREQ: Final = -89
UV_EEXIST: Final = -17
UV_EFAULT: Final = -14
UV_EFBIG: Final = -27
UV_EFTYPE: Final = -4028
UV_EHOSTDOWN: Final = -112
UV_EHOSTUNREACH: Final = -113
UV_EILSEQ: Final = -84
UV_EINTR: Final = -4
UV_EINVAL: Final = -22
UV_EIO: Final = -5
UV_EISCONN: Final = -106
UV_EISDIR: Final = -21
UV_ELOOP: Final = -40
UV_EMFILE: Final = -24
UV_EMLINK: Final = -31
UV_EMSGSIZE: Final = -90
UV_ENAMETOOLONG: Final = -36
UV_ENETDOWN: Final = -100
UV_ENETUNREACH: Final = -101
UV_ENFILE: Final = -23
UV_ENOBUFS: Final = -105
UV_ENODATA: Final = -61
UV_ENODEV: Final = -19
UV_ENOENT: Final = -2
UV_ENOEXEC: Final = -8
UV_ENOMEM: Final = -12
UV_ENONET: Final = -64
UV_ENOPROTOOPT: Final = -92
UV_ENOSPC: Final = -28
UV_ENOSYS: Final = -38
UV_ENOTCONN: Final = -107
UV_ENOTDIR: Final = -20
UV_ENOTEMPTY: Final = -39
UV_ENOTSOCK: Final = -88
UV_ENOTSUP: Final = -95
UV_ENOTTY: Final = -25
UV_ENXIO: Final = -6
UV_EOF: Final = -4095
UV_EOVERFLOW: Final = -75
UV_EPERM: Final = -1
UV_EPIPE: Final = -32
UV_EPROTO: Final = -71
UV_EPROTONOSUPPORT: Final = -93
UV_EPROTOTYPE: Final = -91
UV_ERANGE: Final = -34
UV_EREMOTEIO: Final = -121
UV_EROFS: Final = -30
UV_ESHUTDOWN: Final = -108
UV_ESOCKTNOSUPPORT: Final = -94
UV_ESPIPE: Final = -29
UV_ESRCH: Final = -3
UV_ETIMEDOUT: Final = -110
UV_ETXTBSY: Final = -26
UV_EUNATCH: Final = -49
UV_EXDEV: Final = -18
UV_UNKNOWN: Final = -4094
# fmt: on


def _build_error_map() -> dict[int, tuple[str, str]]:
    table: dict[int, tuple[str, str]] = {}
    for code, uv_name in pyuv.errno.errorcode.items():
        # pyuv spells them 'UV_ECONNREFUSED'; libuv's uv_err_name() says 'ECONNREFUSED'.
        name = uv_name[3:] if uv_name.startswith("UV_") else uv_name
        table[code] = (name, pyuv.errno.strerror(code))
    return table


_ERROR_MAP: Final[dict[int, tuple[str, str]]] = _build_error_map()


def error_map() -> dict[int, tuple[str, str]]:
    """Return ``{code: (name, message)}`` for every libuv error code (a fresh copy).

    Node: ``process.binding('uv').getErrorMap()``.
    """
    return dict(_ERROR_MAP)


def errmap_get(code: int) -> tuple[str, str] | None:
    """Return ``(name, message)`` for a libuv error code, or None if libuv does not know it.

    Node: ``uvErrmapGet(err)`` in lib/internal/errors.js.
    """
    return _ERROR_MAP.get(code)


def errname(code: int) -> str:
    """Return libuv's name for a (negative) error code: -111 → 'ECONNREFUSED'.

    A code libuv does not know gives ``'Unknown system error <code>'`` as
    ``uv_err_name()`` does.

    Raises:
        ValueError: ``code`` is not negative (Node aborts on ``CHECK_LT(err, 0)``).

    Node: ``process.binding('uv').errname(err)`` (src/uv.cc ``ErrName``).
    """
    if code >= 0:
        raise ValueError(f"errname() expects a negative libuv error code, got {code}")
    entry = _ERROR_MAP.get(code)
    return entry[0] if entry is not None else f"Unknown system error {code}"


def strerror(code: int) -> str:
    """Return libuv's message for an error code: -111 → 'connection refused'.

    Node: ``uv_strerror(err)``; an unknown code gives ``'Unknown system error <code>'``.
    """
    entry = _ERROR_MAP.get(code)
    return entry[1] if entry is not None else f"Unknown system error {code}"


# -- the one error boundary ---------------------------------------------------------------
# pyuv raises where libuv returns a negative code; Node's C++ binding methods return that
# code to JS. Every binding method turns a pyuv exception into the code here and nowhere
# else (uvloop's ``convert_error``, trio's one ``_translate_socket_errors_to_stream_errors``).

#: What a pyuv call raises for a failed libuv call: ``UVError`` (and its per-handle
#: subclasses) carry ``(code, message)``; ``HandleClosedError`` is pyuv's own refusal to
#: touch a closing or closed handle.
PYUV_ERRORS: Final = (pyuv.error.UVError, pyuv.error.HandleClosedError)
_HandleClosedError: Final = pyuv.error.HandleClosedError


def convert_error(exc: BaseException) -> int:
    """The negative libuv error code that ``exc`` (raised by pyuv or the OS) stands for.

    * ``pyuv.error.UVError`` and subclasses: the code libuv returned (``exc.args[0]``);
    * ``pyuv.error.HandleClosedError``: ``UV_EBADF`` (libuv would work on fd -1: a closed
      stream's fd is gone);
    * ``OSError`` with an errno: ``-errno``, libuv's own mapping on Unix;
    * anything else: ``UV_UNKNOWN``.
    """
    if isinstance(exc, _HandleClosedError):
        return UV_EBADF
    if isinstance(exc, OSError):
        return -exc.errno if exc.errno else UV_UNKNOWN
    args = getattr(exc, "args", ())
    if args and type(args[0]) is int and args[0] < 0:
        return args[0]
    return UV_UNKNOWN


# ACCELERATED(_speedups.call)
def call(fn: Callable[..., Any], *args: Any) -> int:
    """Run a pyuv call; return what the libuv call returned: 0, or a negative uv code."""
    try:
        fn(*args)
    except PYUV_ERRORS as exc:
        return convert_error(exc)
    return 0


_py_call = call  # the pure-Python original (the C version calls it when disabled)
try:
    from nodenet_uv._speedups import call  # type: ignore[assignment]  # positional-only
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass
