"""Port of test/parallel/test-child-process-fork-exec-path.js (the child is this file run by
a copy of the Python interpreter; as Node's addLibraryPath makes the copied node find its
shared libraries, PYTHONPATH makes the copy find the virtualenv's packages)."""

import os
import shutil
import site
import sys
from pathlib import Path
from typing import Any

import nodenet_uv
from nodenet_uv import child_process, run
from nodenet_uv.testing import common

msg = {"test": "this"}
PATHS = [str(Path(nodenet_uv.__file__).resolve().parents[1]), *site.getsitepackages()]


def test_fork_respects_exec_path(tmp_path: Path) -> None:
    nodePath = os.path.realpath(sys.executable)
    copyPath = str(tmp_path / "node-copy.exe")
    assert os.path.exists(copyPath) is False
    shutil.copyfile(nodePath, copyPath)
    os.chmod(copyPath, 0o755)
    envCopy = {
        **os.environ,
        "FORK": "true",
        "COPY_PATH": copyPath,
        "PYTHONPATH": os.pathsep.join(PATHS),
    }
    child = child_process.fork(__file__, {"execPath": copyPath, "env": envCopy})

    def on_message(recv: Any) -> None:
        assert recv == msg

    child.on("message", common.mustCall(on_message))

    def on_exit(code: Any, *a: Any) -> None:
        assert code == 0

    child.on("exit", common.mustCall(on_exit))
    run()


if __name__ == "__main__" and os.environ.get("FORK"):
    from nodenet_uv import process

    # Node's child computes copyPath from the shared tmpdir; here the parent passes it.
    assert process.execPath == os.environ["COPY_PATH"]
    assert process.send
    process.send(msg)
    process.exit()
