"""Node 24: a server's blockList and maxConnections = 0; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import alias, mark, trace

blockList = net.BlockList()
blockList.addAddress("127.0.0.1")
server = trace(net.createServer({"blockList": blockList}), "server")


def on_listening() -> None:
    alias(server.address()["port"], "<port>")
    client = trace(net.connect(server.address()["port"], "127.0.0.1"), "client")
    client.on("error", lambda err: None)

    def on_client_close() -> None:
        zero = trace(net.createServer(), "zero", ["listening", "close"])
        zero.maxConnections = 0

        def on_zero_listening() -> None:
            alias(zero.address()["port"], "<port2>")
            c2 = trace(net.connect(zero.address()["port"], "127.0.0.1"), "client2")
            c2.on("error", lambda err: None)

            def on_c2_close() -> None:
                zero.close()
                server.close()

            c2.on("close", on_c2_close)

        zero.listen(0, "127.0.0.1", on_zero_listening)

        def on_drop(data: Any) -> None:
            mark("zero", "drop:keys", list(data))

        zero.on("drop", on_drop)

    client.on("close", on_client_close)


server.listen(0, "127.0.0.1", on_listening)
run()
