"""Pipe errors (node-net-internals.md §13, §14); the twin of the .js file."""

import os
import tempfile
from typing import Any

from nodenet_uv import net
from nodenet_uv.testing.trace import alias, mark, trace

dir_ = tempfile.mkdtemp(prefix="nodenet-uv-diff-")
alias(dir_, "<dir>")


def props(e: Any) -> list[Any]:
    return [e.code, e.errno, e.syscall, e.address, e.port if hasattr(e, "port") else "no port"]


enoent = trace(net.connect(os.path.join(dir_, "missing.sock")), "enoent")
enoent.on("error", lambda e: mark("enoent", "props", props(e)))

file = os.path.join(dir_, "regular")
with open(file, "w"):
    pass
not_socket = trace(net.createConnection({"path": file}), "regular-file")
not_socket.on("error", lambda e: mark("regular-file", "props", props(e)))

missing_dir = trace(net.createServer(), "missing-dir", ["listening", "error", "close"])


def on_missing_dir_error(e: Any) -> None:
    mark("missing-dir", "props", props(e))
    mark("missing-dir", "listening", missing_dir.listening)


missing_dir.on("error", on_missing_dir_error)
missing_dir.listen("/nonexistent-dir-nodenet-uv/x.sock")

in_use = os.path.join(dir_, "in-use.sock")
first = trace(net.createServer(), "first", ["listening", "error", "close"])


def on_first_listening() -> None:
    second = trace(net.createServer(), "second", ["listening", "error", "close"])

    def on_first_closed(*_: Any) -> None:
        os.unlink(file)
        os.rmdir(dir_)

    def on_error(e: Any) -> None:
        mark("second", "props", props(e))
        mark("second", "address", second.address())
        first.close(on_first_closed)

    second.on("error", on_error)
    second.listen({"path": in_use, "backlog": 5})


first.listen(in_use, on_first_listening)

if __name__ == "__main__" and not os.environ.get("NODENET_UV_NO_RUN"):
    from nodenet_uv import run

    run()
