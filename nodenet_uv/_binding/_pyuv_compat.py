"""pyuv workarounds: where pyuv's Python API differs from the libuv call Node makes.

pyuv is built here on libuv 1.52.1, Node 24's own, with the libuv calls Node makes that
pyuv 1.4.0 lacked added by the project's patch (patches/pyuv-1.4.0-node-calls.patch:
uv_pipe_bind2/uv_pipe_connect2, uv_pipe_chmod, uv_tcp_close_reset, UV_TCP_REUSEPORT,
uv_try_write's result code). So no libuv behaviour is emulated any more; what is left is
pyuv's own API shape, each with a test in ``tests/unit/test_pyuv_compat.py``.
"""

from __future__ import annotations

import math


def ms_to_pyuv_seconds(ms: float) -> float:
    """Convert a libuv millisecond timeout to the seconds float pyuv's Timer takes.

    pyuv computes ``(uint64_t)(timeout * 1000)``: passing ``ms / 1000`` loses one
    millisecond for many integers (``1001 / 1000 * 1000 == 1000.9999...``). Adding half a
    millisecond makes the truncation land on ``ms`` exactly for every integer.
    """
    if ms <= 0:
        return 0.0
    return (math.floor(ms) + 0.5) / 1000.0
