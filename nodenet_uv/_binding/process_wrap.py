"""Port of Node.js src/process_wrap.cc: the ``Process`` handle (uv_process_t) JS sees.

``spawn(file, args, cwd, envPairs, stdio, flags, uid, gid)`` returns 0 or a negative uv
code (ENOENT, EACCES... are synchronous in libuv 1.52: the exec failure comes back over
libuv's internal pipe before uv_spawn returns). ``stdio`` entries are Node's parsed
options: ``{'type': 'ignore'}``, ``{'type': 'pipe', 'handle': Pipe}`` (UV_CREATE_PIPE,
readable and writable as Node creates them), ``{'type': 'wrap', 'handle': stream}``
(UV_INHERIT_STREAM), ``{'type': 'fd'|'inherit', 'fd': n}`` (UV_INHERIT_FD).
``onexit(exit_status, signal_name)`` comes from libuv's exit callback through
make_callback; ``signal_name`` is ``''`` when no signal ended the child (signo_string(0)).
"""

from __future__ import annotations

import signal as _signal
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv
from nodenet_uv._binding.handle_wrap import CLOSED, CLOSING, INITIALIZED, HandleWrap, open_handles

# internalBinding('process_wrap') constants (src/process_wrap.cc kProcessFlag*).
kProcessFlagDetached: int = pyuv.UV_PROCESS_DETACHED
kProcessFlagWindowsHide: int = pyuv.UV_PROCESS_WINDOWS_HIDE
kProcessFlagWindowsVerbatimArguments: int = pyuv.UV_PROCESS_WINDOWS_VERBATIM_ARGUMENTS
constants = {
    "kProcessFlagDetached": kProcessFlagDetached,
    "kProcessFlagWindowsHide": kProcessFlagWindowsHide,
    "kProcessFlagWindowsVerbatimArguments": kProcessFlagWindowsVerbatimArguments,
}

_PIPE_FLAGS = pyuv.UV_CREATE_PIPE | pyuv.UV_READABLE_PIPE | pyuv.UV_WRITABLE_PIPE


def signo_string(signo: int) -> str:
    """src/util.cc signo_string: ``'SIGTERM'`` for 15, ``''`` for 0 or an unknown number."""
    if not signo:
        return ""
    try:
        return _signal.Signals(signo).name
    except ValueError:
        return ""


def _stdio_container(entry: dict[str, Any]) -> Any:
    kind = entry.get("type")
    if kind in ("pipe", "overlapped"):
        return pyuv.StdIO(stream=entry["handle"]._h, flags=_PIPE_FLAGS)
    if kind == "wrap":
        return pyuv.StdIO(stream=entry["handle"]._h, flags=pyuv.UV_INHERIT_STREAM)
    if kind in ("fd", "inherit"):
        return pyuv.StdIO(fd=int(entry["fd"]), flags=pyuv.UV_INHERIT_FD)
    return pyuv.StdIO(flags=pyuv.UV_IGNORE)


class Process(HandleWrap):
    """Node's ProcessWrap. The uv_process_t exists once ``spawn`` ran (pyuv creates it
    in ``Process.spawn``); until then, and after a failed spawn, there is none."""

    __slots__ = ("onexit", "pid")

    def __init__(self) -> None:
        super().__init__(None)
        # Not a live libuv handle until spawn() succeeds: leak checks must not see it.
        open_handles.discard(self)
        self.onexit: Callable[..., Any] | None = None
        self.pid: int | None = None

    def spawn(
        self,
        file: str,
        args: list[str],
        cwd: str | None,
        envPairs: list[str] | None,
        stdio: list[dict[str, Any]],
        flags: int = 0,
        uid: int | None = None,
        gid: int | None = None,
    ) -> int:
        env: dict[str, str] | None = None
        if envPairs is not None:
            env = {}
            for pair in envPairs:
                # ProcessWrap::Spawn copies C strings: a NUL ends the value there (the JS
                # side rejects NUL only in string arguments it validates).
                key, _, value = pair.split("\0", 1)[0].partition("=")
                env[key] = value
            # DIVERGENCE: pyuv passes env=NULL to libuv for an empty dict, and libuv then
            # gives the child this process's environment; Node gives it none. A variable
            # nobody reads keeps the environment empty in every other sense.
            if not env:
                env = {"__NODENET_UV_EMPTY_ENV": "1"}
        if uid is not None:
            flags |= pyuv.UV_PROCESS_SETUID
        if gid is not None:
            flags |= pyuv.UV_PROCESS_SETGID
        containers = [_stdio_container(e) for e in stdio]
        try:
            kwargs: dict[str, Any] = {
                "args": [a.split("\0", 1)[0] for a in args] if args else [file],
                "executable": file,
                # ProcessWrap::Spawn: an empty cwd is no cwd.
                "cwd": cwd or None,
                "uid": uid & 0xFFFFFFFF if uid is not None else 0,
                "gid": gid & 0xFFFFFFFF if gid is not None else 0,
                "flags": flags,
                "stdio": containers,
                "exit_callback": self._on_exit,
            }
            if env is not None:  # else libuv's NULL env: the child inherits environ
                kwargs["env"] = env
            h = pyuv.Process.spawn(_loop.loop, **kwargs)
        except uv.PYUV_ERRORS as exc:
            return uv.convert_error(exc)
        except OverflowError:
            return uv.UV_EINVAL
        self._h = h
        self.pid = h.pid
        open_handles.add(self)
        return 0

    def _on_exit(self, handle: Any, exit_status: int, term_signal: int) -> None:
        # ProcessWrap::OnExit
        if self.onexit is not None:
            _loop.make_callback(self.onexit, exit_status, signo_string(term_signal))

    def kill(self, signal: int) -> int:
        if self._h is None or self.state != INITIALIZED:
            return uv.UV_EBADF
        return uv.call(self._h.kill, signal)

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        if self._h is None:
            # Never spawned (or the spawn failed): nothing for libuv to close.
            if self.state == INITIALIZED:
                self.state = CLOSED
            return
        super().close(callback)

    def is_alive(self) -> bool:
        return self._h is not None and self.state != CLOSED

    def ref(self) -> None:
        if self._h is not None and self.state != CLOSED:
            self._h.ref = True

    def unref(self) -> None:
        if self._h is not None and self.state != CLOSED:
            self._h.ref = False

    def hasRef(self) -> bool:
        return self._h is not None and self.state == INITIALIZED and bool(self._h.ref)


__all__ = ["CLOSING", "Process", "constants", "signo_string"]
