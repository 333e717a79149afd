"""nodenet_uv demo: a TCP echo server and three clients, Node's net API in Python.

Run: ``make demo`` (or ``python examples/demo.py``). Everything below is Node's API
(``net.createServer``, ``'data'``/``'end'``/``'close'`` events, ``setNoDelay``,
``setTimeout``, nextTick/setImmediate ordering); the program ends by itself when
nothing is left to do, like a Node process.
"""

from __future__ import annotations

from nodenet_uv import events, net, process, run, timers


def main() -> None:
    connections = 0

    def on_connection(sock: net.Socket) -> None:
        nonlocal connections
        connections += 1
        peer = f"{sock.remoteAddress}:{sock.remotePort}"
        print(f"[server] connection {connections} from {peer}")
        sock.setNoDelay(True)
        sock.on("data", lambda chunk: sock.write(chunk.upper()))
        sock.on("end", lambda: (print(f"[server] {peer} ended, ending too"), sock.end()))
        sock.on(
            "close",
            lambda had_error: print(
                f"[server] {peer} closed (hadError={had_error}), "
                f"read {sock.bytesRead} B, wrote {sock.bytesWritten} B"
            ),
        )

    server = net.createServer(on_connection)

    def start_client(name: str, message: str) -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.setEncoding("utf8")
        client.on("connect", lambda: print(f"[{name}] connected, readyState={client.readyState}"))
        client.on("data", lambda text: (print(f"[{name}] got {text!r}"), client.end()))
        client.on("finish", lambda: print(f"[{name}] finish (our FIN sent)"))
        client.on("end", lambda: print(f"[{name}] end (server's FIN received)"))
        client.on("close", lambda had_error: print(f"[{name}] close hadError={had_error}"))
        client.write(message)

    def on_listening() -> None:
        addr = server.address()
        print(f"[server] listening on {addr['address']}:{addr['port']} ({addr['family']})")
        for i, msg in enumerate(["hello from python", "net.Socket semantics", "bye"]):
            start_client(f"client{i + 1}", msg)

    server.listen(0, "127.0.0.1", on_listening)

    # A refused connection: the same error object Node gives.
    refused = net.connect(1, "127.0.0.1")
    refused.on(
        "error",
        lambda err: print(
            f"[refused] {err} (code={err.code}, errno={err.errno}, "
            f"ConnectionRefusedError: {isinstance(err, ConnectionRefusedError)})"
        ),
    )

    # Close the server once every client is done; the loop then runs dry and run() returns.
    def close_when_idle() -> None:
        def check(err: object, count: int) -> None:
            if count == 0 and connections == 3:
                print("[server] all clients done, closing")
                server.close(lambda *_: print("[server] closed"))
            else:
                timers.setTimeout(close_when_idle, 20)

        server.getConnections(check)

    timers.setTimeout(close_when_idle, 50)

    # Node's ordering rules, visible: nextTick before setImmediate.
    process.nextTick(lambda: print("[order] nextTick runs first"))
    timers.setImmediate(lambda: print("[order] then setImmediate"))

    emitter = events.EventEmitter()
    emitter.once("ping", lambda who: print(f"[events] once listener got ping from {who}"))
    emitter.emit("ping", "main")
    emitter.emit("ping", "main again (no listener left)")


if __name__ == "__main__":
    main()
    run()
    print("[demo] event loop drained, exiting")
