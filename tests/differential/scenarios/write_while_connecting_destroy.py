"""Writes queued while connecting, then destroy(); the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

closed = 0


def on_connection(sock: net.Socket) -> None:
    sock.resume()
    sock.on("error", lambda _e: None)


server = net.createServer(on_connection)


def done() -> None:
    global closed
    closed += 1
    if closed == 2:
        server.close()


def on_listening() -> None:
    port = server.address()["port"]
    alias(port, "<port>")

    a = trace(net.connect(port, "127.0.0.1"), "before-connect")
    a.write("one", lambda err: mark("before-connect", "cb-one", [err, a.destroyed]))
    a.write("two", lambda err: mark("before-connect", "cb-two", err))
    mark("before-connect", "bytesWritten", a.bytesWritten)
    a.destroy()
    a.on("close", done)

    b = trace(net.connect(port, "127.0.0.1", lambda: b.destroy()), "in-connect-cb")
    b.write("one", lambda err: mark("in-connect-cb", "cb-one", err))
    b.on("close", done)


server.listen(0, "127.0.0.1", on_listening)
run()
