"""Port of test/parallel/test-child-process-exec-cwd.js."""

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_exec_cwd() -> None:
    pwdcommand = "pwd"
    dir = "/dev"

    def cb(stdout: str, stderr: str) -> None:
        assert stdout.lower().startswith(dir)

    child_process.exec(pwdcommand, {"cwd": dir}, common.mustSucceed(cb))
    run()
