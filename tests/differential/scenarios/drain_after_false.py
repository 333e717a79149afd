"""Rule 13 (§15): 'drain' after write() returned false; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


def on_connection(sock: net.Socket) -> None:
    n = [0]
    setTimeout(sock.resume, 50)

    def on_data(d: bytes) -> None:
        n[0] += len(d)

    def on_end() -> None:
        mark("server", "received", n[0])
        sock.end()

    sock.on("data", on_data)
    sock.on("end", on_end)
    sock.on("close", lambda: server.close())


server = net.createServer({"pauseOnConnect": True}, on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(
        net.connect(server.address()["port"], "127.0.0.1"),
        "client",
        ["drain", "finish", "close", "error"],
    )

    def on_connect() -> None:
        small = client.write("x" * 100, lambda *_: mark("client", "cb-small"))
        mark("client", "small-returned", [small, client.writableNeedDrain])
        big = client.write(bytes(16 * 1024 * 1024), lambda *_: mark("client", "cb-big"))
        mark("client", "big-returned", [big, client.writableNeedDrain])
        after = client.write("y", lambda *_: mark("client", "cb-after"))
        mark("client", "after-returned", after)

    def on_drain() -> None:
        mark(
            "client",
            "drain:state",
            [client.writableLength, client.bufferSize, client.writableNeedDrain],
        )
        client.end()

    client.on("connect", on_connect)
    client.on("drain", on_drain)
    client.resume()


server.listen(0, "127.0.0.1", on_listening)
run()
