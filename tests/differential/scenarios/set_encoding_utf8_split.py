"""setEncoding('utf8') with split multi-byte characters; the twin of the .js file."""

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace
from nodenet_uv.timers import setTimeout

parts = [
    bytes([0xE2]),  # first byte of '€'
    bytes([0x82, 0xAC]) + b"ab",
    bytes([0xF0, 0x9F]),  # half of an emoji
]


def on_connection(sock: net.Socket) -> None:
    i = [0]

    def next_part() -> None:
        if i[0] < len(parts):
            sock.write(parts[i[0]])
            i[0] += 1
            setTimeout(next_part, 40)
        else:
            sock.end()

    next_part()
    sock.resume()
    sock.on("close", lambda: server.close())


server = net.createServer(on_connection)


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(
        net.connect(server.address()["port"], "127.0.0.1"), "client", ["data", "end", "close"]
    )
    client.setEncoding("utf8")
    mark("client", "encoding", client.readableEncoding)
    client.on("data", lambda s: mark("client", "data:codepoints", [ord(c) for c in s]))
    client.on("end", lambda: mark("client", "bytesRead", client.bytesRead))


server.listen(0, "127.0.0.1", on_listening)
run()
