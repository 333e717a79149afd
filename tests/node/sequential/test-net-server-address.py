"""Port of test/sequential/test-net-server-address.js.

``common.PORT`` is Node's fixed test port, 12346.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common

PORT = 12346


def test_server_address() -> None:
    # Test on IPv4 Server
    family = "IPv4"
    server = net.createServer()

    server.on("error", common.mustNotCall())

    def on_listening4() -> None:
        address4 = server.address()
        assert address4["address"] == common.localhostIPv4
        assert address4["port"] == PORT + 1
        assert address4["family"] == family
        server.close()

    server.listen(PORT + 1, common.localhostIPv4, common.mustCall(on_listening4))

    if not common.hasIPv6:
        print("ipv6 part of test, no IPv6 support")
        run()
        return

    family6 = "IPv6"
    anycast6 = "::"

    # Test on IPv6 Server
    localhost = "::1"
    server2 = net.createServer()

    server2.on("error", common.mustNotCall())

    def on_listening6() -> None:
        address = server2.address()
        assert address["address"] == localhost
        assert address["port"] == PORT + 2
        assert address["family"] == family6
        server2.close()

    server2.listen(PORT + 2, localhost, common.mustCall(on_listening6))

    # Test without hostname or ip
    server3 = net.createServer()
    server3.on("error", common.mustNotCall())

    # Specify the port number
    def on_listening_port() -> None:
        address = server3.address()
        assert address["address"] == anycast6
        assert address["port"] == PORT + 3
        assert address["family"] == family6
        server3.close()

    server3.listen(PORT + 3, common.mustCall(on_listening_port))

    # Test without hostname or port
    server4 = net.createServer()
    server4.on("error", common.mustNotCall())

    # Don't specify the port number
    def on_listening_noport() -> None:
        address = server4.address()
        assert address["address"] == anycast6
        assert address["family"] == family6
        server4.close()

    server4.listen(common.mustCall(on_listening_noport))

    # Test without hostname, but with a false-y port
    server5 = net.createServer()
    server5.on("error", common.mustNotCall())

    # Specify a false-y port number
    def on_listening_zero() -> None:
        address = server5.address()
        assert address["address"] == anycast6
        assert address["family"] == family6
        server5.close()

    server5.listen(0, common.mustCall(on_listening_zero))
    run()
