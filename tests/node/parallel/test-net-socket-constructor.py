"""Port of test/parallel/test-net-socket-constructor.js.

The JS test forks a cluster worker whose fds 4, 5 and 6 are the 'pipe' stdio entries
(Unix socket pairs) and wraps them with ``new net.Socket(fd)``. There is no cluster
module here: the worker is a Python subprocess given three socketpair ends as fds 4, 5
and 6, running the worker branch of the test.
"""

import os
import socket as pysocket
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def check(sock: Any, readable: bool, writable: bool) -> None:
    # JS: function test(sock, readable, writable)
    if isinstance(sock, net.Socket):
        socket = sock
    else:
        socket = net.Socket(sock)
        socket.unref()

    assert socket.readable is readable
    assert socket.writable is writable


def test_invalid_fd() -> None:
    with pytest.raises(ValueError) as info:
        net.Socket({"fd": -1})
    common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE"})

    with pytest.raises(TypeError) as info2:
        net.Socket({"fd": "foo"})
    common.check_error(info2.value, {"code": "ERR_INVALID_ARG_TYPE"})


def test_primary() -> None:
    check(None, True, True)

    def on_connection(socket: net.Socket) -> None:
        socket.unref()
        check(socket, True, True)
        check({"handle": socket._handle}, True, True)
        check({"handle": socket._handle, "readable": True, "writable": True}, True, True)
        server.close()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        port = server.address()["port"]

        def on_connect() -> None:
            check(socket, True, True)
            socket.end()

        socket = net.connect(port, common.mustCall(on_connect))
        check(socket, True, True)

    server.listen(common.mustCall(on_listening))
    run()


WORKER = textwrap.dedent(
    """
    from nodenet_uv import net, run

    def test(sock, readable, writable):
        socket = net.Socket(sock)
        socket.unref()
        assert socket.readable is readable
        assert socket.writable is writable

    test(4, True, True)
    test({"fd": 5}, True, True)
    test({"fd": 6, "readable": True, "writable": True}, True, True)
    run()
    """
)


def test_worker() -> None:
    pairs = [pysocket.socketpair() for _ in range(3)]
    child_ends = [b.fileno() for _, b in pairs]

    def place_fds() -> None:
        # The worker's fds 4, 5, 6 are the socket pairs' child ends (stdio 'pipe').
        tmp = [os.dup(fd) for fd in child_ends]
        for target, fd in zip((4, 5, 6), tmp, strict=True):
            os.dup2(fd, target, inheritable=True)

    try:
        proc = subprocess.run(
            [sys.executable, "-c", WORKER],
            preexec_fn=place_fds,
            pass_fds=(4, 5, 6),
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        for a, b in pairs:
            a.close()
            b.close()
    # worker.on('exit', (code, signal) => { code === 0; signal === null })
    assert proc.returncode == 0, proc.stderr
