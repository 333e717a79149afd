"""Port of test/parallel/test-net-server-keepalive.js."""

import re
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_keepalive_option() -> None:
    def on_connection(socket: net.Socket) -> None:
        handle = socket._handle
        set_keep_alive = handle.setKeepAlive

        def checked(enable: bool, initial_delay: int) -> Any:
            assert enable is True
            assert re.search(r"^2|3$", str(initial_delay))
            return set_keep_alive(enable, initial_delay)

        handle.setKeepAlive = common.mustCall(checked, 2)
        socket.setKeepAlive(True, 1000)
        socket.setKeepAlive(True, 2000)
        socket.setKeepAlive(True, 3000)
        socket.destroy()
        server.close()

    server = net.createServer(
        {"keepAlive": True, "keepAliveInitialDelay": 1000}, common.mustCall(on_connection)
    ).listen(0, common.mustCall(lambda: net.connect(server.address()["port"])))

    onconnection = server._handle.onconnection

    def patched_onconnection(server_handle: Any, err: int, client_handle: Any) -> None:
        set_keep_alive = client_handle.setKeepAlive

        def checked(enable: bool, initial_delay_msecs: int) -> None:
            assert enable == server.keepAlive
            assert initial_delay_msecs == server.keepAliveInitialDelay
            set_keep_alive(enable, initial_delay_msecs)
            client_handle.setKeepAlive = set_keep_alive

        client_handle.setKeepAlive = common.mustCall(checked)
        onconnection(server_handle, err, client_handle)

    server._handle.onconnection = common.mustCall(patched_onconnection)
    run()
