"""Rule 4 (§15): lookup failures through a custom ``lookup``; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import mark, trace
from nodenet_uv.timers import setImmediate


def not_found(host: str) -> Exception:
    err = Exception(f"getaddrinfo ENOTFOUND {host}")
    err.code = "ENOTFOUND"  # type: ignore[attr-defined]
    return err


def failing_lookup(host: str, opts: Any, cb: Any) -> None:
    mark("lookup-calls", "options", opts)
    setImmediate(lambda: cb(not_found(host)))


def watch(sock: net.Socket, label: str) -> None:
    trace(sock, label)
    mark(label, "readyState", sock.readyState)
    sock.on("lookup", lambda *_: mark(label, "lookup:connecting", sock.connecting))

    def on_error(_err: Any) -> None:
        mark(label, "error:readyState", sock.readyState)
        mark(label, "error:destroyed", sock.destroyed)

    sock.on("error", on_error)


watch(
    net.connect({"host": "nowhere.invalid", "port": 80, "family": 4, "lookup": failing_lookup}),
    "single",
)
watch(net.connect({"host": "nowhere.invalid", "port": 80, "lookup": failing_lookup}), "multi")
watch(
    net.connect(
        {
            "host": "bogus.invalid",
            "port": 80,
            "family": 4,
            "lookup": lambda host, opts, cb: process.nextTick(cb, None, "not-an-ip", 4),
        }
    ),
    "invalid-ip",
)
watch(
    net.connect(
        {
            "host": "bogus.invalid",
            "port": 80,
            "lookup": lambda host, opts, cb: process.nextTick(
                cb, None, [{"address": "127.0.0.1", "family": 5}]
            ),
        }
    ),
    "invalid-family",
)
run()
