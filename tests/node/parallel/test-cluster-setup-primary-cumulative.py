"""Port of test/parallel/test-cluster-setup-primary-cumulative.js (the primary is this file run by Python, a fresh cluster module; process.argv is sys.argv, so exec defaults to argv[0] and args to argv[1:], and there is no execArgv)."""

import sys
from typing import Any

from nodenet_uv import cluster, run
from nodenet_uv.process import process
from nodenet_uv.testing import common

PROC: Any = process


def run_primary(**env: str) -> str:
    return common.run_as_primary(__file__, **env)


def test_setup_primary_cumulative() -> None:
    out = run_primary()
    assert out.splitlines() == [
        "ok sets defaults",
        "ok overrides defaults",
        "ok preserves unchanged settings on repeated calls",
        "ok preserves current settings",
    ]


def _primary() -> None:
    assert cluster.isPrimary
    assert cluster.settings == {}
    cluster.setupPrimary()
    assert cluster.settings == {
        "args": PROC.argv[1:],
        "exec": PROC.argv[0],
        "execArgv": [],
        "silent": False,
    }
    print("ok sets defaults")
    cluster.setupPrimary({"exec": "overridden"})
    assert cluster.settings["exec"] == "overridden"
    print("ok overrides defaults")
    cluster.setupPrimary({"args": ["foo", "bar"]})
    assert cluster.settings["exec"] == "overridden"
    assert cluster.settings["args"] == ["foo", "bar"]
    cluster.setupPrimary({"execArgv": ["baz", "bang"]})
    assert cluster.settings["exec"] == "overridden"
    assert cluster.settings["args"] == ["foo", "bar"]
    assert cluster.settings["execArgv"] == ["baz", "bang"]
    print("ok preserves unchanged settings on repeated calls")
    cluster.setupPrimary()
    assert cluster.settings == {
        "args": ["foo", "bar"],
        "exec": "overridden",
        "execArgv": ["baz", "bang"],
        "silent": False,
    }
    print("ok preserves current settings")
    run()


def _worker() -> None:
    pass


if __name__ == "__main__":
    if cluster.isWorker:
        _worker()
    elif sys.argv[1:2] == ["primary"]:
        _primary()
        common.check_must_call()
