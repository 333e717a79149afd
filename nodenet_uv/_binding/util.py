"""Port of the ``guessHandleType`` part of Node.js src/node_util.cc (uv_guess_handle)."""

from __future__ import annotations

import pyuv

_TYPES = {
    pyuv.UV_TCP: "TCP",
    pyuv.UV_NAMED_PIPE: "PIPE",
    pyuv.UV_TTY: "TTY",
    pyuv.UV_UDP: "UDP",
    17: "FILE",  # UV_FILE (pyuv exports no constant for it)
}


def guess_handle_type(fd: int) -> str:
    """'TCP', 'PIPE', 'TTY', 'UDP', 'FILE' or 'UNKNOWN', as Node's guessHandleType."""
    try:
        t = pyuv.util.guess_handle_type(fd)
    except pyuv.error.UVError:
        return "UNKNOWN"
    return _TYPES.get(t, "UNKNOWN")


def int32_value(x: float) -> int:
    """V8's ``Value::Int32Value``: a JS number as the C++ side reads an ``int``."""
    try:
        n = int(x)
    except (OverflowError, ValueError):  # Infinity, NaN
        return 0
    n &= 0xFFFFFFFF
    return n - 0x100000000 if n >= 0x80000000 else n
