"""Port of test/parallel/test-cluster-worker-no-exit.js (the primary and the worker are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout

PROC: Any = process

# Workers do not exit on disconnect, they exit under normal node rules: when
# they have nothing keeping their loop alive, like an active connection
#
# test this by:
#
# 1 creating a server, so worker can make a connection to something
# 2 disconnecting worker
# 3 wait to confirm it did not exit
# 4 destroy connection
# 5 confirm it does exit


def test_worker_no_exit() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    destroyed = False
    success = False
    worker: Any = None

    def on_connection(conn: Any) -> None:
        server.close()
        worker.disconnect()

        def on_disconnect() -> None:
            def destroy() -> None:
                nonlocal destroyed
                conn.destroy()
                destroyed = True

            setTimeout(destroy, 1000)

        def on_exit(*a: Any) -> None:
            nonlocal success
            # Worker should not exit while it has a connection
            assert destroyed, "worker exited before connection destroyed"
            success = True

        worker.once("disconnect", on_disconnect).once("exit", on_exit)

    def on_listening() -> None:
        nonlocal worker
        port = server.address()["port"]

        def on_online() -> None:
            worker.send({"port": port})

        worker = cluster.fork().on("online", on_online)

    server = net.createServer(on_connection).listen(0, on_listening)
    run()
    # process.on('exit')
    assert success


def _worker() -> None:
    # We shouldn't exit, not while a network connection exists
    PROC.on("message", lambda msg, *a: net.connect(msg["port"]))
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
