"""Port of test/parallel/test-net-connect-abort-controller.js."""

from typing import Any

from nodenet_uv import events, net, run
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_connect_abort_controller() -> None:
    server = net.createServer()
    live_connections: set[net.Socket] = set()

    async def on_listening() -> None:
        port = server.address()["port"]
        host = "localhost"

        def socket_options(signal: Any) -> dict[str, Any]:
            return {"port": port, "host": host, "signal": signal}

        def on_connection(connection: net.Socket) -> None:
            live_connections.add(connection)
            connection.on("close", lambda: live_connections.discard(connection))

        server.on("connection", on_connection)

        async def assert_abort(socket: net.Socket, test_name: str) -> None:
            try:
                await events.once(socket, "close")
                raise AssertionError(f"close {test_name} should have thrown")
            except AssertionError:
                raise
            except BaseException as err:
                assert getattr(err, "name", type(err).__name__) == "AbortError"

        async def post_abort() -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.connect(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 1
            ac.abort()
            await assert_abort(socket, "postAbort")

        async def pre_abort() -> None:
            ac = AbortController()
            signal = ac.signal
            ac.abort()
            socket = net.connect(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 0
            await assert_abort(socket, "preAbort")

        async def tick_abort() -> None:
            ac = AbortController()
            signal = ac.signal
            setImmediate(lambda: ac.abort())
            socket = net.connect(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 1
            await assert_abort(socket, "tickAbort")

        async def test_constructor() -> None:
            ac = AbortController()
            signal = ac.signal
            ac.abort()
            socket = net.Socket(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 0
            await assert_abort(socket, "testConstructor")

        async def test_constructor_post() -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.Socket(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 1
            ac.abort()
            await assert_abort(socket, "testConstructorPost")

        async def test_constructor_post_tick() -> None:
            ac = AbortController()
            signal = ac.signal
            socket = net.Socket(socket_options(signal))
            assert len(events.getEventListeners(signal, "abort")) == 1
            setImmediate(lambda: ac.abort())
            await assert_abort(socket, "testConstructorPostTick")

        await post_abort()
        await pre_abort()
        await tick_abort()
        await test_constructor()
        await test_constructor_post()
        await test_constructor_post_tick()

        # Killing the net.socket without connecting hangs the server.
        for connection in list(live_connections):
            connection.destroy()
        server.close(common.mustCall())

    def listening() -> None:
        from nodenet_uv._internal.promise import spawn

        spawn(on_listening())

    server.listen(0, common.mustCall(listening))
    run()
