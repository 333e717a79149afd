"""Port of test/parallel/test-net-connect-options-fd.js.

Node reaches its Pipe binding with ``--expose-internals``; ours is
``nodenet_uv._binding.pipe_wrap``, a plain module, so the test runs as written.
"""

import os
import shutil
from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv._binding.pipe_wrap import Pipe
from nodenet_uv._binding.pipe_wrap import constants as PipeConstants
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

CLIENT_VARIANTS = 6  # Same length as the list in test_clients


def test_clients(
    get_socket_opt: Callable[[int], dict[str, Any]],
    get_connect_opt: Callable[[int], dict[str, Any]],
    get_connect_cb: Callable[[int], Callable[[net.Socket], Callable[..., Any]]],
) -> list[net.Socket]:
    def clone_options(index: int) -> dict[str, Any]:
        return {**get_socket_opt(index), **get_connect_opt(index)}

    # get_connect_cb(index)(socket) gives the callback with JS `this` bound to socket.
    out: list[net.Socket] = []

    def with_cb(index: int, make: Callable[[Callable[..., Any]], net.Socket]) -> None:
        holder: list[net.Socket] = []
        sock = make(lambda: get_connect_cb(index)(holder[0])())
        holder.append(sock)
        out.append(sock)

    def on_connect(index: int, sock: net.Socket) -> None:
        sock.on("connect", get_connect_cb(index)(sock))
        out.append(sock)

    with_cb(0, lambda cb: net.connect(clone_options(0), cb))
    on_connect(1, net.connect(clone_options(1)))
    with_cb(2, lambda cb: net.createConnection(clone_options(2), cb))
    on_connect(3, net.createConnection(clone_options(3)))
    with_cb(4, lambda cb: net.Socket(get_socket_opt(4)).connect(get_connect_opt(4), cb))
    on_connect(5, net.Socket(get_socket_opt(5)).connect(get_connect_opt(5)))
    return out


# pytest must not collect the helper above as a test.
test_clients.__test__ = False  # type: ignore[attr-defined]


def test_pipe_fd_is_wrapped_correctly() -> None:
    # tmpdir.refresh()
    shutil.rmtree(common.tmpdir(), ignore_errors=True)
    os.makedirs(common.tmpdir(), exist_ok=True)

    # Use relative path to avoid hitting 108-char length limit for socket paths in libuv.
    prefix = os.path.relpath(f"{common.PIPE}-net-connect-options-fd", ".")
    server_path = f"{prefix}-server"
    counter = [0]
    socket_counter = [0]
    handle_map: dict[int, Any] = {}
    # JS calls the connect callbacks through one mustCall per client variant.
    connect_checks = {i: common.mustCall(lambda: None) for i in range(CLIENT_VARIANTS)}

    def server_on_connection(socket: net.Socket) -> None:
        client_fd: list[str] = []

        def on_data(data: bytes) -> None:
            client_fd.append(data.decode())
            socket.end()

        def on_end() -> None:
            counter[0] += 1
            if counter[0] == CLIENT_VARIANTS:
                setTimeout(lambda: server.close(), 10)

        socket.on("data", common.mustCall(on_data))
        socket.on("end", common.mustCall(on_end, 1))

    def on_close(*_: Any) -> None:
        def cleanup() -> None:
            for handle in handle_map.values():
                handle.close()  # clean up handles

        setTimeout(cleanup, 10)

    def on_error(err: Any) -> None:
        raise AssertionError(f"[Pipe server]{err}")

    def server_on_listen() -> None:
        def get_socket_opt(index: int) -> dict[str, Any]:
            handle = Pipe(PipeConstants["SOCKET"])
            err = handle.bind(f"{prefix}-client-{socket_counter[0]}")
            socket_counter[0] += 1
            assert err >= 0, str(err)
            assert handle.fd != -1
            handle_map[index] = handle
            return {"fd": handle.fd, "readable": True, "writable": True}

        def get_connect_opt(index: int) -> dict[str, Any]:
            return {"path": server_path}

        def get_connect_cb(index: int) -> Callable[[net.Socket], Callable[..., Any]]:
            def bound(this: net.Socket) -> Callable[..., Any]:
                def client_on_connect() -> None:
                    connect_checks[index]()
                    # Test if it's wrapping an existing fd
                    assert index in handle_map
                    old_handle = handle_map[index]
                    assert old_handle.fd == this._handle.fd
                    this.write(str(old_handle.fd))

                    def on_client_error(err: Any) -> None:
                        raise AssertionError(f"[Pipe Client]{err}")

                    this.on("error", on_client_error)

                return client_on_connect

            return bound

        test_clients(get_socket_opt, get_connect_opt, get_connect_cb)

    server = net.createServer()
    server.on("connection", common.mustCall(server_on_connection, CLIENT_VARIANTS))
    server.on("close", on_close)
    server.on("error", on_error)
    server.listen({"path": server_path}, common.mustCall(server_on_listen))
    run()
