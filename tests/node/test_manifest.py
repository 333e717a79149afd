"""The Node-test manifest is true: every port is listed, every listed port exists, every
key is a file of Node v24.12.0's test tree, and every test-net-* file of that tree is listed.
The checker that makes a skipping or empty ``pass`` port fail the session is tested here too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.node import _honesty, _manifest

# ../shared/node-tests-v24 beside the repository (Node v24.12.0's tests, see its README).
REPO = _manifest.HERE.parents[1]
NODE_TESTS = REPO.parent / "shared" / "node-tests-v24"
NODE_TESTS_VERSION = "v24.12.0"
# Node v24.12.0's test-net-* files: 149 parallel + 12 sequential (= 161) and 7 pummel.
NET_TEST_COUNT = {"parallel": 149, "sequential": 12, "pummel": 7}
PORT_DIRS = ("parallel", "sequential", "pummel")


def test_every_port_is_listed() -> None:
    entries = _manifest.load()
    for sub in PORT_DIRS:
        for f in sorted((_manifest.HERE / sub).glob("test-*.py")):
            key = _manifest.key_of(f)
            assert key in entries, f"{key} has a port but no manifest entry"
            assert entries[key]["status"] in ("pass", "fail"), key


def test_every_entry_is_well_formed() -> None:
    for key, entry in _manifest.load().items():
        assert entry["status"] in _manifest.STATUSES, key
        assert key.split("/")[0] in PORT_DIRS, key
        if entry["status"] in ("pass", "fail"):
            assert _manifest.port_path(key).exists(), f"{key} is {entry['status']} but has no port"
        if entry["status"] != "pass":
            assert entry["reason"].strip(), f"{key}: a {entry['status']} entry needs a reason"


LEFT_OUT = re.compile(r"not ported|left out", re.I)


def test_a_partial_pass_port_says_what_it_leaves_out() -> None:
    """A port whose docstring says it leaves blocks out is partial: its ``pass`` entry must
    say so in ``reason`` (the manifest, not only the port, is the record)."""
    import ast

    missing = []
    for key, entry in _manifest.load().items():
        if entry["status"] != "pass" or entry["reason"].strip():
            continue
        doc = ast.get_docstring(ast.parse(_manifest.port_path(key).read_text())) or ""
        if LEFT_OUT.search(doc):
            missing.append(key)
    assert not missing, f"partial ports with no reason in the manifest: {missing}"


def _node_tests() -> Path:
    if not NODE_TESTS.is_dir():
        pytest.skip(
            f"Node's {NODE_TESTS_VERSION} test tree is not here ({NODE_TESTS}): the checks "
            "against it need it"
        )
    return NODE_TESTS


def _node_net_tests() -> list[str]:
    root = _node_tests()
    return [
        f"{sub}/{f.name}"
        for sub in NET_TEST_COUNT
        for f in sorted((root / sub).glob("test-net-*"))
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


def test_every_key_is_a_node_v24_test() -> None:
    root = _node_tests()
    gone = [k for k in _manifest.load() if not (root / k).is_file()]
    assert not gone, f"manifest keys not in Node {NODE_TESTS_VERSION}'s tests: {gone}"


def test_mjs_keys() -> None:
    key = "parallel/test-net-server-async-dispose.mjs"
    path = _manifest.port_path(key)
    assert path == _manifest.HERE / "parallel" / "test-net-server-async-dispose.py"
    assert _manifest.key_of(path) == key
    plain = _manifest.HERE / "parallel" / "test-net-binary.py"
    assert _manifest.key_of(plain) == "parallel/test-net-binary.js"
    assert _manifest.port_path("parallel/test-net-binary.js") == plain


def test_no_reference_to_the_v20_tree() -> None:
    """Node v20's tests (the ``node-tests`` sibling of ``node-tests-v24``) are no longer the
    reference: nothing names them (docs/ is someone else's to fix)."""
    old = re.compile("shared/" + "node-tests(?!-v24)")
    hits = []
    for base in ("nodenet_uv", "tests", "tools", "Makefile", "README.md", "pyproject.toml"):
        p = REPO / base
        files = [p] if p.is_file() else sorted(p.rglob("*")) if p.is_dir() else []
        for f in files:
            if f.suffix not in ("", ".py", ".md", ".toml", ".sh", ".cfg") or not f.is_file():
                continue
            if old.search(f.read_text(errors="replace")):
                hits.append(str(f.relative_to(REPO)))
    assert not hits, f"files that still name Node v20's test tree: {hits}"


# The checker (conftest.py + _honesty.py) ----------------------------------------------

ENTRIES = {
    "parallel/test-net-a.js": {"status": "pass", "reason": "", "file": "x"},
    "parallel/test-net-b.js": {"status": "fail", "reason": "r", "file": "x"},
}


def test_honesty_clean() -> None:
    r = _honesty.Record()
    r.collect("parallel/test-net-a.js", 2)
    r.collect("parallel/test-net-b.js", 1)
    r.skip("parallel/test-net-b.js", "b::t")  # an xfail-free skip of a fail entry is fine
    assert _honesty.problems(ENTRIES, r) == []


def test_honesty_empty_pass_port() -> None:
    r = _honesty.Record()
    r.collect("parallel/test-net-a.js", 0)
    assert _honesty.problems(ENTRIES, r) == [
        "parallel/test-net-a.js is `pass` in the manifest but its port collects no test"
    ]


def test_honesty_skipped_pass_port() -> None:
    r = _honesty.Record()
    r.collect("parallel/test-net-a.js", 2)
    r.skip("parallel/test-net-a.js", "a.py::test_ipv6")
    [p] = _honesty.problems(ENTRIES, r)
    assert "a.py::test_ipv6 was skipped" in p
    r2 = _honesty.Record()
    r2.collect("parallel/test-net-a.js", 0, skipped=True, nodeid="a.py")
    [p2] = _honesty.problems(ENTRIES, r2)
    assert "a.py was skipped" in p2


def test_honesty_fail_port_that_passes() -> None:
    r = _honesty.Record()
    r.collect("parallel/test-net-b.js", 2)
    r.outcome("parallel/test-net-b.js", xfailed=False)
    assert _honesty.problems(ENTRIES, r) == []  # one test did not run: nothing to say
    r.outcome("parallel/test-net-b.js", xfailed=False)
    assert _honesty.problems(ENTRIES, r) == [
        "parallel/test-net-b.js is `fail` in the manifest but all its 2 tests passed here: "
        "mark it pass"
    ]
    r.outcome("parallel/test-net-b.js", xfailed=True)
    assert _honesty.problems(ENTRIES, r) == []


def test_honesty_unlisted_port_is_not_checked() -> None:
    r = _honesty.Record()
    r.collect("parallel/test-net-zzz.js", 0)
    assert _honesty.problems(ENTRIES, r) == []


PLANTED_FAIL = {
    "fixed": (1, "def test_a() -> None:\n    assert True\n"),
    "still_failing": (
        0,
        "def test_a() -> None:\n    assert True\n\n\ndef test_b() -> None:\n    assert False\n",
    ),
    "leaks_at_teardown": (
        0,
        "from nodenet_uv.timers import setTimeout\n\n\n"
        "def test_a() -> None:\n    setTimeout(lambda: None, 1000)\n",
    ),
}

PLANTED = {
    "skip": "import pytest\n\n\ndef test_a() -> None:\n    pytest.skip('no IPv6')\n",
    "empty": "X = 1\n",
    "module_skip": "import pytest\n\npytest.skip('no IPv6', allow_module_level=True)\n",
    "ok": "def test_a() -> None:\n    assert True\n",
}


def _plant(tmp_path: Path, key: str, status: str, code: str) -> subprocess.CompletedProcess[str]:
    """A real pytest session over a copy of tests/node where ``key``'s port is ``code``."""
    import shutil

    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "__init__.py").write_text("")
    shutil.copy(REPO / "tests" / "conftest.py", repo / "tests" / "conftest.py")
    shutil.copytree(
        _manifest.HERE,
        repo / "tests" / "node",
        ignore=shutil.ignore_patterns("test-*.py", "__pycache__", "test_manifest.py"),
    )
    assert _manifest.load()[key]["status"] == status
    name = key.split("/")[1].rsplit(".", 1)[0]
    (repo / "tests" / "node" / "parallel" / f"{name}.py").write_text(
        f'"""Port of test/{key}."""\n' + code
    )
    (repo / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npython_files = ["test-*.py"]\npythonpath = ["."]\n'
        'addopts = "-p no:cacheprovider --import-mode=importlib"\n'
    )
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "tests/node/parallel"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # this checkout's nodenet_uv
    )
    return proc


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_session_fails_for_a_dishonest_pass(kind: str, tmp_path: Path) -> None:
    """A planted ``pass`` port: the session must fail unless it ran a test and skipped
    none."""
    proc = _plant(tmp_path, "parallel/test-net-binary.js", "pass", PLANTED[kind])
    if kind == "ok":
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Node-test manifest: entries that are not true here" in proc.stdout
    assert "parallel/test-net-binary.js is `pass`" in proc.stdout


@pytest.mark.parametrize("kind", sorted(PLANTED_FAIL))
def test_session_fails_for_a_fixed_fail(kind: str, tmp_path: Path) -> None:
    """A planted ``fail`` port: the session fails when none of its tests fails."""
    # Any port the manifest lists as `fail` today.
    key = next(k for k, e in sorted(_manifest.load().items()) if e["status"] == "fail")
    code, port = PLANTED_FAIL[kind]
    proc = _plant(tmp_path, key, "fail", port)
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert (f"{key} is `fail`" in proc.stdout) is bool(code), proc.stdout
