"""Port of test/parallel/test-net-dns-lookup-skip.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common


def check(address_type: int) -> None:
    def on_connection(client: net.Socket) -> None:
        client.end()
        server.close()

    server = net.createServer(on_connection)

    address = "127.0.0.1" if address_type == 4 else "::1"

    def on_listening() -> None:
        net.connect(server.address()["port"], address).on("lookup", common.mustNotCall())

    server.listen(0, address, on_listening)


def test_dns_lookup_skip() -> None:
    check(4)
    if common.hasIPv6:
        check(6)
    run()
