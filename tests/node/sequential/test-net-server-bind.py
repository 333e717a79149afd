"""Port of test/sequential/test-net-server-bind.js.

``common.PORT`` is Node's fixed test port, 12346.
"""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PORT = 12346


def test_server_bind() -> None:
    # With only a callback, server should get a port assigned by the OS
    server1 = net.createServer(common.mustNotCall())

    def on_listening1() -> None:
        assert server1.address()["port"] > 100
        server1.close()

    server1.listen(common.mustCall(on_listening1))

    # No callback to listen(), assume we can bind in 100 ms
    server2 = net.createServer(common.mustNotCall())

    server2.listen(PORT)

    def check2() -> None:
        address = server2.address()
        assert address["port"] == PORT

        if address["family"] == "IPv6":
            assert server2._connectionKey == f"6::::{address['port']}"
        else:
            assert server2._connectionKey == f"4:0.0.0.0:{address['port']}"

        server2.close()

    setTimeout(common.mustCall(check2), 100)

    # Callback to listen()
    server3 = net.createServer(common.mustNotCall())

    def on_listening3() -> None:
        assert server3.address()["port"] == PORT + 1
        server3.close()

    server3.listen(PORT + 1, common.mustCall(on_listening3))

    # Backlog argument
    server4 = net.createServer(common.mustNotCall())

    def on_listening4() -> None:
        assert server4.address()["port"] == PORT + 2
        server4.close()

    server4.listen(PORT + 2, "0.0.0.0", 127, common.mustCall(on_listening4))

    # Backlog argument without host argument
    server5 = net.createServer(common.mustNotCall())

    def on_listening5() -> None:
        assert server5.address()["port"] == PORT + 3
        server5.close()

    server5.listen(PORT + 3, 127, common.mustCall(on_listening5))
    run()
