"""Type stub for nodenet_uv._speedups, the C per-message path (nodenet_uv/_speedups.c).

The import fails (ImportError) when NODENET_UV_PURE is set (not "" or "0"), or when the
extension was not built: every switch point then runs the pure-Python code.
"""

from collections.abc import Callable, Mapping
from typing import Any

def bind_on_read(wrap: Any, /) -> Callable[[Any, bytes | None, int | None], None]:
    """The read callback readStart hands pyuv: C for an unmodified TCP/Pipe, else
    ``wrap._on_read``."""

def Readable_maybeReadMore_(stream: Any, state: Any, /) -> None:
    """readable.maybeReadMore_ (queued by the C push; Python for anything unusual)."""

def Writable_write(stream: Any, chunk: bytes, /) -> bool | None:
    """Writable.write(chunk) for an unmodified net.Socket; None: run the Python code."""

def enabled() -> bool:
    """Whether the C paths are on (set_enabled, and a successful configuration)."""

def set_enabled(flag: bool, /) -> bool:
    """Turn the C paths on or off at run time; returns the previous flag."""

def config_error() -> BaseException | None:
    """The exception that made the configuration fail (then the C paths stay off)."""

def make_callback(fn: Callable[..., Any], /, *args: Any) -> None:
    """loop.make_callback (InternalMakeCallback) in C; loop._py_make_callback is the
    reference."""

def drain_ticks() -> None:
    """loop.drain_ticks in C; loop._py_drain_ticks is the reference."""

def call(fn: Callable[..., Any], /, *args: Any) -> int:
    """uv.call in C: 0, or the uv code of a PYUV_ERRORS exception; uv._py_call is the
    reference."""

def next_tick(callback: Callable[..., Any], /, *args: Any) -> None:
    """task_queues.next_tick in C; task_queues._py_next_tick is the reference."""

def getHighWaterMark(state: Any, options: dict[str, Any], duplexKey: str, isDuplex: bool) -> int:
    """stream/state.py's getHighWaterMark: C for an exact dict and an int (or no) option,
    else state._py_getHighWaterMark."""

def node_options(
    options: Any = None,
    kwargs: Mapping[str, Any] | None = None,
    known: frozenset[str] | None = None,
    where: str = "",
) -> Any:
    """_internal/naming.py's node_options: C when there are no keyword arguments and the
    options are an exact dict without snake_case keys (or not a dict), else naming's."""

def arg_limit(fn: Callable[..., Any]) -> int:
    """_internal/arity.py's arg_limit: C for a function or a bound method of one, else
    arity's."""
