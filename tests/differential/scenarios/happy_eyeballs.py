"""Rule 2 (§15), §4.6: happy eyeballs and its AggregateError; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace


def lookup(host: str, opts: Any, cb: Any) -> None:
    mark("lookup", "options", opts)
    process.nextTick(
        cb, None, [{"address": "::1", "family": 6}, {"address": "127.0.0.1", "family": 4}]
    )


server = net.createServer(lambda sock: sock.end())
probe = net.createServer()


def all_fail(port: int) -> None:
    c = trace(
        net.connect(
            {"host": "dual.test", "port": port, "lookup": lookup, "autoSelectFamily": True}
        ),
        "all-fail",
    )

    def on_error(err: Any) -> None:
        mark("all-fail", "error:name", [err.name, err.code, len(err.errors)])
        mark("all-fail", "attempted", c.autoSelectFamilyAttemptedAddresses)

    c.on("error", on_error)


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    client = trace(
        net.connect(
            {"host": "dual.test", "port": port, "lookup": lookup, "autoSelectFamily": True}
        ),
        "client",
    )

    def on_connect() -> None:
        mark("client", "attempted", client.autoSelectFamilyAttemptedAddresses)
        mark("client", "remote", [client.remoteAddress, client.remoteFamily])

    def on_probe_listening() -> None:
        dead = probe.address()["port"]
        alias(dead, "<dead-port>")
        probe.close(lambda *_: all_fail(dead))

    def on_close() -> None:
        server.close()
        probe.listen(0, "127.0.0.1", on_probe_listening)

    client.on("connect", on_connect)
    client.resume()
    client.on("close", on_close)


server.listen(0, "127.0.0.1", on_listening)
run()
