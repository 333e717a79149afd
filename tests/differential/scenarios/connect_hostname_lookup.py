"""Rules 2, 19 (§15): hostname connect with 'lookup'; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace


def on_connection(sock: net.Socket) -> None:
    trace(sock, "server-socket")
    sock.end("bye")


server = trace(net.createServer(on_connection), "server")


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(
        net.connect(
            server.address()["port"],
            "localhost",
            lambda: mark("client", "connect-callback", client.readyState),
        ),
        "client",
    )
    mark("client", "readyState", client.readyState)
    mark("client", "connecting", client.connecting)
    mark("client", "remoteAddress", client.remoteAddress)

    def on_connect() -> None:
        mark("client", "remote", [client.remoteAddress, client.remotePort, client.remoteFamily])
        mark("client", "attempted", client.autoSelectFamilyAttemptedAddresses)

    client.on("connect", on_connect)
    client.resume()
    client.on("close", lambda: server.close())


server.listen(0, "127.0.0.1", on_listening)
run()
