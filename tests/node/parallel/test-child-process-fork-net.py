"""Port of test/parallel/test-child-process-fork-net.js (the children are this file run by
Python)."""

import os
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, net, process, run
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

# The children run this file with the worktree's nodenet_uv.
ENV = {**os.environ, "PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
count = 12


def test_sockets_sent_to_forked_processes_work() -> None:
    # This tests that a socket sent to the forked process works.
    child1 = child_process.fork(__file__, ["child", "1"], {"env": ENV})
    child2 = child_process.fork(__file__, ["child", "2"], {"env": ENV})
    child3 = child_process.fork(__file__, ["child", "3"], {"env": ENV})
    server = net.createServer()
    connected = 0
    disconnected = 0

    def on_connection(socket: Any) -> None:
        nonlocal connected
        [
            lambda: child1.send("end", socket),
            lambda: child1.send("write", socket),
            lambda: child2.send("end", socket),
            lambda: child2.send("write", socket),
            lambda: child3.send("end", socket),
            lambda: child3.send("write", socket),
        ][connected % 6]()
        connected += 1
        if connected == count:
            closeServer()

    server.on("connection", on_connection)

    def on_listening() -> None:
        for _ in range(count):
            client = net.connect(server.address()["port"], "127.0.0.1")
            # This can happen if we kill the subprocess too early. The client should
            # still get a close event afterwards.
            client.on("error", lambda *a: None)

            def on_close(*a: Any) -> None:
                nonlocal disconnected
                disconnected += 1

            client.on("close", common.mustCall(on_close))
            client.resume()

    server.on("listening", common.mustCall(on_listening))
    closeEmitted = False

    def on_server_close(*a: Any) -> None:
        nonlocal closeEmitted
        closeEmitted = True
        # Clean up child processes.
        for child in (child1, child2, child3):
            try:
                child.kill()
            except Exception:
                pass  # child process already terminated

    server.on("close", common.mustCall(on_server_close))
    server.listen(0, "127.0.0.1")

    def closeServer() -> None:
        server.close()

        def later() -> None:
            assert not closeEmitted
            child1.send("close")
            child2.send("close")
            child3.disconnect()

        setTimeout(later, common.platformTimeout(200))

    run()
    # Node's process exits with the (unref'ed) IPC channels still open when a killed
    # child's end-of-file was not read yet; the test process must close them itself.
    for child in (child1, child2):
        if child.connected:
            child.disconnect()
    run()
    # Node: process.on('exit')
    assert len(server._workers) == 0
    assert disconnected == count
    assert connected == count


def _child(id: str) -> None:
    needEnd: list[Any] = []

    def on_socket(m: Any, socket: Any = None) -> None:
        if not socket:
            return
        # Will call .end('end') or .write('write');
        getattr(socket, m)(m)
        socket.resume()
        socket.on("data", common.mustCallAtLeast(lambda *a: None))
        socket.on("end", common.mustCall())
        # Store the unfinished socket
        if m == "write":
            needEnd.append(socket)
        socket.on("close", common.mustCall())
        socket.on("finish", common.mustCall())

    process.on("message", common.mustCall(on_socket, 4))

    def on_close_message(m: Any, *a: Any) -> None:
        if m != "close":
            return
        for endMe in needEnd:
            endMe.end("end")

    process.on("message", common.mustCall(on_close_message, 4))

    def on_disconnect() -> None:
        for endMe in needEnd:
            endMe.end("end")

    process.on("disconnect", common.mustCall(on_disconnect))
    run()
    common.check_must_call()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    _child(sys.argv[2])
