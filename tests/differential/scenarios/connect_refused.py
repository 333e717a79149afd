"""Rule 3 (§15): a refused connect; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

probe = net.createServer()


def on_probe_listening() -> None:
    port = probe.address()["port"]
    alias(port, "<port>")

    def on_probe_closed() -> None:
        client = trace(net.connect(port, "127.0.0.1"), "client")

        def on_failed(*_: Any) -> None:
            mark("client", "failed:connecting", client.connecting)
            mark("client", "failed:destroyed", client.destroyed)

        def on_error(err: Any) -> None:
            mark("client", "error:props", [err.errno, err.syscall, err.address, err.port])
            mark("client", "error:connecting", client.connecting)
            mark("client", "error:destroyed", client.destroyed)
            mark("client", "error:readyState", client.readyState)
            mark("client", "error:pending", client.pending)
            mark("client", "error:bytes", [client.bytesRead, client.bytesWritten])

        def on_close(had_error: Any) -> None:
            mark("client", "close:hadError", had_error)
            mark("client", "close:readyState", client.readyState)

        client.on("connectionAttemptFailed", on_failed)
        client.on("error", on_error)
        client.on("close", on_close)

    probe.close(on_probe_closed)


probe.listen(0, "127.0.0.1", on_probe_listening)
run()
