"""Port of test/parallel/test-net-server-async-dispose.mjs.

``server[Symbol.asyncDispose]()`` is Python's async context manager exit:
``server.__aexit__()`` returns the same Promise (so ``async with server:`` closes it).
The JS async listeners run as coroutines through ``promise.spawn``.
"""

from nodenet_uv import net, run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.testing import common
from nodenet_uv.timers import clearTimeout, setTimeout


def test_should_close_the_server() -> None:
    server = net.createServer()
    timeout_ref = setTimeout(common.mustNotCall(), 2**31 - 1)

    async def on_listening() -> None:
        await server.__aexit__(None, None, None).then(common.mustCall())
        assert server.address() is None
        clearTimeout(timeout_ref)

    server.listen(0, common.mustCall(lambda: spawn(on_listening())))
    server.on("close", common.mustCall())
    run()


def test_should_resolve_even_if_the_server_is_already_closed() -> None:
    server = net.createServer()
    timeout_ref = setTimeout(common.mustNotCall(), 2**31 - 1)

    async def on_listening() -> None:
        await server.__aexit__(None, None, None).then(common.mustCall())
        await server.__aexit__(None, None, None).then(common.mustCall(), common.mustNotCall())
        clearTimeout(timeout_ref)

    server.listen(0, common.mustCall(lambda: spawn(on_listening())))
    run()


def test_async_with_closes_the_server() -> None:
    # The Python spelling of the same protocol.
    server = net.createServer()

    async def main() -> None:
        async with server:
            server.listen(0)
        assert server.address() is None

    server.on("close", common.mustCall())
    run(main())
