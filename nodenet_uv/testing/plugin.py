"""pytest plugin (entry point ``nodenet_uv``): Node-style call-count checks and leak checks.

Fixtures:
    node_common: the test body runs; then every ``common.mustCall`` count is checked (as
        Node checks them at process exit), and the loop must be left with no open handle,
        ref'ed timer, immediate or pending tick. The runtime is reset afterwards either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv.testing import _runtime, common


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item._nodenet_uv_failed = True  # type: ignore[attr-defined]


@pytest.fixture
def node_common(request: pytest.FixtureRequest) -> Iterator[None]:
    common.reset_must_call()
    _runtime.reset_runtime()
    yield
    left = _runtime.leaks()
    _runtime.reset_runtime()
    if not getattr(request.node, "_nodenet_uv_failed", False):
        try:
            common.check_must_call()
        finally:
            common.reset_must_call()
        assert not left, "test left things behind: " + "; ".join(left)
    common.reset_must_call()
