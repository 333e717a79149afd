"""Port of test/parallel/test-child-process-default-options.js."""

import os

from nodenet_uv import child_process, run


def test_env_defaults_to_process_env() -> None:
    os.environ["HELLO"] = "WORLD"
    try:
        child = child_process.spawn("/usr/bin/env", [], {})
        response: list[str] = []
        child.stdout.setEncoding("utf8")
        child.stdout.on("data", response.append)
        run()
    finally:
        del os.environ["HELLO"]
    assert "HELLO=WORLD" in "".join(response), (
        "spawn did not use process.env as default (process.env.HELLO = WORLD)"
    )
