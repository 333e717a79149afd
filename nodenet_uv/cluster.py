"""nodenet_uv.cluster: Node's ``cluster`` module (lib/cluster.js, lib/internal/cluster/*).

One module plays both of Node's: the primary side (``internal/cluster/primary.js``) unless
``NODE_UNIQUE_ID`` is in the environment at import, then the worker side
(``internal/cluster/child.js``), set up at import as Node's pre-execution does. The
``NODE_CLUSTER`` internal messages are Node's, byte for byte, so a Node primary can run
Python workers and a Python primary Node workers.

The module is the cluster EventEmitter: ``cluster.on('exit', ...)``, ``cluster.emit``...
are the module's functions; ``cluster.isPrimary``, ``cluster.workers``,
``cluster.settings``, ``cluster.schedulingPolicy`` its attributes.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import child_process, net
from nodenet_uv._binding.tcp_wrap import constants as TCPConstants
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv.events import EventEmitter
from nodenet_uv.process import process
from nodenet_uv.timers import clearInterval, setInterval

__all__ = [
    "SCHED_NONE",
    "SCHED_RR",
    "Worker",
    "disconnect",
    "fork",
    "isMaster",
    "isPrimary",
    "isWorker",
    "schedulingPolicy",
    "settings",
    "setupMaster",
    "setupPrimary",
    "worker",
    "workers",
]

_emitter = EventEmitter()
_process_any: Any = process  # its IPC methods are set at run time (child_process)
on = _emitter.on
once = _emitter.once
off = _emitter.off
emit = _emitter.emit
addListener = _emitter.addListener
removeListener = _emitter.removeListener
removeAllListeners = _emitter.removeAllListeners
prependListener = _emitter.prependListener
prependOnceListener = _emitter.prependOnceListener
listeners = _emitter.listeners
rawListeners = _emitter.rawListeners
listenerCount = _emitter.listenerCount
eventNames = _emitter.eventNames
setMaxListeners = _emitter.setMaxListeners
getMaxListeners = _emitter.getMaxListeners
__all__ += [
    "addListener",
    "emit",
    "eventNames",
    "getMaxListeners",
    "listenerCount",
    "listeners",
    "off",
    "on",
    "once",
    "prependListener",
    "prependOnceListener",
    "rawListeners",
    "removeAllListeners",
    "removeListener",
    "setMaxListeners",
]

SCHED_NONE = 1  # Leave it to the operating system.
SCHED_RR = 2  # Primary distributes connections.
_TIMEOUT_MAX = 2**31 - 1

isWorker = "NODE_UNIQUE_ID" in os.environ
isPrimary = not isWorker
isMaster = isPrimary  # Deprecated alias. Must be same as isPrimary.
worker: Worker | None = None
# DIVERGENCE: keyed by the worker's id as an int (a JS object's keys are strings).
workers: dict[int, Worker] = {}
settings: dict[str, Any] = {}


def _js_str(obj: dict[str, Any], key: str) -> str:
    """`${obj[key]}` for a value parsed from JSON (a missing key is undefined)."""
    if key not in obj:
        return "undefined"
    v = obj[key]
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# -- internal/cluster/utils.js ------------------------------------------------------------
_callbacks: dict[int, Callable[..., Any]] = {}
_seq = 0


def sendHelper(proc: Any, message: dict[str, Any], handle: Any = None, cb: Any = None) -> Any:
    global _seq
    if not getattr(proc, "connected", False):
        return False
    # Mark message as internal. See INTERNAL_PREFIX in child_process.
    message = {"cmd": "NODE_CLUSTER", **message, "seq": _seq}
    if callable(cb):
        _callbacks[_seq] = cb
    _seq += 1
    return proc.send(message, handle)


def internal(wrk: Any, cb: Callable[..., Any]) -> Callable[..., None]:
    """An 'internalMessage' listener that hands off normal messages to ``cb(worker,
    message, handle)`` but redirects ACK messages to their ``callback(message, handle)``."""

    def onInternalMessage(message: Any, handle: Any = None) -> None:
        if not isinstance(message, dict) or message.get("cmd") != "NODE_CLUSTER":
            return
        if "ack" in message:
            callback = (
                _callbacks.pop(message["ack"], None) if isinstance(message["ack"], int) else None
            )
            if callback is not None:
                callback(message, handle)
                return
        cb(wrk, message, handle)

    return onInternalMessage


# -- internal/cluster/worker.js -----------------------------------------------------------
class Worker(EventEmitter):
    """A cluster worker: ``cluster.workers[id]`` in the primary, ``cluster.worker`` in a
    worker."""

    def __init__(self, options: Any = None) -> None:
        super().__init__()
        if not isinstance(options, dict):
            options = {}
        self._exitedAfterDisconnect: bool | None = None
        self.state: str = options.get("state") or "none"
        self.id: int = int(options.get("id") or 0)
        self.process: Any = options.get("process")
        if self.process is not None:
            self.process.on("error", lambda *args: self.emit("error", *args))
            self.process.on(
                "message", lambda message, handle=None: self.emit("message", message, handle)
            )

    @property
    def exitedAfterDisconnect(self) -> bool | None:
        """True after ``disconnect()``/``kill()``, False after an unexpected exit, None
        before either (Node: undefined)."""
        return self._exitedAfterDisconnect

    @exitedAfterDisconnect.setter
    def exitedAfterDisconnect(self, value: bool | None) -> None:
        self._exitedAfterDisconnect = value

    def kill(self, *args: Any) -> None:
        self.destroy(*args)

    def send(self, *args: Any, **kwargs: Any) -> Any:
        return self.process.send(*args, **kwargs)

    def isDead(self) -> bool:
        return self.process.exitCode is not None or self.process.signalCode is not None

    def isConnected(self) -> bool:
        return bool(self.process.connected)

    def disconnect(self) -> Worker:
        if isPrimary:
            self.exitedAfterDisconnect = True
            _psend(self, {"act": "disconnect"})
            removeHandlesForWorker(self)
            removeWorker(self)
        elif self.state not in ("disconnecting", "destroying"):
            self.state = "disconnecting"
            _child_disconnect(self)
        return self

    def destroy(self, signo: Any = None) -> None:
        if isPrimary:
            self.process.kill(signo or "SIGTERM")
            return
        if self.state == "destroying":
            return
        self.exitedAfterDisconnect = True
        if not self.isConnected():
            process.exit(0)
        else:
            self.state = "destroying"
            _csend({"act": "exitedAfterDisconnect"}, lambda *_: _process_any.disconnect())
            process.once("disconnect", lambda *_: process.exit(0))

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        exited_after_disconnect = exitedAfterDisconnect
        is_connected = isConnected
        is_dead = isDead
    # END twins


# -- internal/cluster/shared_handle.js ----------------------------------------------------
class SharedHandle:
    def __init__(self, key: str, address: Any, message: dict[str, Any]) -> None:
        self.key = key
        self.workers: dict[int, Worker] = {}
        self.handle: Any = None
        self.errno = 0
        self.data: Any = None
        rval = net._createServerHandle(
            address,
            message.get("port"),
            message.get("addressType"),
            message.get("fd"),
            message.get("flags") or 0,
        )
        if isinstance(rval, int):
            self.errno = rval
        else:
            self.handle = rval

    def add(self, wrk: Worker, send: Callable[..., None]) -> None:
        assert wrk.id not in self.workers
        self.workers[wrk.id] = wrk
        send(self.errno, None, self.handle)

    def remove(self, wrk: Worker) -> bool:
        if wrk.id not in self.workers:
            return False
        del self.workers[wrk.id]
        if self.workers:
            return False
        if self.handle is not None:
            self.handle.close()
        self.handle = None
        return True

    def has(self, wrk: Worker) -> bool:
        return wrk.id in self.workers


# -- internal/cluster/round_robin_handle.js -----------------------------------------------
def _fail(*args: Any) -> None:
    raise AssertionError("RoundRobinHandle server got a connection")


class RoundRobinHandle:
    def __init__(self, key: str, address: Any, message: dict[str, Any]) -> None:
        self.key = key
        self.all: dict[int, Worker] = {}
        self.free: dict[int, Worker] = {}
        self.handles: deque[Any] = deque()
        self.handle: Any = None
        self.data: Any = None
        self.server: Any = net.createServer(_fail)
        fd = message.get("fd")
        port = message.get("port")
        backlog = message.get("backlog")
        if isinstance(fd, int) and fd >= 0:
            self.server.listen({"fd": fd, "backlog": backlog})
        elif isinstance(port, (int, float)) and port >= 0:
            self.server.listen(
                {
                    "port": port,
                    "host": address,
                    # Currently, net module only supports `ipv6Only` option in `flags`.
                    "ipv6Only": bool((message.get("flags") or 0) & TCPConstants["UV_TCP_IPV6ONLY"]),
                    "backlog": backlog,
                }
            )
        else:
            self.server.listen(
                {
                    "path": address,
                    "backlog": backlog,
                    "readableAll": message.get("readableAll"),
                    "writableAll": message.get("writableAll"),
                }
            )  # UNIX socket path.

        def on_listening() -> None:
            self.handle = self.server._handle
            self.handle.onconnection = lambda _h, err, handle: self.distribute(err, handle)
            self.server._handle = None
            self.server = None

        self.server.once("listening", on_listening)

    def add(self, wrk: Worker, send: Callable[..., None]) -> None:
        assert wrk.id not in self.all
        self.all[wrk.id] = wrk

        def done() -> None:
            if hasattr(self.handle, "getsockname"):
                out: dict[str, Any] = {}
                self.handle.getsockname(out)
                send(None, {"sockname": out}, None)
            else:
                send(None, None, None)  # UNIX socket.
            self.handoff(wrk)  # In case there are connections pending.

        if self.server is None:
            done()
            return
        # Still busy binding.
        self.server.once("listening", done)
        self.server.once("error", lambda err: send(getattr(err, "errno", None), None))

    def remove(self, wrk: Worker) -> bool:
        existed = self.all.pop(wrk.id, None) is not None
        if not existed:
            return False
        self.free.pop(wrk.id, None)
        if self.all:
            return False
        while self.handles:
            self.handles.popleft().close()
        if self.handle is not None:
            self.handle.close()
        self.handle = None
        return True

    def distribute(self, err: int, handle: Any) -> None:
        # If `accept` fails just skip it (handle is undefined)
        if err:
            return
        self.handles.append(handle)
        if self.free:
            wid, wrk = next(iter(self.free.items()))
            del self.free[wid]
            self.handoff(wrk)

    def handoff(self, wrk: Worker) -> None:
        if wrk.id not in self.all:
            return  # Worker is closing (or has closed) the server.
        if not self.handles:
            self.free[wrk.id] = wrk  # Add to ready queue again.
            return
        handle = self.handles.popleft()
        message = {"act": "newconn", "key": self.key}

        def on_reply(reply: Any, _handle: Any = None) -> None:
            if reply.get("accepted"):
                handle.close()
            else:
                self.distribute(0, handle)  # Worker is shutting down. Send to another.
            self.handoff(wrk)

        sendHelper(wrk.process, message, handle, on_reply)

    def has(self, wrk: Worker) -> bool:
        return wrk.id in self.all


# -- internal/cluster/primary.js ----------------------------------------------------------
_env_policy = os.environ.get("NODE_CLUSTER_SCHED_POLICY")
if _env_policy == "rr":
    schedulingPolicy = SCHED_RR
elif _env_policy == "none":
    schedulingPolicy = SCHED_NONE
elif sys.platform == "win32":
    # Round-robin doesn't perform well on Windows due to the way IOCP is wired up.
    schedulingPolicy = SCHED_NONE
else:
    schedulingPolicy = SCHED_RR

_ids = 0
_initialized = False
_frozen_policy = schedulingPolicy
_handles: dict[str, Any] = {}
_intercom = EventEmitter()


def setupPrimary(options: Any = None, **kwargs: Any) -> None:
    """cluster.setupPrimary([settings]): defaults for later ``fork()`` calls.

    DIVERGENCE: ``exec`` defaults to the main script (``sys.argv[0]``) and ``args`` to the
    rest of ``sys.argv``; the worker runs ``sys.executable`` (``execPath`` in the
    settings names another interpreter, e.g. node)."""
    global settings, _initialized, _frozen_policy, schedulingPolicy
    options = node_options(options, kwargs) or {}
    if not isinstance(options, dict):
        # Node spreads any value ({...options}): a list's or a string's indices, an
        # object's own properties (an instance's public attributes), nothing of a number.
        if isinstance(options, list | tuple | str):
            options = {str(i): v for i, v in enumerate(options)}
        else:
            own = getattr(options, "__dict__", None) or {}
            options = {k: v for k, v in own.items() if isinstance(k, str) and k[:1] != "_"}
    new_settings = {
        "args": list(process.argv[1:]),
        "exec": process.argv[0] if process.argv else None,
        "execArgv": list(getattr(process, "execArgv", []) or []),
        "silent": False,
        **settings,
        **options,
    }
    settings = new_settings
    if _initialized:
        process.nextTick(_setupSettingsNT, new_settings)
        return
    _initialized = True
    # The snake_case twin is a copy made at import: a program that set it means it.
    twin = globals().get("scheduling_policy", _frozen_policy)
    if twin != _frozen_policy and schedulingPolicy == _frozen_policy:
        schedulingPolicy = twin
    _frozen_policy = schedulingPolicy  # Freeze policy.
    assert _frozen_policy in (SCHED_NONE, SCHED_RR), (
        f"Bad cluster.schedulingPolicy: {_frozen_policy}"
    )
    process.nextTick(_setupSettingsNT, new_settings)


setupMaster = setupPrimary


def _setupSettingsNT(s: Any) -> None:
    emit("setup", s)


def createWorkerProcess(id: int, env: Any) -> Any:
    worker_env = {**os.environ, **(env or {}), "NODE_UNIQUE_ID": str(id)}
    worker_env = {str(k): str(v) for k, v in worker_env.items() if v is not None}
    opts: dict[str, Any] = {"env": worker_env, "execArgv": list(settings.get("execArgv") or [])}
    for k in ("cwd", "serialization", "silent", "windowsHide", "stdio", "gid", "uid", "execPath"):
        if settings.get(k) is not None:
            opts[k] = settings[k]
    return child_process.fork(settings["exec"], list(settings.get("args") or []), opts)


def removeWorker(wrk: Worker) -> None:
    assert wrk
    workers.pop(wrk.id, None)
    if not workers:
        assert not _handles, "Resource leak detected."
        _intercom.emit("disconnect")


def removeHandlesForWorker(wrk: Worker) -> None:
    assert wrk
    for key, handle in list(_handles.items()):
        if handle.remove(wrk):
            _handles.pop(key, None)


def fork(env: Any = None) -> Worker:
    """cluster.fork([env]): start a worker process (primary only)."""
    global _ids
    setupPrimary()
    _ids += 1
    id = _ids
    worker_process = createWorkerProcess(id, env)
    wrk = Worker({"id": id, "process": worker_process})

    wrk.on("message", lambda message, handle=None: emit("message", wrk, message, handle))

    def on_exit(exitCode: Any = None, signalCode: Any = None) -> None:
        # Remove the worker from the workers list only if it has disconnected,
        # otherwise we might still want to access it.
        if not wrk.isConnected():
            removeHandlesForWorker(wrk)
            removeWorker(wrk)
        wrk.exitedAfterDisconnect = bool(wrk.exitedAfterDisconnect)
        wrk.state = "dead"
        wrk.emit("exit", exitCode, signalCode)
        emit("exit", wrk, exitCode, signalCode)

    def on_disconnect() -> None:
        # Now is a good time to remove the handles associated with this worker because
        # it is not connected to the primary anymore.
        removeHandlesForWorker(wrk)
        # Remove the worker from the workers list only if its process has exited.
        if wrk.isDead():
            removeWorker(wrk)
        wrk.exitedAfterDisconnect = bool(wrk.exitedAfterDisconnect)
        wrk.state = "disconnected"
        wrk.emit("disconnect")
        emit("disconnect", wrk)

    worker_process.once("exit", on_exit)
    worker_process.once("disconnect", on_disconnect)
    worker_process.on("internalMessage", internal(wrk, _primary_onmessage))
    process.nextTick(lambda: emit("fork", wrk))
    workers[wrk.id] = wrk
    return wrk


def disconnect(cb: Any = None) -> None:
    """cluster.disconnect([cb]): disconnect every worker (primary only)."""
    ws = list(workers.values())
    if not ws:
        process.nextTick(lambda: _intercom.emit("disconnect"))
    else:
        for w in ws:
            if w.isConnected():
                w.disconnect()
    if callable(cb):
        _intercom.once("disconnect", cb)


def _primary_onmessage(wrk: Worker, message: dict[str, Any], handle: Any = None) -> None:
    act = message.get("act")
    if act == "close":
        _p_close(wrk, message)
    elif act == "exitedAfterDisconnect":
        wrk.exitedAfterDisconnect = True
        _psend(wrk, {"ack": message.get("seq")})
    elif act == "listening":
        _p_listening(wrk, message)
    elif act == "online":
        wrk.state = "online"
        wrk.emit("online")
        emit("online", wrk)
    elif act == "queryServer":
        _p_queryServer(wrk, message)


def _p_queryServer(wrk: Worker, message: dict[str, Any]) -> None:
    # Stop processing if worker already disconnecting
    if wrk.exitedAfterDisconnect:
        return
    key = (
        f"{_js_str(message, 'address')}:{_js_str(message, 'port')}:"
        f"{_js_str(message, 'addressType')}:{_js_str(message, 'fd')}"
    )
    if message.get("port") == 0:
        key += f":{_js_str(message, 'index')}"
    cached = _handles.get(key)
    handle: Any = None
    if cached is not None and not cached.has(wrk):
        handle = cached

    if handle is None:
        address = message.get("address")
        port = message.get("port")
        # Find shortest path for unix sockets because of the ~100 byte limit
        if isinstance(port, (int, float)) and port < 0 and isinstance(address, str):
            rel = os.path.relpath(address, os.getcwd())
            address = address if len(message["address"]) < len(rel) else rel
        # UDP is exempt from round-robin connection balancing.
        if _frozen_policy != SCHED_RR or message.get("addressType") in ("udp4", "udp6"):
            handle = SharedHandle(key, address, message)
        else:
            handle = RoundRobinHandle(key, address, message)
        if cached is None:
            _handles[key] = handle

    if not handle.data:
        handle.data = message.get("data")

    def on_added(errno: Any, reply: Any, server_handle: Any = None) -> None:
        if not errno:
            _handles[key] = handle  # Update in case it was replaced.
        data = _handles[key].data if key in _handles else None
        if cached is None and errno:
            _handles.pop(key, None)
        out: dict[str, Any] = {"errno": errno, "key": key, "ack": message.get("seq"), "data": data}
        if reply:
            out.update(reply)
        _psend(wrk, out, server_handle)

    handle.add(wrk, on_added)


def _p_listening(wrk: Worker, message: dict[str, Any]) -> None:
    info = {
        "addressType": message.get("addressType"),
        "address": message.get("address"),
        "port": message.get("port"),
        "fd": message.get("fd"),
    }
    wrk.state = "listening"
    wrk.emit("listening", info)
    emit("listening", wrk, info)


def _p_close(wrk: Worker, message: dict[str, Any]) -> None:
    # Server in worker is closing, remove from list. The handle may have been removed by
    # a prior call to removeHandlesForWorker() so guard against that.
    key = message.get("key")
    handle = _handles.get(key) if isinstance(key, str) else None
    if handle is not None and handle.remove(wrk):
        _handles.pop(key, None)  # type: ignore[arg-type]


def _psend(wrk: Worker, message: dict[str, Any], handle: Any = None, cb: Any = None) -> Any:
    return sendHelper(wrk.process, message, handle, cb)


# -- internal/cluster/child.js ------------------------------------------------------------
_child_handles: dict[str, Any] = {}
_indexes: dict[str, dict[str, Any]] = {}


def _setupWorker() -> None:
    global worker
    wrk = Worker({"id": int(os.environ.get("NODE_UNIQUE_ID", "0") or 0), "process": process})
    wrk.state = "online"
    worker = wrk

    def on_disconnect(*_: Any) -> None:
        wrk.emit("disconnect")
        if not wrk.exitedAfterDisconnect:
            # Unexpected disconnect, primary exited, or some such nastiness, so worker
            # exits immediately.
            process.exit(0)

    process.once("disconnect", on_disconnect)

    def onmessage(w: Worker, message: dict[str, Any], handle: Any = None) -> None:
        if message.get("act") == "newconn":
            _onconnection(message, handle)
        elif message.get("act") == "disconnect":
            _child_disconnect(w, True)

    process.on("internalMessage", internal(wrk, onmessage))
    _csend({"act": "online"})


def _getServer(obj: Any, options: dict[str, Any], cb: Callable[[Any, Any], None]) -> None:
    address = options.get("address")
    port = options.get("port")
    # Resolve unix socket paths to absolute paths
    if isinstance(port, (int, float)) and port < 0 and isinstance(address, str):
        address = os.path.abspath(address)

    def part(v: Any) -> str:
        return "" if v is None else _js_str({"v": v}, "v")

    indexes_key = ":".join(
        [part(address), part(port), part(options.get("addressType")), part(options.get("fd"))]
    )
    index_set = _indexes.get(indexes_key)
    if index_set is None:
        index_set = {"nextIndex": 0, "set": set()}
        _indexes[indexes_key] = index_set
    index = index_set["nextIndex"]
    index_set["nextIndex"] += 1
    index_set["set"].add(index)

    message: dict[str, Any] = {"act": "queryServer", "index": index, "data": None}
    for k, v in options.items():
        if v is not None or k == "address":  # JSON drops undefined
            message[k] = v
    message["address"] = address
    # Set custom data on handle (i.e. tls tickets key)
    if hasattr(obj, "_getServerData"):
        message["data"] = obj._getServerData()

    def on_reply(reply: dict[str, Any], handle: Any = None) -> None:
        if callable(getattr(obj, "_setServerData", None)):
            obj._setServerData(reply.get("data"))
        if handle is not None:
            _shared(reply, handle, indexes_key, index, cb)  # Shared listen socket
        else:
            _rr(reply, indexes_key, index, cb)  # Round-robin.

    _csend(message, on_reply)

    def on_listening(*_: Any) -> None:
        # short-lived sockets might have been closed
        if indexes_key not in _indexes:
            return
        if worker is not None:
            worker.state = "listening"
        addr = obj.address()
        message["act"] = "listening"
        message["port"] = (addr.get("port") if isinstance(addr, dict) else None) or port
        _csend(message)

    obj.once("listening", on_listening)


def _removeIndexesKey(indexes_key: str, index: int) -> None:
    index_set = _indexes.get(indexes_key)
    if not index_set:
        return
    index_set["set"].discard(index)
    if not index_set["set"]:
        del _indexes[indexes_key]


def _shared(message: dict[str, Any], handle: Any, indexes_key: str, index: int, cb: Any) -> None:
    key = message.get("key")
    # Monkey-patch the close() method so we can keep track of when it's closed. Avoids
    # resource leaks when the handle is short-lived.
    close = handle.close

    def patched_close(*args: Any) -> Any:
        _csend({"act": "close", "key": key})
        _child_handles.pop(key, None)  # type: ignore[arg-type]
        _removeIndexesKey(indexes_key, index)
        return close(*args)

    handle.close = patched_close
    assert key not in _child_handles
    _child_handles[key] = handle  # type: ignore[index]
    cb(message.get("errno"), handle)


class _RoundRobinFakeHandle:
    """The worker's faux server handle for a round-robin server (child.js ``rr()``):
    net.Server is not associated with a real handle, so its state (ref or unref) is a
    long interval."""

    def __init__(self, message: dict[str, Any], indexes_key: str, index: int) -> None:
        self.key: Any = message.get("key")
        self.message = message
        self.indexes_key = indexes_key
        self.index = index
        self.fakeHandle: Any = None
        self.onconnection: Any = None
        self.owner: Any = None
        if message.get("sockname"):
            self.getsockname = self._getsockname  # TCP handles only.

    def ref(self) -> None:
        if self.fakeHandle is None:
            self.fakeHandle = setInterval(lambda: None, _TIMEOUT_MAX)

    def unref(self) -> None:
        if self.fakeHandle is not None:
            clearInterval(self.fakeHandle)
            self.fakeHandle = None

    def listen(self, backlog: Any = None) -> int:
        return 0

    def close(self, *args: Any) -> None:
        # net treats server._handle.close() as effectively synchronous; connections that
        # arrive before the primary's ack are sent back (see _onconnection).
        if self.key is None:
            return
        self.unref()
        _csend({"act": "close", "key": self.key})
        _child_handles.pop(self.key, None)
        _removeIndexesKey(self.indexes_key, self.index)
        self.key = None

    def _getsockname(self, out: dict[str, Any]) -> int:
        if self.key:
            out.update(self.message.get("sockname") or {})
        return 0


def _rr(message: dict[str, Any], indexes_key: str, index: int, cb: Any) -> None:
    if message.get("errno"):
        cb(message["errno"], None)
        return
    handle = _RoundRobinFakeHandle(message, indexes_key, index)
    handle.ref()
    assert handle.key not in _child_handles
    _child_handles[handle.key] = handle
    cb(0, handle)


def _onconnection(message: dict[str, Any], handle: Any) -> None:
    key = message.get("key")
    server: Any = _child_handles.get(key) if isinstance(key, str) else None
    accepted = server is not None
    owner = getattr(server, "owner", None)
    if accepted and owner is not None:
        max_connections = getattr(owner, "maxConnections", None)
        if (
            max_connections is not None
            and owner._connections >= max_connections
            and not getattr(owner, "dropMaxConnection", False)
        ):
            accepted = False
    _csend({"ack": message.get("seq"), "accepted": accepted})
    if accepted:
        server.onconnection(server, 0, handle)
    elif handle is not None:
        handle.close()


def _csend(message: dict[str, Any], cb: Any = None) -> Any:
    return sendHelper(process, message, None, cb)


def _child_disconnect(wrk: Worker, primaryInitiated: bool = False) -> None:
    wrk.exitedAfterDisconnect = True
    waiting = [1]

    def checkWaitingCount(*_: Any) -> None:
        waiting[0] -= 1
        if waiting[0] == 0:
            # If disconnect is worker initiated, wait for ack to be sure
            # exitedAfterDisconnect is properly set in the primary, otherwise, if it's
            # primary initiated there's no need to send the exitedAfterDisconnect message
            if primaryInitiated:
                _process_any.disconnect()
            else:
                _csend({"act": "exitedAfterDisconnect"}, lambda *_: _process_any.disconnect())

    for handle in list(_child_handles.values()):
        waiting[0] += 1
        owner = getattr(handle, "owner", None)
        if owner is not None:
            owner.close(checkWaitingCount)
        else:
            handle.close(checkWaitingCount)
    _child_handles.clear()
    checkWaitingCount()


__all__ += alias_module(globals(), __all__)

if isWorker:
    # lib/internal/process/pre_execution.js initializeClusterPrimary.
    _setupWorker()
    # Make sure it's not accidentally inherited by child processes.
    del os.environ["NODE_UNIQUE_ID"]


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    add_listener = addListener
    event_names = eventNames
    get_max_listeners = getMaxListeners
    is_master = isMaster
    is_primary = isPrimary
    is_worker = isWorker
    listener_count = listenerCount
    prepend_listener = prependListener
    prepend_once_listener = prependOnceListener
    raw_listeners = rawListeners
    remove_all_listeners = removeAllListeners
    remove_listener = removeListener
    set_max_listeners = setMaxListeners
    setup_master = setupMaster
    setup_primary = setupPrimary
# END twins
