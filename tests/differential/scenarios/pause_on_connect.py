"""pauseOnConnect then resume(); the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket")
    mark("server-socket", "initial", [sock.readableFlowing, sock.isPaused(), sock.bytesRead])
    sock.on("data", lambda _d: mark("server-socket", "data:bytesRead", sock.bytesRead))
    mark("server-socket", "after-on-data", sock.readableFlowing)

    def later() -> None:
        mark("server-socket", "before-resume", [sock.bytesRead, sock.readableLength])
        sock.resume()
        mark("server-socket", "after-resume", sock.readableFlowing)

    setTimeout(later, 50)
    sock.on("close", lambda: server.close())


server = net.createServer({"pauseOnConnect": True}, on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = net.connect(server.address()["port"], "127.0.0.1")
    client.end("hello")
    client.resume()


server.listen(0, "127.0.0.1", on_listening)
run()
