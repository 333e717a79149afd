"""Port of test/parallel/test-net-server-blocklist.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_blocklist() -> None:
    block_list = net.BlockList()
    block_list.addAddress(common.localhostIPv4)

    client: list[net.Socket] = []
    not_called = common.mustNotCall()

    def on_connection(socket: net.Socket) -> None:
        # Close what this test opened before failing, so that the failure does not leave
        # sockets open into the next test.
        socket.destroy()
        for c in client:
            c.destroy()
        server.close()
        not_called(socket)

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
        client.append(socket)
        socket.on("close", common.mustCall(lambda *_: server.close()))

    server.listen(0, common.localhostIPv4, common.mustCall(on_listening))
    run()
