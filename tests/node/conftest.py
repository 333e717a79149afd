"""Ports of Node's own tests: the manifest decides which must pass and which are known
failures (run as strict xfail, so a fixed test must be re-marked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nodenet_uv.testing import common
from tests.node import _manifest

_ENTRIES = _manifest.load()


@pytest.fixture(autouse=True)
def _node_common_defaults() -> Iterator[None]:
    """test/common/index.js sets the happy-eyeballs attempt timeout to 2500 ms on import."""
    from nodenet_uv import net

    saved = net.getDefaultAutoSelectFamilyAttemptTimeout()
    net.setDefaultAutoSelectFamilyAttemptTimeout(common.platformTimeout(2500))
    yield
    net.setDefaultAutoSelectFamilyAttemptTimeout(saved)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        try:
            key = _manifest.key_of(path)
        except ValueError:
            continue
        entry = _ENTRIES.get(key)
        if entry is not None and entry["status"] == "fail":
            item.add_marker(pytest.mark.xfail(strict=True, reason=entry["reason"]))
