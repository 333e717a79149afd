"""Ports of Node's own tests: the manifest decides which must pass and which are known
failures (run as xfail; a ``fail`` port none of whose tests fails any more fails the
session, so a fixed test must be re-marked). A ``pass`` port that collects no test, or that
skips here, fails the session (``_honesty.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nodenet_uv.testing import common
from tests.node import _honesty, _manifest

_ENTRIES = _manifest.load()
_RECORD = _honesty.Record()
_PROBLEMS: list[str] = []
_XFAILED: dict[str, bool] = {}
_ROOT: list[Path] = [Path.cwd()]


@pytest.fixture(autouse=True)
def _node_common_defaults() -> Iterator[None]:
    """Node 24's test/common/index.js multiplies the happy-eyeballs attempt timeout by 10 on
    import: ``setDefaultAutoSelectFamilyAttemptTimeout(platformTimeout(get...() * 10))``."""
    from nodenet_uv import net

    saved = net.getDefaultAutoSelectFamilyAttemptTimeout()
    net.setDefaultAutoSelectFamilyAttemptTimeout(
        common.platformTimeout(saved * common.AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_FACTOR)
    )
    yield
    net.setDefaultAutoSelectFamilyAttemptTimeout(saved)


def _key(path: str | Path) -> str | None:
    try:
        return _manifest.key_of(Path(str(path)))
    except ValueError:
        return None


def _report_key(fspath: str) -> str | None:
    """A report's path is relative to pytest's rootdir."""
    path = Path(fspath)
    if path.suffix != ".py" or not path.name.startswith("test-"):
        return None
    return _key(_ROOT[0] / path)


def pytest_collectstart(collector: pytest.Collector) -> None:
    _ROOT[0] = collector.config.rootpath


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        key = _key(item.fspath)
        if key is None:
            continue
        entry = _ENTRIES.get(key)
        if entry is not None and entry["status"] == "fail":
            # Not strict: the file fails as a whole (one failing block is enough); the
            # session checks that at least one of its tests still fails (_honesty.py).
            item.add_marker(pytest.mark.xfail(strict=False, reason=entry["reason"]))


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if "::" in report.nodeid:
        return  # a class inside a module: its items are counted with the module's
    key = _report_key(report.fspath)
    if key is None:
        return
    n_items = sum(1 for r in report.result if isinstance(r, pytest.Item))
    _RECORD.collect(key, n_items, skipped=report.skipped, nodeid=report.nodeid)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    key = _report_key(report.fspath)
    if key is None:
        return
    xfail = hasattr(report, "wasxfail")
    if report.skipped and not xfail:
        _RECORD.skip(key, report.nodeid)
        _XFAILED[report.nodeid] = True  # not a pass either: a `fail` entry stays true
    elif report.when == "teardown":
        # An xfailed test's last report (a failure in setup/call/teardown is xfailed).
        _RECORD.outcome(key, _XFAILED.pop(report.nodeid, False) or (report.skipped and xfail))
    elif report.skipped and xfail:
        _XFAILED[report.nodeid] = True


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _PROBLEMS[:] = _honesty.problems(_ENTRIES, _RECORD)
    if _PROBLEMS and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _PROBLEMS:
        terminalreporter.section("Node-test manifest: entries that are not true here")
        for line in _PROBLEMS:
            terminalreporter.line(line, red=True)
