"""Port of test/parallel/test-child-process-validate-stdio.js.

The last block (process.stdin/stdout/stderr as stdio entries, which are fd entries in
Node) is left out: nodenet_uv's process has no stdio streams.
"""

import pytest

from nodenet_uv.child_process import getValidStdio
from nodenet_uv.testing import common

expectedError = {"code": "ERR_INVALID_ARG_VALUE", "name": "TypeError"}


def test_validate_stdio() -> None:
    with pytest.raises(TypeError) as info:
        getValidStdio("foo", False)
    common.check_error(info.value, expectedError)
    with pytest.raises(TypeError) as info:
        getValidStdio(600, False)
    common.check_error(info.value, expectedError)

    stdio1: list[object] = []
    result = getValidStdio(stdio1, False)
    assert len(stdio1) == 3
    assert "stdio" in result
    assert "ipc" in result
    assert "ipcFd" in result
    for entry in result["stdio"]:
        entry["handle"].close()

    stdio2 = ["ipc", "ipc", "ipc"]
    with pytest.raises(Exception) as info2:
        getValidStdio(stdio2, True)
    common.check_error(info2.value, {"code": "ERR_IPC_SYNC_FORK", "name": "Error"})

    with pytest.raises(TypeError) as info:
        getValidStdio(["foo"], False)
    common.check_error(info.value, {"code": "ERR_INVALID_SYNC_FORK_INPUT", "name": "TypeError"})

    with pytest.raises(TypeError) as info:
        getValidStdio([{"foo": "bar"}], False)
    common.check_error(info.value, expectedError)
