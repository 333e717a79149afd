"""Port of Node.js lib/internal/streams/state.js: default and per-stream high water marks."""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.naming import alias_module

__all__ = ["getDefaultHighWaterMark", "getHighWaterMark", "setDefaultHighWaterMark"]

# Node 22+: 64 KiB (16 KiB before). Node's own comment:
# TODO (fix): For some reason Windows CI fails with bigger hwm.
_default_hwm_bytes = 16 * 1024 if sys.platform == "win32" else 64 * 1024
_default_hwm_object_mode = 16


def highWaterMarkFrom(options: dict[str, Any], is_duplex: bool, duplex_key: str) -> Any:
    hwm = options.get("highWaterMark")
    if hwm is not None:
        return hwm
    return options.get(duplex_key) if is_duplex else None


def getDefaultHighWaterMark(objectMode: bool = False) -> int:
    return _default_hwm_object_mode if objectMode else _default_hwm_bytes


def setDefaultHighWaterMark(objectMode: bool, value: Any) -> None:
    global _default_hwm_bytes, _default_hwm_object_mode
    validators.validate_integer(value, "value", 0)
    if objectMode:
        _default_hwm_object_mode = value
    else:
        _default_hwm_bytes = value


def _is_integer(value: Any) -> bool:
    # JS Number.isInteger: a number (not a boolean) with no fractional part.
    if type(value) is int:
        return True
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value == math.floor(value)


# ACCELERATED(_speedups.getHighWaterMark)
def getHighWaterMark(state: Any, options: dict[str, Any], duplexKey: str, isDuplex: bool) -> int:
    # INLINED(highWaterMarkFrom, lib/internal/streams/state.js): every stream
    # constructor comes here once per side.
    hwm = options.get("highWaterMark")
    if hwm is None and isDuplex:
        hwm = options.get(duplexKey)
    if hwm is not None:
        if type(hwm) is int and hwm >= 0:
            # An int is NumberIsInteger and MathFloor leaves it as it is.
            return hwm
        if not _is_integer(hwm) or hwm < 0:
            name = f"options.{duplexKey}" if isDuplex else "options.highWaterMark"
            raise errors.ERR_INVALID_ARG_VALUE(name, hwm)
        return math.floor(hwm)
    # Default value
    # INLINED(getDefaultHighWaterMark, lib/internal/streams/state.js)
    return _default_hwm_object_mode if state.objectMode else _default_hwm_bytes


_py_getHighWaterMark = getHighWaterMark  # the reference (the C version's fallback)
try:
    from nodenet_uv._speedups import getHighWaterMark
except ImportError:  # NODENET_UV_PURE=1, or not built
    pass


__all__ += alias_module(globals(), __all__)


# The option names each constructor reads (Node's docs and lib/internal/streams/*.js): a
# keyword argument outside them raises TypeError (naming.node_options; docs/python-rules.md).
STREAM_OPTIONS = frozenset(("captureRejections", "signal", "emitClose", "autoDestroy"))
READABLE_OPTIONS = STREAM_OPTIONS | frozenset(
    ("highWaterMark", "encoding", "defaultEncoding", "objectMode", "read", "destroy", "construct")
)
WRITABLE_OPTIONS = STREAM_OPTIONS | frozenset(
    (
        "highWaterMark",
        "decodeStrings",
        "defaultEncoding",
        "objectMode",
        "write",
        "writev",
        "destroy",
        "final",
        "construct",
    )
)
DUPLEX_OPTIONS = (
    READABLE_OPTIONS
    | WRITABLE_OPTIONS
    | frozenset(
        (
            "allowHalfOpen",
            "readable",
            "writable",
            "readableObjectMode",
            "writableObjectMode",
            "readableHighWaterMark",
            "writableHighWaterMark",
        )
    )
)
TRANSFORM_OPTIONS = DUPLEX_OPTIONS | frozenset(("transform", "flush"))


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    get_default_high_water_mark = getDefaultHighWaterMark
    get_high_water_mark = getHighWaterMark
    set_default_high_water_mark = setDefaultHighWaterMark
# END twins
