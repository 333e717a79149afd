"""Port of test/parallel/test-net-perf_hooks.js."""

from __future__ import annotations

import os
from typing import Any

from nodenet_uv import net, run, start
from nodenet_uv._internal.promise import Promise
from nodenet_uv.perf_hooks import PerformanceObserver
from nodenet_uv.testing import common


def test_net_connect_entries() -> None:
    if os.path.exists(common.PIPE):
        os.unlink(common.PIPE)  # tmpdir.refresh()
    entries: list[Any] = []

    obs = PerformanceObserver(
        common.mustCallAtLeast(lambda items: entries.extend(items.getEntries()))
    )
    obs.observe({"type": "net"})

    def connect_and_wait(target: Any) -> Promise:
        def executor(resolve: Any, reject: Any) -> None:
            socket = net.connect(target)
            socket.on("end", resolve)
            socket.on("error", reject)

        return Promise(executor)

    # A TCP connect is timed...
    server = net.createServer(common.mustCall(lambda socket: socket.destroy()))

    async def on_tcp_listening() -> None:
        await connect_and_wait(server.address()["port"])
        server.close()

    server.listen(0, common.mustCall(lambda: start(on_tcp_listening())))

    # ...a pipe connect is not.
    pipe_server = net.createServer(common.mustCall(lambda socket: socket.destroy()))

    async def on_pipe_listening() -> None:
        await connect_and_wait(common.PIPE)
        pipe_server.close()

    pipe_server.listen(common.PIPE, common.mustCall(lambda: start(on_pipe_listening())))
    run()

    # process.on('exit', ...)
    obs.disconnect()
    assert len(entries) == 1
    for entry in entries:
        assert entry.name == "connect"
        assert entry.entryType == "net"
        assert isinstance(entry.startTime, float)
        assert isinstance(entry.duration, float)
        assert bool(entry.detail["host"]) is True
        assert bool(entry.detail["port"]) is True
