"""Port of the parts of Node.js's ``process`` object that net programs use.

Node: ``process`` (lib/internal/process/*.js): ``nextTick``, ``emitWarning`` and the
``'warning'``, ``'uncaughtException'``, ``'unhandledRejection'`` and ``'beforeExit'``
events. ``process`` here is an :class:`~nodenet_uv.events.EventEmitter` instance.

In a process started with ``NODE_CHANNEL_FD`` (by node's ``fork`` or ours), importing
:mod:`nodenet_uv.child_process` gives this object Node's IPC side: ``process.send``,
``'message'``, ``connected``, ``disconnect()``, ``'disconnect'`` and ``channel``
(``_forkChild`` there, as Node's bootstrap requires child_process for it: the channel
needs ``net`` for passed handles, a layer above this one).
"""

from __future__ import annotations

import os
import signal as _signal
import sys
import time
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors, timers
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import uv as _uv
from nodenet_uv._internal import promise as _promise
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.arity import arg_limit, arg_required
from nodenet_uv._internal.naming import alias_module
from nodenet_uv.events import EventEmitter

__all__ = ["NodeWarning", "Process", "emitWarning", "nextTick", "process", "queueMicrotask"]


class NodeWarning(Exception):
    """A process warning (Node creates an Error whose ``name`` is the warning type)."""

    def __init__(
        self, message: str, name: str = "Warning", code: str | None = None, detail: Any = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        if code is not None:
            self.code = code
        if detail is not None:
            self.detail = detail

    def __str__(self) -> str:
        return self.message


def _exec_argv() -> list[str]:
    # sys.orig_argv is [interpreter, *options, script-or-(-m mod)-or-(-c cmd), *args];
    # sys.argv is [script, *args]: what precedes the script's counterpart is execArgv,
    # less a trailing -m/-c (whose module or code sys.argv[0] stands for).
    orig = getattr(sys, "orig_argv", None) or []
    n = len(orig) - len(sys.argv)
    if n < 1 or orig[n + 1 :] != sys.argv[1:]:
        return []  # sys.argv was rewritten: nothing reliable to say
    argv = list(orig[1:n])
    if argv and argv[-1] in ("-m", "-c"):
        argv.pop()
    return argv


class Process(EventEmitter):
    """The process object: an EventEmitter with nextTick, emitWarning, pid, ..."""

    def __init__(self) -> None:
        super().__init__()
        self.pid = os.getpid()
        self.platform = sys.platform if sys.platform != "win32" else "win32"
        self.argv = list(sys.argv)
        # DIVERGENCE: the interpreter running this program and its own options (Node:
        # the node binary and its flags), e.g. ['-X', 'dev'] for `python -X dev app.py`.
        self.execPath = sys.executable
        self.execArgv = _exec_argv()
        self.env = os.environ
        self.exitCode: int | None = None
        self.noDeprecation = False
        self.throwDeprecation = False
        # The Node release whose behaviour this is, and the libuv really running.
        self.versions = {"node": "24.22.3", "uv": _uv.LIBUV_VERSION}
        self.version = "v24.22.3"

    def nextTick(self, callback: Callable[..., Any], *args: Any) -> None:
        """Queue ``callback(*args)`` to run before any I/O (Node: ``process.nextTick``)."""
        validators.validate_function(callback, "callback")
        # the arity rule, docs/python-rules.md: extra arguments are dropped, as a JS function would;
        # required parameters past them get None (JS undefined).
        limit = arg_limit(callback)
        n = len(args)
        if 0 <= limit < n:
            args = args[:limit]
        elif limit > n:
            missing = arg_required(callback) - n
            if missing > 0:
                args = (*args, *((None,) * missing))
        task_queues.next_tick(callback, *args)

    def emitWarning(
        self, warning: Any, type: Any = None, code: Any = None, ctor: Any = None
    ) -> None:
        """Emit a ``'warning'`` event on process (Node: ``process.emitWarning``)."""
        detail = None
        if isinstance(type, dict):
            opts = type
            type, code, detail = opts.get("type"), opts.get("code"), opts.get("detail")
        if type is not None:
            validators.validate_string(type, "type")
        else:
            type = "Warning"
        if code is not None and not callable(code):
            validators.validate_string(code, "code")
        if isinstance(warning, str):
            warning = NodeWarning(warning, type, code, detail)
        elif not isinstance(warning, BaseException):
            raise errors.ERR_INVALID_ARG_TYPE("warning", ["Error", "string"], warning)
        name = getattr(warning, "name", "Warning")
        if name == "DeprecationWarning":
            if self.noDeprecation:
                return
            if self.throwDeprecation:
                raise warning
        task_queues.next_tick(self.emit, "warning", warning)

    def hrtime(self, previous: Any = None) -> list[int]:
        """High-resolution time ``[seconds, nanoseconds]`` (Node: ``process.hrtime``)."""
        t = time.monotonic_ns()
        sec, nsec = divmod(t, 1_000_000_000)
        if previous is not None:
            psec, pnsec = previous
            sec, nsec = sec - psec, nsec - pnsec
            if nsec < 0:
                sec, nsec = sec - 1, nsec + 1_000_000_000
        return [sec, nsec]

    def exit(self, code: int | None = None) -> None:
        """End the program with ``code`` (default ``exitCode``) (Node: ``process.exit``)."""
        # DIVERGENCE: no 'exit' event, and the Python process is not terminated: the
        # SystemExit is fatal to the loop and propagates out of run(), so the embedding
        # program (or a test) decides what ending means.
        raise SystemExit(self.exitCode or 0 if code is None else code)

    def kill(self, pid: Any, sig: Any = None) -> bool:
        """Send signal ``sig`` (default 'SIGTERM') to ``pid`` (Node: ``process.kill``)."""
        # lib/internal/process/per_thread.js kill: `pid != (pid | 0)` rejects non-int32s.
        if isinstance(pid, bool) or not isinstance(pid, (int, float)) or pid != _int32(pid):
            raise errors.ERR_INVALID_ARG_TYPE("pid", "number", pid)
        if not isinstance(sig, bool) and isinstance(sig, (int, float)) and sig == _int32(sig):
            signum = int(sig)
        else:
            sig = sig or "SIGTERM"
            signum = getattr(_signal, sig, 0) if isinstance(sig, str) and sig.isupper() else 0
            if not isinstance(signum, int) or not sig.startswith("SIG") or sig.startswith("SIG_"):
                signum = 0
            if not signum:
                raise errors.ERR_UNKNOWN_SIGNAL(sig)
        try:
            os.kill(int(pid), signum)
        except OSError as exc:
            raise errors.ErrnoException(-(exc.errno or 0), "kill") from None
        return True

    def cwd(self) -> str:
        """The current working directory (Node: ``process.cwd``)."""
        return os.getcwd()

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        emit_warning = emitWarning
        next_tick = nextTick
    # END twins


def _int32(v: float) -> int:
    # JS `v | 0`: ToInt32.
    if v != v or v in (float("inf"), float("-inf")):
        return 0
    n = int(v) & 0xFFFFFFFF
    return n - 0x100000000 if n >= 0x80000000 else n


process = Process()


def _on_warning(warning: Any) -> None:
    # Node's default 'warning' listener (lib/internal/process/warning.js onWarning).
    # DIVERGENCE: the "(Use `node --trace-warnings ...`)" hint is not printed: it names a
    # node flag that means nothing to a Python program.
    name = getattr(warning, "name", type(warning).__name__)
    msg = f"(node:{process.pid}) "
    code = getattr(warning, "code", None)
    if code:
        msg += f"[{code}] "
    msg += f"{name}: {warning}"
    detail = getattr(warning, "detail", None)
    if isinstance(detail, str):
        msg += f"\n{detail}"
    sys.stderr.write(msg + "\n")


process.on("warning", _on_warning)


def _noop() -> None:
    pass


def _uncaught(exc: BaseException, origin: str = "uncaughtException") -> bool:
    # lib/internal/process/execution.js createOnGlobalUncaughtException.
    process.emit("uncaughtExceptionMonitor", exc, origin)
    if not process.emit("uncaughtException", exc, origin):
        return False
    # If we handled an error, then make sure any ticks get processed by ensuring that
    # the next Immediate cycle isn't empty (the failed callback scope did not drain them).
    timers.setImmediate(_noop)
    return True


def _unhandled_rejection(reason: Any, promise: Any) -> None:
    if process.emit("unhandledRejection", reason, promise):
        return
    err = reason if isinstance(reason, BaseException) else errors.ERR_UNHANDLED_REJECTION(reason)
    if not _uncaught(err, "unhandledRejection"):
        _loop._set_fatal(err)


def _before_exit() -> None:
    if process.listenerCount("beforeExit"):
        _loop.make_callback(process.emit, "beforeExit", process.exitCode or 0)


_loop.set_uncaught_handler(_uncaught)
_loop.set_before_exit(_before_exit)
_promise.set_unhandled_rejection_hook(_unhandled_rejection)
_warning.set_emit_warning(process.emitWarning)


def queueMicrotask(callback: Callable[[], Any]) -> None:
    """queueMicrotask(callback): run after the nextTick queue, before any I/O (Node global)."""
    validators.validate_function(callback, "callback")
    task_queues.queue_microtask(callback)


nextTick = process.nextTick
emitWarning = process.emitWarning
__all__ += alias_module(globals(), __all__)


def __getattr__(name: str) -> Any:
    # `from nodenet_uv import process; process.on('uncaughtException', ...)`: the module
    # stands for the process object (pid, exitCode, on/once/emit, ...).
    return getattr(process, name)


class _ProcessModule(types.ModuleType):
    """The module's class: assigning one of the process object's own properties
    (``process.noDeprecation = True``, ``process.exitCode = 1``) sets it on the object,
    as reading it through the module gets it from there."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self.__dict__ and name in vars(process):
            setattr(process, name, value)
        else:
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _ProcessModule


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    emit_warning = emitWarning
    next_tick = nextTick
    queue_microtask = queueMicrotask
# END twins
