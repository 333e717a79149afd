"""Port of test/parallel/test-net-server-nodelay.js."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_server_nodelay_option() -> None:
    def on_connection(socket: net.Socket) -> None:
        socket._handle.setNoDelay = common.mustNotCall()
        socket.setNoDelay(True)
        socket.destroy()
        server.close()

    server = net.createServer({"noDelay": True}, common.mustCall(on_connection)).listen(
        0, common.mustCall(lambda: net.connect(server.address()["port"]))
    )

    onconnection = server._handle.onconnection

    def patched_onconnection(server_handle: Any, err: int, client_handle: Any) -> None:
        set_no_delay = client_handle.setNoDelay

        def checked(enable: bool) -> None:
            assert enable == server.noDelay
            set_no_delay(enable)
            client_handle.setNoDelay = set_no_delay

        client_handle.setNoDelay = common.mustCall(checked)
        onconnection(server_handle, err, client_handle)

    server._handle.onconnection = common.mustCall(patched_onconnection)
    run()
