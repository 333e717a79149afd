"""Port of test/parallel/test-child-process-windows-hide.js (``node -p 42`` is ``python -c
"print(42)"``; node:test's ``t.mock.method`` spies are monkeypatched wrappers of
``child_process._internal_spawnSync`` (internal/child_process's spawnSync) and
``ChildProcess.spawn``). windowsHide does nothing on Linux, in node as here: what is checked
is that the option is validated and passed through."""

import sys
from typing import Any

import pytest

from nodenet_uv import child_process as cp
from nodenet_uv import run
from nodenet_uv.testing import common

cmd = sys.executable
args = ["-c", "print(42)"]
options = {"windowsHide": True}


class _Spy:
    def __init__(self, fn: Any) -> None:
        self.fn = fn
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *a: Any) -> Any:
        self.calls.append(a)
        return self.fn(*a)


def test_spawn_sync_passes_windows_hide(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _Spy(cp._internal_spawnSync)
    monkeypatch.setattr(cp, "_internal_spawnSync", spy)
    child = cp.spawnSync(cmd, args, options)
    assert child["status"] == 0
    assert child["signal"] is None
    assert child["stdout"].decode().strip() == "42"
    assert child["stderr"].decode().strip() == ""
    assert len(spy.calls) == 1
    assert spy.calls[0][0]["windowsHide"] is True


def _spy_spawn(monkeypatch: pytest.MonkeyPatch) -> _Spy:
    spy = _Spy(cp.ChildProcess.spawn)

    def spawn(self: Any, *a: Any, **kw: Any) -> Any:
        return spy(self, *a, **kw)

    monkeypatch.setattr(cp.ChildProcess, "spawn", spawn)
    return spy


def test_spawn_passes_windows_hide(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _spy_spawn(monkeypatch)
    child = cp.spawn(cmd, args, options)

    def on_exit(code: Any, signal: Any) -> None:
        assert code == 0
        assert signal is None
        assert len(spy.calls) == 1
        assert spy.calls[0][1]["windowsHide"] is True

    child.on("exit", common.mustCall(on_exit))
    run()


def test_exec_file_passes_windows_hide(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _spy_spawn(monkeypatch)

    def done(stdout: Any, stderr: Any) -> None:
        assert stdout.strip() == "42"
        assert stderr.strip() == ""
        assert len(spy.calls) == 1
        assert spy.calls[0][1]["windowsHide"] is True

    cp.execFile(cmd, args, options, common.mustSucceed(done))
    run()
