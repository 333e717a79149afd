"""Port of test/parallel/test-child-process-cwd.js.

Partial: the ``file:`` URL cases (``new URL(...)`` as cwd, and the URL errors) are left
out: nodenet_uv has no URL class; ``os.PathLike`` paths are accepted instead and tested.
"""

import tempfile
from pathlib import Path
from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common

pwdCommand = ("pwd", [])


def testCwd(
    options: dict[str, Any],
    expect_pid: bool,
    expectCode: int = 0,
    expectData: str | None = None,
    shouldCallExit: bool = True,
) -> Any:
    child = child_process.spawn(*pwdCommand, options)
    assert isinstance(child.pid, int) if expect_pid else child.pid is None
    child.stdout.setEncoding("utf8")
    data: list[str] = []
    child.stdout.on("data", data.append)

    def on_exit(code: Any) -> None:
        assert code == expectCode

    child.on("exit", common.mustCall(on_exit) if shouldCallExit else common.mustNotCall())

    def on_close(*args: Any) -> None:
        if expectData:
            assert "".join(data).strip() == expectData

    child.on("close", common.mustCall(on_close))
    return child


testCwd.__test__ = False  # type: ignore[attr-defined]  # Node's name; not a pytest test


def test_cwd() -> None:
    def on_error(e: Any) -> None:
        assert e.code == "ENOENT"

    testCwd({"cwd": "does-not-exist"}, False, -1, None, False).on(
        "error", common.mustCall(on_error)
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = str(Path(tmp).resolve())
        testCwd({"cwd": tmp}, True, 0, tmp)
        testCwd({"cwd": "/dev"}, True, 0, "/dev")
        testCwd({"cwd": Path(tmp)}, True, 0, tmp)
        testCwd({"cwd": ""}, True)
        testCwd({"cwd": None}, True)
        run()
