"""Rule 9 (§15): destroy(err) with writes pending; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


class Boom(Exception):
    code = "EBOOM"


def on_connection(sock: net.Socket) -> None:
    sock.on("error", lambda _err: mark("server-socket", "error-seen", True))
    sock.on("close", lambda: server.close())
    setTimeout(sock.resume, 50)


server = net.createServer({"pauseOnConnect": True}, on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(net.connect(server.address()["port"], "127.0.0.1"), "client")

    def on_connect() -> None:
        # 16 MiB cannot all be taken by the kernel at once: the write stays in flight.
        r1 = client.write(bytes(16 * 1024 * 1024), lambda err: mark("client", "cb1", err))
        r2 = client.write("buffered", lambda err: mark("client", "cb2", err))
        mark("client", "write-returns", [r1, r2])
        boom = Boom("boom")
        client.destroy(boom)
        mark(
            "client", "after-destroy", [client.destroyed, client.readyState, client.errored is boom]
        )
        process.nextTick(lambda: mark("client", "tick-after-destroy"))

    def on_error(err: Any) -> None:
        mark("client", "error:same", err is client.errored)

    client.on("connect", on_connect)
    client.on("error", on_error)
    client.on("close", lambda: mark("client", "bytesWritten>0", client.bytesWritten > 0))


server.listen(0, "127.0.0.1", on_listening)
run()
