# A user instruments EventEmitter.emit / Readable.push at start-up, before any socket
# has read or written: the C path snapshots the patched functions as "expected" at its
# lazy configure and then bypasses them.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import echo, mode

from nodenet_uv import events, net
from nodenet_uv.stream import readable

seen = {"emit_data": 0, "push": 0}
orig_emit = events.EventEmitter.emit


def traced_emit(self, event, *args):
    if event == "data" and isinstance(self, net.Socket):
        seen["emit_data"] += 1
    return orig_emit(self, event, *args)


events.EventEmitter.emit = traced_emit

orig_push = readable.Readable.push


def traced_push(self, chunk, encoding=None):
    seen["push"] += 1
    return orig_push(self, chunk, encoding)


readable.Readable.push = traced_push

out = echo()
print(
    mode(),
    "server got",
    len(out["server_data"]),
    "chunks; patched emit('data') calls:",
    seen["emit_data"],
    "patched push calls:",
    seen["push"],
)
