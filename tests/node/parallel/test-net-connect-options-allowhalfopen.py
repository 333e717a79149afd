"""Port of test/parallel/test-net-connect-options-allowhalfopen.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

CLIENT_VARIANTS = 6


def test_connect_options_allowhalfopen() -> None:
    counts = {
        "clientReceivedFIN": 0,
        "serverConnections": 0,
        "clientSentFIN": 0,
        "serverReceivedFIN": 0,
    }
    host = common.localhostIPv4
    client_ids: dict[int, str] = {}

    def server_on_connection(socket: net.Socket) -> None:
        counts["serverConnections"] += 1
        socket.resume()

        def socket_on_data(data: Any) -> None:
            client_ids[id(socket)] = data.decode()

        socket.on("data", common.mustCall(socket_on_data))

        # 'end' on each socket must not be emitted twice
        def socket_on_end() -> None:
            counts["serverReceivedFIN"] += 1
            if counts["serverReceivedFIN"] < CLIENT_VARIANTS:
                return
            setTimeout(lambda: server.close(), 50)

        socket.on("end", common.mustCall(socket_on_end, 1))
        socket.end()

    # These two levels of functions are necessary in order to bind the `index`, and
    # the calling socket (`this`).
    def client_on_connect(index: int, get_client: Any) -> Any:
        def client_on_connect_inner() -> None:
            client = get_client()
            client.resume()

            def client_on_end() -> None:
                def close_server() -> None:
                    # When allowHalfOpen is true, client must still be writable
                    # after the server closes the connections, but not readable
                    assert not client.readable
                    assert client.writable
                    assert client.write(str(index))
                    client.end()
                    counts["clientSentFIN"] += 1

                setTimeout(close_server, 50)

            client.on("end", common.mustCall(client_on_end))

            def client_on_close() -> None:
                counts["clientReceivedFIN"] += 1

            client.on("close", common.mustCall(client_on_close))

        return common.mustCall(client_on_connect_inner)

    def server_on_close() -> None:
        pass

    def server_on_listen() -> None:
        port = server.address()["port"]
        opts = {"allowHalfOpen": True, "host": host, "port": port}
        # 6 variations === CLIENT_VARIANTS
        clients: dict[int, net.Socket] = {}
        clients[1] = net.connect(opts, client_on_connect(1, lambda: clients[1]))
        clients[2] = net.connect(opts)
        clients[2].on("connect", client_on_connect(2, lambda: clients[2]))
        clients[3] = net.createConnection(opts, client_on_connect(3, lambda: clients[3]))
        clients[4] = net.createConnection(opts)
        clients[4].on("connect", client_on_connect(4, lambda: clients[4]))
        clients[5] = net.Socket(opts)
        clients[5].connect(opts, client_on_connect(5, lambda: clients[5]))
        clients[6] = net.Socket(opts)
        clients[6].connect(opts).on("connect", client_on_connect(6, lambda: clients[6]))

    # The trigger
    server = (
        net.createServer({"allowHalfOpen": True})
        .on("connection", common.mustCall(server_on_connection, CLIENT_VARIANTS))
        .on("close", common.mustCall(server_on_close))
        .listen(0, host, common.mustCall(server_on_listen))
    )
    run()
