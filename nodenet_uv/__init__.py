"""nodenet_uv: Node.js's net module (Node v24 semantics) for Python, on libuv via pyuv.

Re-exports only; see the submodules for the API.
"""

from nodenet_uv import child_process, cluster, dns, errors, events, net, process, stream, timers
from nodenet_uv._binding.loop import call_soon_threadsafe
from nodenet_uv._internal.promise import Promise, start
from nodenet_uv._main import run
from nodenet_uv.process import queue_microtask, queueMicrotask

__all__ = [
    "Promise",
    "call_soon_threadsafe",
    "child_process",
    "cluster",
    "dns",
    "errors",
    "events",
    "net",
    "process",
    "queueMicrotask",
    "queue_microtask",
    "run",
    "start",
    "stream",
    "timers",
]
