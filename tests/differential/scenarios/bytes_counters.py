"""§6, §16: bytesRead / bytesWritten / bufferSize; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace


def counters(s: net.Socket) -> list[Any]:
    return [s.bytesRead, s.bytesWritten, s.bufferSize]


def on_connection(sock: net.Socket) -> None:
    def on_end() -> None:
        mark("server", "end:counters", counters(sock))
        sock.end(bytes(1000))

    def on_close() -> None:
        mark("server", "close:counters", counters(sock))
        server.close()

    sock.on("data", lambda _d: None)
    sock.on("end", on_end)
    sock.on("close", on_close)


server = net.createServer(on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = net.Socket()
    trace(client, "client", ["connect", "end", "close"])
    mark("client", "fresh", counters(client))
    client.connect(server.address()["port"], "127.0.0.1")
    mark("client", "connecting", counters(client))
    client.write("héllo")  # 6 bytes in utf8
    client.write("68656c6c6f", "hex")  # 5 bytes
    client.write(bytes(10))
    mark("client", "queued", counters(client))
    client.on("connect", lambda: mark("client", "connect", counters(client)))
    client.on("data", lambda _d: None)
    client.on("end", lambda: mark("client", "end", client.bytesRead))
    client.end()
    client.on("close", lambda: mark("client", "close", counters(client)))


server.listen(0, "127.0.0.1", on_listening)
run()
