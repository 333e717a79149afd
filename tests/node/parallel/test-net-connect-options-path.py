"""Port of test/parallel/test-net-connect-options-path.js.

This file tests the option handling of net.connect, net.createConnection, and
new Socket().connect with a pipe path.
"""

import os
import shutil
from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

CLIENT_VARIANTS = 12


def refresh_tmpdir() -> None:
    # tmpdir.refresh()
    shutil.rmtree(common.tmpdir(), ignore_errors=True)
    os.makedirs(common.tmpdir(), exist_ok=True)


def test_connect_path() -> None:
    refresh_tmpdir()
    prefix = f"{common.PIPE}-net-connect-options-path"
    server_path = f"{prefix}-server"
    counter = [0]
    server = net.createServer()

    def on_listening() -> None:
        def get_connect_cb() -> Callable[..., Any]:
            holder: list[net.Socket] = []

            def on_connect() -> None:
                this = holder[0]
                this.end()

                def on_close(*_: Any) -> None:
                    counter[0] += 1
                    if counter[0] == CLIENT_VARIANTS:
                        server.close()

                this.on("close", common.mustCall(on_close))

            cb = common.mustCall(on_connect)
            # JS `this` is the socket: bind it once the socket exists.
            cb.bind_to = holder.append  # type: ignore[attr-defined]
            return cb

        def connected(make: Callable[[Callable[..., Any]], net.Socket]) -> None:
            cb = get_connect_cb()
            sock = make(cb)
            cb.bind_to(sock)  # type: ignore[attr-defined]
            sock.resume()

        def on_connect_event(sock: net.Socket) -> net.Socket:
            cb = get_connect_cb()
            cb.bind_to(sock)  # type: ignore[attr-defined]
            sock.on("connect", cb)
            return sock

        # CLIENT_VARIANTS depends on the following code
        connected(lambda cb: net.connect(server_path, cb))
        on_connect_event(net.connect(server_path)).resume()
        connected(lambda cb: net.createConnection(server_path, cb))
        on_connect_event(net.createConnection(server_path)).resume()
        connected(lambda cb: net.Socket().connect(server_path, cb))
        on_connect_event(net.Socket().connect(server_path)).resume()
        connected(lambda cb: net.connect({"path": server_path}, cb))
        on_connect_event(net.connect({"path": server_path})).resume()
        connected(lambda cb: net.createConnection({"path": server_path}, cb))
        on_connect_event(net.createConnection({"path": server_path})).resume()
        connected(lambda cb: net.Socket().connect({"path": server_path}, cb))
        on_connect_event(net.Socket().connect({"path": server_path})).resume()

    server.on("connection", common.mustCall(lambda socket: socket.end("ok"), CLIENT_VARIANTS))
    server.listen(server_path, common.mustCall(on_listening))
    run()
