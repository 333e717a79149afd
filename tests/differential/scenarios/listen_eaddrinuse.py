"""Rule 15 (§15): listen EADDRINUSE; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

first = trace(net.createServer(), "first")


def on_first_listening() -> None:
    port = first.address()["port"]
    alias(port, "<port>")
    second = trace(net.createServer(), "second")
    second.listen(port, "127.0.0.1")

    def relistened() -> None:
        mark("second", "relisten", second.listening)
        second.close()
        first.close()

    def on_error(err: Any) -> None:
        mark("second", "error:props", [err.errno, err.syscall, err.address, err.port])
        mark("second", "error:listening", second.listening)
        # Not "already listening": the handle is gone, so it can try again.
        second.listen(0, "127.0.0.1", relistened)

    second.on("error", on_error)
    mark("second", "after-listen", second.listening)
    third = trace(net.createServer(), "third")
    third.listen({"port": port, "host": "127.0.0.1"}, lambda: mark("third", "never"))
    third.on("error", lambda _e: mark("third", "error:address", third.address()))


first.listen(0, "127.0.0.1", on_first_listening)
run()
