"""The Node-test manifest is true: every port is listed, every listed port exists."""

from __future__ import annotations

import pytest

from tests.node import _manifest

NODE_TESTS = _manifest.HERE.parents[2] / "shared" / "node-tests"
NET_TEST_COUNT = {"parallel": 139, "sequential": 11}  # Node v20's test-net-* files


def test_every_port_is_listed() -> None:
    entries = _manifest.load()
    for sub in ("parallel", "sequential"):
        for f in sorted((_manifest.HERE / sub).glob("test-*.py")):
            key = _manifest.key_of(f)
            assert key in entries, f"{key} has a port but no manifest entry"
            assert entries[key]["status"] in ("pass", "fail"), key


def test_every_entry_is_well_formed() -> None:
    for key, entry in _manifest.load().items():
        assert entry["status"] in _manifest.STATUSES, key
        if entry["status"] in ("pass", "fail"):
            assert _manifest.port_path(key).exists(), f"{key} is {entry['status']} but has no port"
        if entry["status"] != "pass":
            assert entry["reason"].strip(), f"{key}: a {entry['status']} entry needs a reason"


def _node_net_tests() -> list[str]:
    if not NODE_TESTS.is_dir():
        pytest.skip(
            f"Node's test tree is not here ({NODE_TESTS}): the check that every "
            "test-net-* file is listed needs it"
        )
    return [
        f"{sub}/{f.name}"
        for sub in NET_TEST_COUNT
        for f in sorted((NODE_TESTS / sub).glob("test-net-*"))
        if f.suffix in _manifest.NODE_SUFFIXES
    ]


def test_every_node_net_test_is_listed() -> None:
    files = _node_net_tests()
    for sub, count in NET_TEST_COUNT.items():
        assert sum(1 for f in files if f.startswith(sub + "/")) == count, sub
    entries = _manifest.load()
    missing = [f for f in files if f not in entries]
    assert not missing, f"{len(missing)} test-net-* files have no manifest entry: {missing}"
    extra = [k for k in entries if "/test-net-" in k and k not in files]
    assert not extra, f"manifest keys that are not Node test files: {extra}"


def test_mjs_keys() -> None:
    key = "parallel/test-net-server-async-dispose.mjs"
    path = _manifest.port_path(key)
    assert path == _manifest.HERE / "parallel" / "test-net-server-async-dispose.py"
    assert _manifest.key_of(path) == key
    plain = _manifest.HERE / "parallel" / "test-net-binary.py"
    assert _manifest.key_of(plain) == "parallel/test-net-binary.js"
    assert _manifest.port_path("parallel/test-net-binary.js") == plain
