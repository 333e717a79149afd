"""Port of test/parallel/test-net-settimeout.js."""

from nodenet_uv import net, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

# This example sets a timeout then immediately attempts to disable the timeout
# https://github.com/joyent/node/pull/2245

T = 100


def test_settimeout_then_disable() -> None:
    server = net.createServer(common.mustCall(lambda c: c.write("hello")))

    def on_listening() -> None:
        socket = net.createConnection(server.address()["port"], "localhost")

        s = socket.setTimeout(T, common.mustNotCall())
        assert isinstance(s, net.Socket)

        def on_data(*_: object) -> None:
            def later() -> None:
                socket.destroy()
                server.close()

            setTimeout(later, T * 2)

        socket.on("data", common.mustCall(on_data))
        socket.setTimeout(0)

    server.listen(0, on_listening)
    run()
