"""nodenet_uv: Node.js's net module (Node v20 semantics) for Python, on libuv via pyuv.

Re-exports only; see the submodules for the API.
"""

from nodenet_uv import errors, events, process, timers
from nodenet_uv._internal.promise import Promise
from nodenet_uv._main import run

__all__ = ["Promise", "errors", "events", "process", "run", "timers"]
