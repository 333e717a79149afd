"""Port of test/parallel/test-child-process-spawn-event.js."""

from typing import Any

from nodenet_uv import child_process, run
from nodenet_uv.testing import common


def test_spawn_event_comes_first() -> None:
    subprocess = child_process.spawn("echo", ["ok"])
    state = {"didSpawn": False}

    def on_spawn() -> None:
        state["didSpawn"] = True

    subprocess.on("spawn", on_spawn)

    def mustCallAfterSpawn() -> Any:
        def check(*args: Any) -> None:
            assert state["didSpawn"]

        return common.mustCall(check)

    subprocess.on("error", common.mustNotCall())
    subprocess.on("spawn", common.mustCall())
    subprocess.stdout.on("data", mustCallAfterSpawn())
    subprocess.stdout.on("end", mustCallAfterSpawn())
    subprocess.stdout.on("close", mustCallAfterSpawn())
    subprocess.stderr.on("data", common.mustNotCall())
    subprocess.stderr.on("end", mustCallAfterSpawn())
    subprocess.stderr.on("close", mustCallAfterSpawn())
    subprocess.on("exit", mustCallAfterSpawn())
    subprocess.on("close", mustCallAfterSpawn())
    run()
