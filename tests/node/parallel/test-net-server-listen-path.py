"""Port of test/parallel/test-net-server-listen-path.js."""

import os
import re
import shutil
import stat
from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

counter = [0]


def refresh_tmpdir() -> None:
    # tmpdir.refresh()
    shutil.rmtree(common.tmpdir(), ignore_errors=True)
    os.makedirs(common.tmpdir(), exist_ok=True)


def close_server(get_server: Callable[[], net.Server]) -> Callable[..., Any]:
    # JS: common.mustCall(function() { this.close(); }) -- `this` is the server.
    return common.mustCall(lambda: get_server().close())


# Avoid conflict with listen-handle
def random_pipe_path() -> str:
    path = f"{common.PIPE}-listen-path-{counter[0]}"
    counter[0] += 1
    return path


def test_listen_path() -> None:
    refresh_tmpdir()

    # Test listen(path)
    handle_path = random_pipe_path()
    s1 = net.createServer()
    s1.listen(handle_path).on("listening", close_server(lambda: s1))

    # Test listen({path})
    handle_path = random_pipe_path()
    s2 = net.createServer()
    s2.listen({"path": handle_path}).on("listening", close_server(lambda: s2))

    # Test listen(path, cb)
    handle_path = random_pipe_path()
    s3 = net.createServer()
    s3.listen(handle_path, close_server(lambda: s3))

    # Test listen(path, cb)
    handle_path = random_pipe_path()
    s4 = net.createServer()
    s4.listen({"path": handle_path}, close_server(lambda: s4))
    run()


def test_pipe_chmod() -> None:
    refresh_tmpdir()
    handle_path = random_pipe_path()

    def on_listening() -> None:
        if not common.isWindows:
            mode = os.stat(handle_path).st_mode
            assert mode & stat.S_IROTH != 0
            assert mode & stat.S_IWOTH != 0
        server.close()

    server = net.createServer().listen(
        {"path": handle_path, "readableAll": True, "writableAll": True},
        common.mustCall(on_listening),
    )
    run()


def test_listen_error_eaddrinuse() -> None:
    # Test should emit "error" events when listening fails.
    refresh_tmpdir()
    handle_path = random_pipe_path()

    def on_listening1() -> None:
        # As the handlePath is in use, binding to the same address again should make the
        # server emit an 'EADDRINUSE' error.
        server2 = net.createServer().listen(
            {"path": handle_path, "writableAll": True}, common.mustNotCall()
        )

        def on_error(err: Any) -> None:
            server1.close()
            assert err.code == "EADDRINUSE"
            assert re.match(r"^listen EADDRINUSE: address already in use", str(err))

        server2.on("error", common.mustCall(on_error))

    server1 = net.createServer().listen({"path": handle_path}, on_listening1)
    run()
