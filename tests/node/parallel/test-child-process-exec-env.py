"""Port of test/parallel/test-child-process-exec-env.js (the parent's process.on('exit')
checks run after the loop)."""

from typing import Any

from nodenet_uv import child_process, run


def test_exec_env() -> None:
    counts = {"success": 0, "error": 0}
    response: list[str] = []

    def after(err: Any, stdout: Any, stderr: Any) -> None:
        if err:
            counts["error"] += 1
            assert err.killed is False
        else:
            counts["success"] += 1
            assert stdout != ""

    child = child_process.exec("/usr/bin/env", {"env": {"HELLO": "WORLD"}}, after)
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", response.append)
    run()
    assert counts["success"] == 1
    assert counts["error"] == 0
    assert "HELLO=WORLD" in "".join(response)
