"""Port of test/parallel/test-cluster-bind-privileged-port.js (the primary and the worker are
this file run by Python).

DIVERGENCE: node skips the test when run as root. Here, when run as root, the primary gives
up root (setresuid/setresgid to nobody) once it has forked its worker and loaded what it
runs, so that port 42 is privileged for the process that binds it (the primary, under
SCHED_RR), as the test expects of a non-root primary.
"""

import os
import sys
from typing import Any

import pytest

from nodenet_uv import cluster, net, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process
NOBODY = 65534


def _unprivileged_port_start() -> int:
    try:
        with open("/proc/sys/net/ipv4/ip_unprivileged_port_start") as f:
            return int(f.read())
    except OSError:
        # Do nothing, feature doesn't exist, minimum is 1024 so 42 is usable.
        return 1024


def test_bind_privileged_port() -> None:
    if common.isLinux and _unprivileged_port_start() <= 42:
        pytest.skip("Port 42 is unprivileged")
    if sys.platform == "darwin":
        pytest.skip("macOS may allow ordinary processes to use any port")
    if common.isWindows:
        pytest.skip("not reliable on Windows.")
    common.run_as_primary(__file__)


def _drop_root() -> None:
    # Whatever the primary will import must be loaded before it loses access to the
    # interpreter's files.
    import nodenet_uv.errors  # noqa: F401

    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)


def _primary() -> None:
    cluster.schedulingPolicy = cluster.SCHED_RR

    def on_exit(exitCode: Any, *a: Any) -> None:
        assert exitCode == 0

    cluster.fork().on("exit", common.mustCall(on_exit))
    if os.getuid() == 0:
        _drop_root()
    assert os.getuid() != 0
    run()


def _worker() -> None:
    s = net.createServer(common.mustNotCall())
    s.listen(42, common.mustNotCall("listen should have failed"))

    def on_error(err: Any) -> None:
        assert err.code == "EACCES"
        PROC.disconnect()

    s.on("error", common.mustCall(on_error))
    run()
    common.check_must_call()


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
