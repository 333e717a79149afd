"""Port of test/parallel/test-child-process-exec-error.js."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def _test(fn: Any, code: Any, expect_pid: bool) -> None:
    def cb(err: Any, *args: Any) -> None:
        assert err.code == code
        assert "does-not-exist" in err.cmd

    child = fn("does-not-exist", common.mustCall(cb))
    assert isinstance(child.pid, int) if expect_pid else child.pid is None


def test_exec_error_codes() -> None:
    _test(child_process.exec, 127, True)  # Exit code of /bin/sh
    _test(child_process.execFile, "ENOENT", False)
    run()
