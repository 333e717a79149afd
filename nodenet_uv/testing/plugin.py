"""pytest plugin (entry point ``nodenet_uv``): Node-style call-count checks, leak checks,
temp pipe paths and a real ``node`` peer.

Installing the package registers the plugin; its fixtures are then available in any
project:

``node_common``
    The test body runs; then every ``common.mustCall`` count is checked (as Node checks
    them at process exit), and the test fails if it left behind an active ref'ed handle,
    a ref'ed timer, a queued immediate, a pending nextTick/microtask or an open file
    descriptor it created. The runtime is reset afterwards either way. Make it autouse in
    your ``conftest.py`` or ask for it per test.
``pipe_path``
    A fresh Unix socket path in a new short temp dir (``sun_path`` is 108 bytes), removed
    after the test.
``node``
    A :class:`~nodenet_uv.testing.node_peer.NodePeer`: ``node.server(snippet)`` starts a
    JS peer and waits for its ``ready()`` line (``.port``), ``node.client(snippet,
    port=...)`` starts one without waiting, ``node.run(script, args)`` runs one to its end;
    ``.wait()``/``run`` give stdout, stderr and the exit code. Every process still running
    is killed at teardown. Skips the test if ``node`` is not installed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv.testing import _runtime, common
from nodenet_uv.testing.node_peer import NodeNotFound, NodePeer

__all__ = ["node", "node_common", "pipe_path", "pytest_runtest_makereport"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[Any]:
    outcome: Any = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item._nodenet_uv_failed = True  # type: ignore[attr-defined]


@pytest.fixture
def node_common(request: pytest.FixtureRequest) -> Iterator[None]:
    common.reset_must_call()
    _runtime.reset_runtime()
    fds_before = _runtime.open_fds()
    yield
    left = _runtime.leaks()
    _runtime.reset_runtime()
    try:
        if getattr(request.node, "_nodenet_uv_failed", False):
            return  # the test's own failure is the report; counts would only add noise
        problems: list[str] = []
        try:
            common.check_must_call()
        except AssertionError as e:
            problems.append(str(e))
        # Handles the test left open were closed by reset_runtime() (and are reported
        # above if they were active); an fd still open now was opened outside libuv.
        left += _runtime.fd_leaks(fds_before)
        if left:
            problems.append("test left things behind: " + "; ".join(left))
        if problems:
            pytest.fail("\n".join(problems), pytrace=False)
    finally:
        common.reset_must_call()


@pytest.fixture
def pipe_path() -> Iterator[str]:
    d = tempfile.mkdtemp(prefix="nnuv.", dir="/tmp" if os.path.isdir("/tmp") else None)
    try:
        yield os.path.join(d, "node-test.sock")
    finally:
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def node() -> Iterator[NodePeer]:
    try:
        peer = NodePeer()
    except NodeNotFound as e:
        pytest.skip(f"the `node` fixture needs Node.js: {e}")
    try:
        yield peer
    finally:
        peer.close()
