"""The Node-test manifest is true: every port is listed, every listed port exists."""

from __future__ import annotations

from tests.node import _manifest

NODE_TESTS = _manifest.HERE.parents[2] / "shared" / "node-tests"


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
