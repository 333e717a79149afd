"""Port of test/parallel/test-net-listen-handle-in-cluster-2.js (internalBinding('tcp_wrap')
is nodenet_uv._binding.tcp_wrap; the worker is this file run by Python; the primary also
checks the worker's exit code)."""

import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import cluster, net, run
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv._binding.tcp_wrap import constants as TCPConstants
from nodenet_uv.process import process
from nodenet_uv.testing import common

ENV = {"PYTHONPATH": str(Path(nodenet_uv.__file__).resolve().parents[1])}


def test_listen_handle_in_cluster_2() -> None:
    cluster.setupPrimary({"exec": __file__, "args": ["worker"]})
    worker = cluster.fork(ENV)

    def on_exit(code: Any, signal: Any) -> None:
        assert (code, signal) == (0, None)

    worker.on("exit", common.mustCall(on_exit))
    run()


def _worker() -> None:
    handle = TCP(TCPConstants["SOCKET"])
    errno = handle.bind("0.0.0.0", 0)
    assert errno == 0
    # Execute _listen2 instead of cluster._getServer in listenInCluster
    net.createServer().listen(handle, common.mustCall(lambda: process.exit(0)))
    run()


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker()
