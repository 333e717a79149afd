"""Port of test/parallel/test-child-process-spawn-args.mjs (top-level await becomes a
coroutine run by ``run()``)."""

from typing import Any

from nodenet_uv import events, run
from nodenet_uv.child_process import spawn
from nodenet_uv.testing import common


def test_args_placeholders(tmp_path: Any) -> None:
    # `undefined` and `null` are both None here; [] is the empty array.
    command = "pwd"
    options = {"cwd": str(tmp_path)}
    testCases: list[Any] = [None, []]
    expectedResult = {str(tmp_path).strip().lower()}
    actualResults: set[str] = set()

    async def main() -> None:
        for testCase in testCases:
            subprocess = spawn(command, testCase, options)
            accumulated: list[str] = []
            subprocess.stdout.setEncoding("utf8")
            subprocess.stdout.on("data", common.mustCall(accumulated.append))
            await events.once(subprocess.stdout, "end")
            actualResults.add("".join(accumulated).strip().lower())

    run(main())
    assert actualResults == expectedResult
