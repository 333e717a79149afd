"""§16 readyState transitions; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


def on_connection(sock: net.Socket) -> None:
    sock.on("data", lambda _d: None)
    sock.on("end", lambda: setTimeout(lambda: sock.end("bye"), 20))
    sock.on("close", lambda: server.close())


server = net.createServer({"allowHalfOpen": True}, on_connection)


def state(s: net.Socket) -> list[Any]:
    return [s.readyState, s.pending, s.connecting, s.readable, s.writable]


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    s = net.Socket()
    trace(s, "client", ["connect", "ready", "prefinish", "finish", "end", "close"])
    mark("client", "new", state(s))
    s.connect(server.address()["port"], "127.0.0.1")
    mark("client", "connect()", state(s))
    s.end("hi")
    mark("client", "end() while connecting", state(s))
    s.on("connect", lambda: mark("client", "connect", state(s)))
    s.on("ready", lambda: mark("client", "ready", state(s)))
    s.on("finish", lambda: mark("client", "finish", state(s)))
    s.on("data", lambda _d: mark("client", "data", state(s)))
    s.on("end", lambda: mark("client", "end", state(s)))
    s.on("close", lambda: mark("client", "close", state(s)))


server.listen(0, "127.0.0.1", on_listening)
run()
