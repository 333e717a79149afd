"""Port of test/parallel/test-child-process-cwd.js (``new URL(...)`` is
``urllib.parse.urlsplit``'s result, Python's stand-in for a URL object; an ``os.PathLike``
cwd is tested too)."""

import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

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
        with pytest.raises(Exception, match="The URL must be of scheme file"):
            testCwd({"cwd": urlsplit("http://example.com/")}, True, 0, tmp)
        with pytest.raises(
            Exception, match=re.escape('File URL host must be "localhost" or empty on')
        ):
            testCwd({"cwd": urlsplit("file://host/dev/null")}, True, 0, tmp)
        testCwd({"cwd": tmp}, True, 0, tmp)
        testCwd({"cwd": "/dev"}, True, 0, "/dev")
        testCwd({"cwd": urlsplit(Path(tmp).as_uri())}, True, 0, tmp)
        testCwd({"cwd": Path(tmp)}, True, 0, tmp)
        testCwd({"cwd": ""}, True)
        testCwd({"cwd": None}, True)
        run()
