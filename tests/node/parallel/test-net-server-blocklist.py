"""Port of test/parallel/test-net-server-blocklist.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_blocklist() -> None:
    block_list = net.BlockList()
    block_list.addAddress(common.localhostIPv4)

    connections: list[net.Socket] = []

    def on_connection(socket: net.Socket) -> None:
        # common.mustNotCall(), checked once the loop has run: raising here would stop the
        # loop with this test's sockets still open. The socket is destroyed so the loop ends.
        connections.append(socket)
        socket.destroy()

    server = net.createServer({"blockList": block_list}, on_connection)

    def on_listening() -> None:
        adddress = server.address()
        socket = net.connect(
            {
                "localAddress": common.localhostIPv4,
                "host": adddress["address"],
                "port": adddress["port"],
            }
        )
        socket.on("close", common.mustCall(lambda *_: server.close()))

    server.listen(0, common.localhostIPv4, common.mustCall(on_listening))
    run()
    not_called = common.mustNotCall()
    for socket in connections:
        not_called(socket)
