"""Port of test/parallel/test-cluster-server-restart-none.js (the primary and the workers are this file run by Python)."""

import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_server_restart_none() -> None:
    run_primary()


def _primary() -> None:
    cluster.schedulingPolicy = cluster.SCHED_NONE
    worker1 = cluster.fork()

    def on_listening() -> None:
        worker2 = cluster.fork()

        def on_exit2(code: Any, signal: Any) -> None:
            assert code == 0, f"worker{worker2.id} did not exit normally. Exit with code: {code}"
            assert signal is None, (
                f"worker{worker2.id} did not exit normally. Exit with signal: {signal}"
            )
            worker1.disconnect()

        worker2.on("exit", common.mustCall(on_exit2))

    worker1.on("listening", common.mustCall(on_listening))

    def on_exit1(code: Any, signal: Any) -> None:
        assert code == 0, f"worker{worker1.id} did not exit normally. Exit with code: {code}"
        assert signal is None, f"worker{worker1.id} did not exit normally. Exit with code: {signal}"

    worker1.on("exit", common.mustCall(on_exit1))
    run()


def _worker() -> None:
    server = net.createServer()

    def on_listening() -> None:
        assert cluster.worker is not None
        if cluster.worker.id == 2:

            def on_close() -> None:
                server.listen(0, common.mustCall(lambda: server.close(lambda: PROC.disconnect())))

            server.close(common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
