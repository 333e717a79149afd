"""Port of test/parallel/test-net-server-listen-handle.js.

Node's ``internalBinding('tcp_wrap')`` / ``internalBinding('pipe_wrap')`` are
``nodenet_uv._binding.tcp_wrap`` / ``pipe_wrap`` here.
"""

import os
import shutil
from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv._binding.pipe_wrap import Pipe
from nodenet_uv._binding.pipe_wrap import constants as PipeConstants
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv._binding.tcp_wrap import constants as TCPConstants
from nodenet_uv.errors import getSystemErrorName
from nodenet_uv.testing import common

counter = [0]
# DIVERGENCE: a Node handle wrap lives until it is closed, even with no JS reference
# left; a pyuv handle that Python collects closes its fd. Keep every handle this test
# creates referenced, as the JS test implicitly does.
keep: list[Any] = []


def refresh_tmpdir() -> None:
    # tmpdir.refresh()
    shutil.rmtree(common.tmpdir(), ignore_errors=True)
    os.makedirs(common.tmpdir(), exist_ok=True)


def server_and_close() -> tuple[net.Server, Callable[..., Any]]:
    # JS: common.mustCall(function() { this.close(); }) -- `this` is the server.
    server = net.createServer()
    return server, common.mustCall(lambda: server.close())


# server.listen(pipe) creates a new pipe wrap, so server.close() doesn't actually unlink
# this existing pipe. It needs to be unlinked separately via handle.close()
def pipe_server_and_close(handle: Any) -> tuple[net.Server, Callable[..., Any]]:
    server = net.createServer()

    def close() -> None:
        server.close()
        handle.close()

    return server, common.mustCall(close)


# Avoid conflict with listen-path
def random_pipe_path() -> str:
    path = f"{common.PIPE}-listen-handle-{counter[0]}"
    counter[0] += 1
    return path


def random_handle(type_: str) -> Any:
    handle: Any
    if type_ == "tcp":
        handle = TCP(TCPConstants["SOCKET"])
        errno = handle.bind("0.0.0.0", 0)
        handle_name = "arbitrary tcp port"
    else:
        path = random_pipe_path()
        handle = Pipe(PipeConstants["SOCKET"])
        errno = handle.bind(path)
        handle_name = f"pipe {path}"

    if errno < 0:
        raise AssertionError(f"unable to bind {handle_name}: {getSystemErrorName(errno)}")

    if not common.isWindows:  # `fd` doesn't work on Windows.
        # err >= 0 but fd = -1, should not happen
        assert handle.fd != -1, f"Bound {handle_name} has fd -1 and errno {errno}"
    keep.append(handle)
    return handle


def random_pipes(number: int) -> list[Any]:
    return [random_handle("pipe") for _ in range(number)]


def test_listen_handles() -> None:
    refresh_tmpdir()

    # Not a public API, used by child_process
    # Test listen(tcp)
    s, close = server_and_close()
    s.listen(random_handle("tcp")).on("listening", close)
    # Test listen(tcp, cb)
    s, close = server_and_close()
    s.listen(random_handle("tcp"), close)

    # Not a public API, used by child_process
    if not common.isWindows:  # Windows doesn't support {fd: <n>}
        handles = random_pipes(2)  # Generate pipes in advance
        # Test listen(pipe)
        s, close = pipe_server_and_close(handles[0])
        s.listen(handles[0]).on("listening", close)
        # Test listen(pipe, cb)
        s, close = pipe_server_and_close(handles[1])
        s.listen(handles[1], close)

    # Test listen({handle: tcp}, cb)
    s, close = server_and_close()
    s.listen({"handle": random_handle("tcp")}, close)
    # Test listen({handle: tcp})
    s, close = server_and_close()
    s.listen({"handle": random_handle("tcp")}).on("listening", close)
    # Test listen({_handle: tcp}, cb)
    s, close = server_and_close()
    s.listen({"_handle": random_handle("tcp")}, close)
    # Test listen({_handle: tcp})
    s, close = server_and_close()
    s.listen({"_handle": random_handle("tcp")}).on("listening", close)

    if not common.isWindows:  # Windows doesn't support {fd: <n>}
        # Test listen({fd: tcp.fd}, cb)
        s, close = server_and_close()
        s.listen({"fd": random_handle("tcp").fd}, close)
        # Test listen({fd: tcp.fd})
        s, close = server_and_close()
        s.listen({"fd": random_handle("tcp").fd}).on("listening", close)

    if not common.isWindows:  # Windows doesn't support {fd: <n>}
        handles = random_pipes(6)  # Generate pipes in advance
        # Test listen({handle: pipe}, cb)
        s, close = pipe_server_and_close(handles[0])
        s.listen({"handle": handles[0]}, close)
        # Test listen({handle: pipe})
        s, close = pipe_server_and_close(handles[1])
        s.listen({"handle": handles[1]}).on("listening", close)
        # Test listen({_handle: pipe}, cb)
        s, close = pipe_server_and_close(handles[2])
        s.listen({"_handle": handles[2]}, close)
        # Test listen({_handle: pipe})
        s, close = pipe_server_and_close(handles[3])
        s.listen({"_handle": handles[3]}).on("listening", close)
        # Test listen({fd: pipe.fd}, cb)
        s, close = pipe_server_and_close(handles[4])
        s.listen({"fd": handles[4].fd}, close)
        # Test listen({fd: pipe.fd})
        s, close = pipe_server_and_close(handles[5])
        s.listen({"fd": handles[5].fd}).on("listening", close)

    fd = -1
    if not common.isWindows:  # Windows doesn't support {fd: <n>}
        # Test invalid fd
        fd = os.open(__file__, os.O_RDONLY)
        server = net.createServer()

        def on_error(err: Any) -> None:
            assert f"Error: {err}" == "Error: listen EINVAL: invalid argument"
            server.close()

        server.listen({"fd": fd}, common.mustNotCall()).on("error", common.mustCall(on_error))
    try:
        run()
    finally:
        keep.clear()
        if fd >= 0:
            os.close(fd)  # Node leaves it to process exit
