"""Port of test/parallel/test-cluster-shared-leak.js (the primary and the workers are this file run by Python)."""

# In Node 4.2.1 on operating systems other than Linux, this test triggers an
# assertion in cluster.js. The assertion protects against memory leaks.
# https://github.com/nodejs/node/pull/3510

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.testing import common


def test_shared_leak() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    # Node sets it at the top of the file, in the worker too (where it changes nothing):
    # here the module is also imported by pytest, whose cluster module must stay as it is.
    cluster.schedulingPolicy = cluster.SCHED_NONE
    conn: Any = None
    worker2: Any = None

    worker1 = cluster.fork()

    def on_listening(address: Any) -> None:
        nonlocal worker2
        worker2 = cluster.fork()

        def on_online() -> None:
            nonlocal conn

            def on_connect() -> None:
                worker1.disconnect()
                worker2.disconnect()

            conn = net.connect(address["port"], common.mustCall(on_connect))

            def on_error(e: Any) -> None:
                # ECONNRESET is OK
                if getattr(e, "code", None) != "ECONNRESET":
                    raise e

            conn.on("error", on_error)

        worker2.on("online", common.mustCall(on_online))

    worker1.on("listening", common.mustCall(on_listening))

    def on_exit(worker: Any, exitCode: Any, signalCode: Any) -> None:
        assert worker is worker1 or worker is worker2
        assert exitCode == 0
        assert signalCode is None
        if len(cluster.workers) == 0:
            conn.destroy()

    cluster.on("exit", common.mustCall(on_exit, 2))
    run()


def _worker() -> None:
    def on_connection(c: Any) -> None:
        def on_error(e: Any) -> None:
            # ECONNRESET is OK, so we don't exit with code !== 0
            if getattr(e, "code", None) != "ECONNRESET":
                raise e

        c.on("error", on_error)
        c.end("bye")

    server = net.createServer(on_connection)
    server.listen(0)
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
