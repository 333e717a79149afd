"""Write callbacks vs 'finish'; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace


def on_connection(sock: net.Socket) -> None:
    chunks: list[bytes] = []

    def on_end() -> None:
        mark("server", "received", b"".join(chunks).decode())
        sock.end()

    sock.on("data", chunks.append)
    sock.on("end", on_end)
    sock.on("close", lambda: server.close())


server = net.createServer(on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(
        net.connect(server.address()["port"], "127.0.0.1"),
        "client",
        ["connect", "prefinish", "finish", "end", "close", "error"],
    )
    client.resume()
    w0 = client.write("pre-", lambda err: mark("client", "cb-pre", [err, client.connecting]))
    mark("client", "write-while-connecting", [w0, client.connecting, client.writableLength])

    def on_connect() -> None:
        client.write("a", lambda err: mark("client", "cb-a", err))
        client.cork()
        client.write("b", lambda err: mark("client", "cb-b", err))
        client.write("c", lambda err: mark("client", "cb-c", err))
        mark("client", "corked", [client.writableCorked, client.writableLength])
        client.uncork()
        r = client.end(
            "-end", lambda err=None: mark("client", "end-cb", [err, client.writableFinished])
        )
        mark("client", "end-returns-this", r is client)

    def on_finish() -> None:
        mark("client", "finish:writableFinished", client.writableFinished)
        client.end(lambda err=None: mark("client", "second-end-cb", err))

    client.on("connect", on_connect)
    client.on("finish", on_finish)


server.listen(0, "127.0.0.1", on_listening)
run()
