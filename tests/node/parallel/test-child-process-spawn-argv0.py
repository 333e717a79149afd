"""Port of test/parallel/test-child-process-spawn-argv0.js.

Node's ``process.argv0`` is Python's ``sys.orig_argv[0]``. The child is a ``-c`` program
rather than this file: a Python started under another argv[0] cannot locate its venv
(``sys.executable`` is empty), so it could not import this file's dependencies.
"""

import sys

import pytest

from nodenet_uv import child_process
from nodenet_uv.testing import common

CHILD = "import sys; print(sys.orig_argv[0])"


def test_argv0() -> None:
    noArgv0 = child_process.spawnSync(sys.executable, ["-c", CHILD])
    assert noArgv0["stdout"].decode().strip() == sys.executable
    withArgv0 = child_process.spawnSync(sys.executable, ["-c", CHILD], {"argv0": "withArgv0"})
    assert withArgv0["stdout"].decode().strip() == "withArgv0"
    with pytest.raises(TypeError) as info:
        child_process.spawnSync(sys.executable, ["-c", CHILD], {"argv0": []})
    common.check_error(
        info.value,
        {
            "code": "ERR_INVALID_ARG_TYPE",
            "name": "TypeError",
            "message": 'The "options.argv0" property must be of type string. Received an '
            "instance of Array",
        },
    )
