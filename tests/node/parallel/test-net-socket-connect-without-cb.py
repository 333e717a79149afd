"""Port of test/parallel/test-net-socket-connect-without-cb.js.

Connect without a callback: the 'connect' listener alone must see the connection.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_without_cb() -> None:
    def on_connection(conn: net.Socket) -> None:
        conn.end()
        server.close()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        client = net.Socket()
        client.on("connect", common.mustCall(lambda: client.end()))
        address: Any = server.address()
        if not common.hasIPv6 and address["family"] == "IPv6":
            # Necessary to pass CI running inside containers.
            client.connect(address["port"])
        else:
            client.connect(address)

    server.listen(0, common.mustCall(on_listening))
    run()
