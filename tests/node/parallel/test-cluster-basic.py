"""Port of test/parallel/test-cluster-basic.js (the primary and the worker are this file run
by Python: the worker's id must be 1, the primary's first fork).

DIVERGENCE: the worker listens with a net.Server where node's uses an http.Server (no http
in nodenet_uv; what is tested is the cluster's events, states and 'listening' address).
The block that spawns ``node -e`` with ``NODE_UNIQUE_ID`` on ``process.env``'s prototype is
left out: os.environ has no prototype chain for a value to be inherited from. The worker
events' ``worker === this`` checks are left out: a Python listener has no ``this``.
"""

import os
import sys
from typing import Any

from nodenet_uv import cluster, net, run
from nodenet_uv.testing import common


def _check_unique_id_removed() -> None:
    assert "NODE_UNIQUE_ID" not in os.environ, (
        f"NODE_UNIQUE_ID ({os.environ.get('NODE_UNIQUE_ID')}) should be removed on startup"
    )


def test_basic() -> None:
    common.run_as_primary(__file__)


def _primary() -> None:
    _check_unique_id_removed()
    checks: dict[str, Any] = {
        "cluster": {
            "events": {"fork": False, "online": False, "listening": False, "exit": False},
            "equal": {"fork": False, "online": False, "listening": False, "exit": False},
        },
        "worker": {
            "events": {"online": False, "listening": False, "exit": False},
            "states": {"none": False, "online": False, "listening": False, "dead": False},
        },
    }
    state_names = list(checks["worker"]["states"])
    worker: Any = None

    # Check events, states, and emit arguments
    def add_cluster_listener(name: str, index: int) -> None:
        def on_event(*args: Any) -> None:
            # Set event
            checks["cluster"]["events"][name] = True
            # Check argument
            checks["cluster"]["equal"][name] = worker is args[0]
            # Check state
            state = state_names[index]
            checks["worker"]["states"][state] = state == worker.state

        cluster.on(name, common.mustCall(on_event))

    each_cluster = common.mustCallAtLeast(add_cluster_listener)
    for index, name in enumerate(checks["cluster"]["events"]):
        each_cluster(name, index)

    # Kill worker when listening
    cluster.on("listening", common.mustCall(lambda *a: worker.kill()))
    # Kill process when worker is killed
    cluster.on("exit", common.mustCall())

    # Create worker
    worker = cluster.fork()
    assert worker.id == 1
    assert isinstance(worker, cluster.Worker), (
        "the worker is not a instance of the Worker constructor"
    )

    # Check event
    def add_worker_listener(name: str) -> None:
        def on_event(*args: Any) -> None:
            # Set event
            checks["worker"]["events"][name] = True
            if name == "exit":
                assert args[0] == worker.process.exitCode
                assert args[1] == worker.process.signalCode
                assert len(args) == 2
            elif name == "listening":
                assert len(args) == 1
                address = args[0]
                assert len(address) == 4
                assert address["address"] == "127.0.0.1"
                assert address["addressType"] == 4
                assert "fd" in address
                assert address["fd"] is None
                port = address["port"]
                assert isinstance(port, int)
                assert port >= 1
                assert port <= 65535
            else:
                assert len(args) == 0

        worker.on(name, common.mustCall(on_event))

    each_worker = common.mustCallAtLeast(add_worker_listener)
    for name in checks["worker"]["events"]:
        each_worker(name)

    run()

    # Check all values (node: process.once('exit'))
    for name, check in checks["cluster"]["events"].items():
        assert check, f'The cluster event "{name}" on the cluster object did not fire'
    for name, check in checks["cluster"]["equal"].items():
        assert check, f'The cluster event "{name}" did not emit with correct argument'
    for name, check in checks["worker"]["states"].items():
        assert check, f'The worker state "{name}" was not set to true'
    for name, check in checks["worker"]["events"].items():
        assert check, f'The worker event "{name}" on the worker object did not fire'


def _worker() -> None:
    _check_unique_id_removed()
    net.Server(common.mustNotCall()).listen(0, "127.0.0.1")
    run()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
