"""Port of test/parallel/test-child-process-spawnsync-args.js."""

from typing import Any

from nodenet_uv.child_process import spawnSync
from nodenet_uv.testing import common


def test_args_placeholders(tmp_path: Any) -> None:
    # `undefined` and `null` are both None here; [] and () are the empty arrays.
    command = "pwd"
    options = {"cwd": str(tmp_path)}
    testCases: list[Any] = [None, [], ()]
    expectedResult = str(tmp_path).strip().lower()

    def one(testCase: Any) -> str:
        ret = spawnSync(command, testCase, options)
        assert ret.get("error") is None
        assert ret["stderr"] == b""
        return ret["stdout"].decode().strip().lower()

    checked = common.mustCallAtLeast(one)
    results = [checked(t) for t in testCases]
    assert list(dict.fromkeys(results)) == [expectedResult]
