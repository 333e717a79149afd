"""Rule 14 (§15): 'timeout' re-armed by activity; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout

server_sock: Any = None


def on_connection(sock: net.Socket) -> None:
    global server_sock
    server_sock = sock
    sock.resume()
    sock.on("close", lambda: server.close())


server = net.createServer(on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(net.connect(server.address()["port"], "127.0.0.1"), "client")
    client.on("data", lambda _d: mark("client", "data:timeout-prop", client.timeout))
    client.setTimeout(40)
    mark("client", "timeout-prop", client.timeout)
    timeouts = [0]

    def on_timeout() -> None:
        timeouts[0] += 1
        mark("client", "timeout:state", [client.readyState, client.destroyed])
        if timeouts[0] == 1:
            server_sock.write("wake")
        else:
            client.setTimeout(0)
            mark("client", "timeout-prop", client.timeout)
            setTimeout(lambda: client.end(), 80)  # no third 'timeout' meanwhile

    client.on("timeout", on_timeout)


server.listen(0, "127.0.0.1", on_listening)
run()
