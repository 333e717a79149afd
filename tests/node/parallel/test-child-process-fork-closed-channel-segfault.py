"""Port of test/parallel/test-child-process-fork-closed-channel-segfault.js (the worker is
this file run by Python)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

# The worker runs this file with the worktree's nodenet_uv.
ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}
IGNORED = ("ECONNRESET", "ECONNREFUSED", "EMFILE")


def test_send_on_a_closed_channel_does_not_crash() -> None:
    # Before https://github.com/nodejs/node/pull/2847 a child process trying
    # (asynchronously) to use the closed channel to it's creator caused a segfault.
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})

    def on_connection(s: Any) -> None:
        setTimeout(lambda: s.destroy(), 100)

    server = net.createServer(on_connection)

    def on_listening() -> None:
        worker = cluster.fork(ENV)

        def on_worker_error(err: Any) -> None:
            if getattr(err, "code", None) not in IGNORED:
                raise err

        worker.on("error", on_worker_error)

        def send(callback: Any) -> None:
            s = net.connect(server.address()["port"], lambda: worker.send({}, s, callback))

            # ECONNREFUSED or ECONNRESET errors can happen if this connection is still
            # establishing while the server has already closed. EMFILE can happen if the
            # worker __and__ the server had already closed.
            def on_error(err: Any) -> None:
                if getattr(err, "code", None) not in IGNORED:
                    raise err

            s.on("error", on_error)

        def on_close(*a: Any) -> None:
            # Otherwise the crash on `channel.fd` access may happen
            assert worker.process.channel is None
            server.close()

        worker.process.once("close", common.mustCall(on_close))

        def second(err: Any = None) -> None:
            # Ignore errors when sending the second handle because the worker may already
            # have exited.
            if err and getattr(err, "code", None) not in ("ERR_IPC_CHANNEL_CLOSED", *IGNORED):
                raise err

        worker.on("online", common.mustCall(lambda: send(common.mustSucceed(lambda: send(second)))))

    server.listen(0, common.mustCall(on_listening))
    run()


def _worker() -> None:
    # Exit on first received handle to leave the queue non-empty in primary
    process.on("message", lambda *a: process.exit(1))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
