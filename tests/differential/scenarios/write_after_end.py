"""Rule 11 (§15): write() after end() / destroy(); the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

closed = 0


def on_connection(sock: net.Socket) -> None:
    def on_close() -> None:
        global closed
        closed += 1
        if closed == 2:
            server.close()

    sock.resume()
    sock.on("error", lambda _e: None)
    sock.on("close", on_close)


server = net.createServer(on_connection)


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")
    a = trace(net.connect(port, "127.0.0.1"), "after-end")

    def a_connect() -> None:
        a.end("bye")
        r = a.write("late", lambda err: mark("after-end", "write-cb", err))
        mark("after-end", "write-returned", [r, a.destroyed, a.writableEnded])

    a.on("connect", a_connect)
    a.on("error", lambda _e: mark("after-end", "error:readyState", a.readyState))

    b = trace(net.connect(port, "127.0.0.1"), "after-destroy")

    def b_connect() -> None:
        b.destroy()
        r = b.write("late", lambda err: mark("after-destroy", "write-cb", err))
        mark("after-destroy", "write-returned", r)
        b.end(lambda err=None: mark("after-destroy", "end-cb", err))

    b.on("connect", b_connect)


server.listen(0, "127.0.0.1", on_listening)
run()
