"""net over Unix domain sockets, fds and raw handles (issue 6), as Node 20.20.2 does it.

Expected values were taken from node v20.20.2 on this machine (the scripts are in the
comments where they are not obvious). Every test also checks that it leaks no fd.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv._binding.pipe_wrap import Pipe
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def warm_up_loop() -> None:
    """libuv opens /dev/null once per loop, with its first stream (the fd it frees to
    survive EMFILE in accept): make that happen before fds are counted."""
    Pipe().close()
    run()


@pytest.fixture(autouse=True)
def _no_fd_leak() -> Iterator[None]:
    warm_up_loop()
    before = sorted(os.listdir("/proc/self/fd"), key=int)
    yield
    after = sorted(os.listdir("/proc/self/fd"), key=int)
    assert after == before, "fds leaked"


@pytest.fixture
def d() -> Iterator[str]:
    path = tempfile.mkdtemp(prefix="nodenet-uv-pipe-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _echo_server(**options: Any) -> net.Server:
    def on_connection(sock: net.Socket) -> None:
        sock.on("data", lambda data: sock.write(data))
        sock.on("end", lambda: sock.end())

    return net.createServer(options, on_connection)


# -- addresses, socket file, errors ----------------------------------------------------------


def test_pipe_addresses_and_socket_file(d: str) -> None:
    path = os.path.join(d, "s.sock")
    seen: dict[str, Any] = {}

    def on_connection(sock: net.Socket) -> None:
        seen["server-side"] = (sock.remoteAddress, sock.localAddress, sock.address())
        seen["ports"] = (sock.remotePort, sock.remoteFamily, sock.localPort, sock.localFamily)
        sock.end("hi")

    server = net.createServer(on_connection)

    def on_listening() -> None:
        seen["address"] = server.address()
        seen["exists"] = os.path.exists(path)

        def on_connect() -> None:
            seen["client"] = (client.remoteAddress, client.localAddress, client.address())
            # Pipes have no setNoDelay/setKeepAlive: no-ops returning the socket.
            assert client.setNoDelay(True) is client
            assert client.setKeepAlive(True, 1000) is client
            with pytest.raises(TypeError) as info:
                client.resetAndDestroy()
            common.check_error(
                info.value,
                {
                    "code": "ERR_INVALID_HANDLE_TYPE",
                    "name": "TypeError",
                    "message": "This handle type cannot be sent",
                },
            )

        def on_close(had_error: bool) -> None:
            seen["bytes"] = (client.bytesRead, client.bytesWritten)
            server.close()
            # libuv unlinks the file in uv_close, synchronously.
            seen["exists after close"] = os.path.exists(path)

        client = net.connect(path, on_connect)
        client.resume()
        client.on("close", on_close)

    server.listen(path, on_listening)
    run()
    assert seen == {
        "address": path,
        "exists": True,
        "server-side": (None, None, {}),
        "ports": (None, None, None, None),
        "client": (None, None, {}),
        "bytes": (2, 0),
        "exists after close": False,
    }
    # Node never clears _pipeName: address() still gives the path after close().
    assert server.address() == path


def test_listen_eaddrinuse_has_port_minus_one(d: str) -> None:
    path = os.path.join(d, "s.sock")
    seen: list[Any] = []

    def on_listening() -> None:
        other = net.createServer()
        other.on("error", lambda err: (seen.append(err), first.close()))
        other.listen(path)

    first = net.createServer().listen(path, on_listening)
    run()
    (err,) = seen
    common.check_error(
        err,
        {
            "code": "EADDRINUSE",
            "errno": -98,
            "syscall": "listen",
            "address": path,
            "port": -1,
            "message": f"listen EADDRINUSE: address already in use {path}",
        },
    )


def test_connect_errors(d: str) -> None:
    regular = os.path.join(d, "regular")
    with open(regular, "w"):
        pass
    seen: dict[str, Any] = {}
    for name, path in (("enoent", os.path.join(d, "nope")), ("file", regular)):
        sock = net.connect(path)
        sock.on("connect", common.mustNotCall())
        sock.on("error", lambda err, name=name: seen.__setitem__(name, err))
    run()
    common.check_error(
        seen["enoent"],
        {"code": "ENOENT", "syscall": "connect", "message": f"connect ENOENT {d}/nope"},
    )
    assert seen["enoent"].address == f"{d}/nope" and not hasattr(seen["enoent"], "port")
    # node v20.20.2 on Linux: ECONNREFUSED for a regular file.
    common.check_error(
        seen["file"], {"code": "ECONNREFUSED", "message": f"connect ECONNREFUSED {regular}"}
    )


def test_listen_in_missing_directory_is_eacces() -> None:
    # libuv turns bind's ENOENT into EACCES "for compatibility with Windows".
    seen: list[Any] = []
    server = net.createServer()
    server.on("error", seen.append)
    server.listen("/nonexistent-dir/x.sock")
    run()
    common.check_error(
        seen[0],
        {
            "code": "EACCES",
            "message": "listen EACCES: permission denied /nonexistent-dir/x.sock",
            "address": "/nonexistent-dir/x.sock",
            "port": -1,
        },
    )


EACCES_SCRIPT = textwrap.dedent(
    """
    import os, sys, tempfile
    from nodenet_uv import net, run
    path = os.path.join(tempfile.mkdtemp(), "s.sock")
    out = []
    server = net.createServer()
    def on_listening():
        os.chmod(path, 0)
        c = net.createConnection(path, lambda: out.append("connected"))
        c.on("error", lambda e: (out.append(str(e).replace(path, "<path>")), server.close()))
    server.listen(path, on_listening)
    run()
    print(out)
    """
)


@pytest.mark.skipif(
    os.getuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv"
)
def test_connect_eacces_as_unprivileged_user() -> None:
    # test-net-pipe-connect-errors skips this part as root; run it as nobody.
    import nodenet_uv

    root = os.path.dirname(os.path.dirname(nodenet_uv.__file__))
    # The interpreter itself must run as nobody: a pyenv build under /root (libpython in a
    # directory nobody may read) cannot, whatever the checkout's permissions.
    probe = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", ""],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=30,
    )
    if probe.returncode != 0:
        pytest.skip(f"{sys.executable} cannot run as nobody: {probe.stderr.strip()[:200]}")
    proc = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable],
        input=EACCES_SCRIPT,
        capture_output=True,
        text=True,
        cwd="/",
        env={**os.environ, "PYTHONPATH": root},
        timeout=30,
    )
    if proc.returncode != 0 and "Permission denied" in proc.stderr:
        pytest.skip("the checkout is not readable by nobody")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['connect EACCES <path>']"


# -- names libuv 1.13 handles differently -----------------------------------------------------


def test_abstract_socket_names_are_distinct() -> None:
    # libuv 1.13 would bind every abstract name to 108 NUL bytes.
    name = f"\0nodenet-uv-abstract-{os.getpid()}"
    seen: list[Any] = []
    server = _echo_server()

    def on_listening() -> None:
        assert server.address() == name
        wrong = net.connect(name + "-other")
        wrong.on("error", lambda err: seen.append(err.code))
        client = net.connect(name, lambda: client.end("abc"))
        client.on("data", seen.append)
        client.on("close", lambda *_: server.close())

    server.listen(name, on_listening)
    run()
    assert sorted(seen, key=repr) == ["ECONNREFUSED", b"abc"]


def test_abstract_name_rejects_readable_all() -> None:
    with pytest.raises(TypeError) as info:
        net.createServer().listen({"path": "\0abc", "writableAll": True})
    common.check_error(
        info.value,
        {
            "code": "ERR_INVALID_ARG_VALUE",
            "message": "The argument 'options' can not set readableAll or writableAllt to "
            "true when path is abstract unix socket. Received { path: '\\x00abc', "
            "writableAll: true }",
        },
    )


def test_long_path_is_einval_like_node(d: str) -> None:
    # node v24.22.3: listen() and connect() of a path longer than sun_path fail with
    # EINVAL (UV_PIPE_NO_TRUNCATE), from 'error' events; nothing is created.
    path = os.path.join(d, "p" * (200 - len(d)))
    errs: list[tuple[str, str, str]] = []
    server = net.createServer()
    server.on("error", lambda e: errs.append((e.code, e.syscall, str(e))))
    server.listen(path)
    client = net.connect({"path": path})
    client.on("error", lambda e: errs.append((e.code, e.syscall, str(e))))
    run()
    assert sorted(errs) == [
        ("EINVAL", "connect", f"connect EINVAL {path}"),
        ("EINVAL", "listen", f"listen EINVAL: invalid argument {path}"),
    ]
    assert os.listdir(d) == []


def test_readable_all_writable_all(d: str) -> None:
    modes: list[int] = []
    for i, opts in enumerate(
        ({"readableAll": True}, {"writableAll": True}, {"readableAll": True, "writableAll": True})
    ):
        path = os.path.join(d, f"m{i}.sock")
        server = net.createServer()
        server.listen(
            {"path": path, **opts},
            lambda server=server, path=path: (
                modes.append(os.stat(path).st_mode & 0o777),
                server.close(),
            ),
        )
    run()
    # node v24.22.3 (libuv 1.52's uv_pipe_chmod sets exactly these bits; Node 20's libuv
    # OR-ed them into the umask'ed mode): 444, 222, 666 whatever the umask.
    assert modes == [0o444, 0o222, 0o666]


# -- TCP features on pipes --------------------------------------------------------------------


def test_half_open_pause_resume_bytes(d: str) -> None:
    path = os.path.join(d, "h.sock")
    log: list[Any] = []

    def on_connection(sock: net.Socket) -> None:
        sock.pause()
        data: list[bytes] = []
        sock.on("data", data.append)

        def on_end() -> None:
            log.append(("server end", b"".join(data)))
            # Half-open: the server still writes after the client's FIN.
            sock.end("late reply")

        sock.on("end", on_end)
        setTimeout(lambda: (log.append(("resume", sock.bytesRead)), sock.resume()), 20)

    server = net.createServer({"allowHalfOpen": True}, on_connection)

    def on_listening() -> None:
        client = net.connect({"path": path, "allowHalfOpen": True})
        client.end("hello pipe")
        reply: list[bytes] = []
        client.on("data", reply.append)
        client.on("finish", lambda: log.append("client finish"))
        client.on("end", lambda: log.append(("client end", b"".join(reply))))

        def on_close(had_error: bool) -> None:
            log.append(("close", had_error, client.bytesRead, client.bytesWritten))
            server.close()

        client.on("close", on_close)

    server.listen(path, on_listening)
    run()
    assert log == [
        "client finish",
        ("resume", 10),
        ("server end", b"hello pipe"),
        ("client end", b"late reply"),
        ("close", False, 10, 10),
    ]


def test_timeout_and_unref(d: str) -> None:
    path = os.path.join(d, "t.sock")
    log: list[str] = []
    server = net.createServer(lambda sock: sock.on("end", lambda: sock.end()))

    def on_listening() -> None:
        client = net.connect(path)
        client.setTimeout(30)
        client.on("timeout", lambda: (log.append("timeout"), client.end()))
        client.on("close", lambda *_: (log.append("close"), server.close()))
        client.resume()

    server.listen(path, on_listening)
    run()
    assert log == ["timeout", "close"]

    # An unref'ed pipe server does not keep the loop alive.
    unrefd = net.createServer().listen(os.path.join(d, "u.sock"))
    unrefd.unref()
    run()
    assert unrefd.listening
    unrefd.ref()
    unrefd.close()
    run()


def test_max_connections_drop_has_no_argument(d: str) -> None:
    path = os.path.join(d, "x.sock")
    drops: list[tuple[Any, ...]] = []
    log: list[Any] = []
    server = net.createServer(lambda sock: sock.end("y"))
    server.maxConnections = 1
    server.on("drop", lambda *args: drops.append(args))

    def on_listening() -> None:
        first = net.connect(path)
        first.resume()

        def second() -> None:
            c2 = net.connect(path)
            c2.on("connect", lambda: log.append("connect"))
            c2.on("end", lambda: log.append("end"))
            c2.on("close", lambda had_error: (log.append(("close", had_error)), server.close()))
            c2.resume()

        first.on("connect", second)

    server.listen(path, on_listening)
    run()
    assert drops == [()]
    assert log == ["connect", "end", ("close", False)]


# -- fds and handles ---------------------------------------------------------------------------


def test_socket_from_socketpair_fd_reads_at_once_and_never_connects() -> None:
    a, b = socket.socketpair()
    s = net.Socket({"fd": b.detach()})
    events: list[Any] = []
    for name in ("connect", "ready", "data", "end", "finish", "close", "error"):
        s.on(name, lambda *args, name=name: events.append([name, *args]))
    state = (s.readyState, s.pending, s.connecting, s.address(), s.remoteAddress)
    s.on("data", lambda data: s.end(b"pong:" + data))
    a.sendall(b"ping")
    a.shutdown(socket.SHUT_WR)
    run()
    assert a.recv(100) == b"pong:ping"
    a.close()
    assert state == ("open", False, False, {}, None)
    assert events == [["data", b"ping"], ["finish"], ["end"], ["close", False]]
    assert (s.bytesRead, s.bytesWritten) == (4, 9)


def test_socket_from_os_pipe_fd() -> None:
    r, w = os.pipe()
    s = net.Socket({"fd": r, "writable": False})
    got: list[bytes] = []
    s.on("data", got.append)
    os.write(w, b"through a fifo")
    os.close(w)
    run()
    assert got == [b"through a fifo"]


def test_socket_fd_errors() -> None:
    with pytest.raises(ValueError) as info:
        net.Socket({"fd": -1})
    common.check_error(
        info.value,
        {
            "code": "ERR_OUT_OF_RANGE",
            "message": 'The value of "fd" is out of range. It must be >= 0 && <= 2147483647. '
            "Received -1",
        },
    )
    fd = os.open(__file__, os.O_RDONLY)
    try:
        with pytest.raises(TypeError) as info2:
            net.Socket({"fd": fd})
        common.check_error(
            info2.value, {"code": "ERR_INVALID_FD_TYPE", "message": "Unsupported fd type: FILE"}
        )
    finally:
        os.close(fd)


@pytest.mark.parametrize("family", ["tcp", "unix"])
def test_listen_on_fd_from_python_socket(family: str, d: str) -> None:
    # Socket activation: the listening socket comes from elsewhere (here: Python).
    if family == "tcp":
        lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        lsock.bind(("127.0.0.1", 0))
        target: Any = lsock.getsockname()
    else:
        lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target = os.path.join(d, "act.sock")
        lsock.bind(target)
    lsock.listen(16)
    fd = lsock.detach()  # the server's handle owns the fd from now on
    got: list[Any] = []
    server = net.createServer(lambda sock: sock.end("activated"))

    def on_listening() -> None:
        got.append(server.address())
        if family == "tcp":
            c = net.connect(target[1], target[0])
        else:
            c = net.connect(target)
        c.on("data", got.append)
        c.on("close", lambda *_: server.close())

    server.listen({"fd": fd}, on_listening)
    run()
    if family == "tcp":
        assert got == [{"address": "127.0.0.1", "family": "IPv4", "port": target[1]}, b"activated"]
    else:
        # A pipe server listening on an fd has no name (Node: address() is null).
        assert got == [None, b"activated"]


def test_fd_as_an_integral_float_is_that_fd() -> None:
    # JS has one number type: Node takes {fd: 3.0} as fd 3, for a socket and for listen().
    a, b = socket.socketpair()
    s = net.Socket({"fd": float(b.detach())})
    s.on("data", lambda data: s.end(b"pong:" + data))
    a.sendall(b"ping")
    a.shutdown(socket.SHUT_WR)
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(4)
    port = lsock.getsockname()[1]
    server = net.createServer(lambda sock: sock.end("activated"))
    got: list[Any] = []

    def on_listening() -> None:
        got.append(server.address()["port"])
        c = net.connect(port, "127.0.0.1")
        c.on("data", got.append)
        c.on("close", lambda *_: server.close())

    server.listen({"fd": float(lsock.detach())}, on_listening)
    run()
    assert a.recv(100) == b"pong:ping"
    a.close()
    assert got == [port, b"activated"]


def test_listen_on_a_non_integer_fd_is_einval() -> None:
    # node -e "net.createServer().on('error', e => console.log(e.code, e.message,
    #   e.syscall, e.address)).listen({fd: 3.5})" -> EINVAL listen EINVAL: invalid argument
    #   listen null (createHandle's validateInt32 throws; createServerHandle returns EINVAL)
    server = net.createServer()
    errs: list[Any] = []
    server.on("error", errs.append)
    server.listen({"fd": 3.5})
    run()
    assert len(errs) == 1
    common.check_error(
        errs[0],
        {"code": "EINVAL", "message": "listen EINVAL: invalid argument", "syscall": "listen"},
    )
    assert errs[0].address is None


CHILD = textwrap.dedent(
    """
    import sys
    from nodenet_uv import net, run
    fd = int(sys.argv[1])
    server = net.createServer(lambda sock: sock.end("from the child"))
    def on_connection(sock):
        server.close()
    server.on("connection", on_connection)
    server.listen({"fd": fd}, lambda: print("listening", flush=True))
    run()
    """
)


@pytest.mark.parametrize("family", ["tcp", "unix"])
def test_listen_on_fd_inherited_from_parent(family: str, d: str) -> None:
    if family == "tcp":
        lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        lsock.bind(("127.0.0.1", 0))
        target: Any = lsock.getsockname()
    else:
        lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target = os.path.join(d, "inherited.sock")
        lsock.bind(target)
    lsock.listen(16)
    with lsock:
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(lsock.fileno())],
            pass_fds=(lsock.fileno(),),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    # The parent closed its copy: only the child listens now.
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "listening"
    with socket.socket(socket.AF_INET if family == "tcp" else socket.AF_UNIX) as c:
        c.connect(target)
        data = b""
        while chunk := c.recv(100):
            data += chunk
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert data == b"from the child"


@pytest.mark.parametrize("family", ["tcp", "unix"])
def test_listen_on_fd_already_in_use_is_eexist(family: str, d: str) -> None:
    # node v20.20.2: listen({fd: otherServer._handle.fd}) → 'listen EEXIST: file already
    # exists' (libuv refuses an fd its loop already watches).
    seen: list[Any] = []
    first = net.createServer()

    def on_listening() -> None:
        second = net.createServer()
        second.on("error", lambda err: (seen.append(err), first.close()))
        second.listen({"fd": first._handle.fd})

    if family == "tcp":
        first.listen(0, "127.0.0.1", on_listening)
    else:
        first.listen(os.path.join(d, "e.sock"), on_listening)
    run()
    common.check_error(
        seen[0],
        {"code": "EEXIST", "syscall": "listen", "message": "listen EEXIST: file already exists"},
    )


def test_listen_on_another_servers_tcp_handle_and_socket_from_handle() -> None:
    got: list[Any] = []
    handle = TCP()
    assert handle.bind("127.0.0.1", 0) == 0
    server = net.createServer()

    def on_connection(sock: net.Socket) -> None:
        # net.Socket({'handle': h}): a second Socket over the accepted handle.
        again = net.Socket({"handle": sock._handle})
        got.append((again.remotePort == sock.remotePort, again.readable, again.writable))
        sock.end("via handle")

    server.on("connection", on_connection)

    def on_listening() -> None:
        port = server.address()["port"]
        client = net.connect(port, "127.0.0.1")
        client.on("data", got.append)
        client.on("close", lambda *_: server.close())

    server.listen(handle, on_listening)
    run()
    assert got == [(True, True, True), b"via handle"]
