"""cluster (issue 16): a primary forks workers; a worker's server.listen() goes through
the primary (SCHED_RR: the primary accepts and hands each connection to a worker;
SCHED_NONE: the workers share the primary's listening handle), as node v24.22.3 does.

Each case runs a script in its own process (the cluster module is primary or worker for a
whole process). ``cluster_scripts/life.js`` and ``life.py`` are the same program; node's
output is the expected one. The NODE_CLUSTER messages are Node's, so a node primary runs
Python workers and a Python primary runs node workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import nodenet_uv

ROOT = str(Path(nodenet_uv.__file__).resolve().parents[1])
SCRIPTS = Path(__file__).resolve().parent / "cluster_scripts"
POLICIES = ["rr", "none"]


def run_script_out_err(argv: list[str], policy: str, **env: str) -> tuple[str, str]:
    full_env = {
        **os.environ,
        "PYTHONPATH": ROOT,
        "NODE_CLUSTER_SCHED_POLICY": policy,
        **env,
    }
    r = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=full_env)
    assert r.returncode == 0, r.stderr
    return r.stdout, r.stderr


def run_script(argv: list[str], policy: str, **env: str) -> str:
    return run_script_out_err(argv, policy, **env)[0]


@pytest.mark.parametrize("policy", POLICIES)
def test_lifecycle_events_as_node(policy: str) -> None:
    # fork, online, message, listening, a connection served by the worker, then a
    # worker-initiated disconnect: the same events, states and order as node.
    node, node_err = run_script_out_err(
        [os.environ["NODENET_UV_NODE"], str(SCRIPTS / "life.js")], policy
    )
    py, py_err = run_script_out_err([sys.executable, str(SCRIPTS / "life.py")], policy)
    assert py == node
    # The worker's own line goes to stderr: on the primary's stdout its place would be a
    # race (and two processes' writes to one pipe may interleave), in node as here.
    child = "child disconnect true disconnecting"
    assert child in node_err.splitlines()
    assert child in py_err.splitlines()
    assert "data hello" in py
    assert f"primary true true false {1 if policy == 'none' else 2}" in py


@pytest.mark.parametrize("policy", POLICIES)
def test_two_python_workers_serve_one_port(policy: str) -> None:
    out = run_script([sys.executable, str(SCRIPTS / "py_both.py")], policy)
    assert out.splitlines() == [
        f"primary policy {1 if policy == 'none' else 2}",
        "same port True",
        "got 4 True",
        "disconnected",
        "exit 0 None True",
        "exit 0 None True",
    ]


@pytest.mark.parametrize("policy", POLICIES)
def test_node_primary_runs_python_workers(policy: str) -> None:
    out = run_script(
        [os.environ["NODENET_UV_NODE"], str(SCRIPTS / "node_primary.js")],
        policy,
        PY=sys.executable,
        WORKER=str(SCRIPTS / "py_worker.py"),
    )
    lines = out.splitlines()
    assert sorted(x for x in lines if x.startswith("online")) == ["online 1", "online 2"]
    assert sum(x.startswith("listening") for x in lines) == 2
    got = next(x for x in lines if x.startswith("got "))[4:].split(",")
    assert len(got) == 4
    assert set(got) <= {"py1", "py2"}
    # The disconnect callback and the two 'exit' events come last; their relative order
    # depends on when each process exits (it varies under load, in node too).
    assert sorted(lines[-3:]) == ["disconnected", "exit 1 0 null true", "exit 2 0 null true"]


@pytest.mark.parametrize("policy", POLICIES)
def test_python_primary_runs_node_workers(policy: str) -> None:
    out = run_script(
        [sys.executable, str(SCRIPTS / "py_primary.py")],
        policy,
        WORKER=str(SCRIPTS / "node_worker.js"),
    )
    lines = out.splitlines()
    assert sum(x.startswith("listening") for x in lines) == 2
    assert "got [b'js1', b'js1', b'js2', b'js2']" in lines or any(
        x.startswith("got [b'js") for x in lines
    )
    # (The disconnect callback and the 'exit' events may interleave: see above.)
    assert sorted(lines[-3:]) == ["disconnected", "exit 1 0 None True", "exit 2 0 None True"]
