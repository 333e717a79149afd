"""Port of test/parallel/test-child-process-spawn-typeerror.js (fixtures/empty.js is an
empty Python program, /dev/null).

Python has one None for JS ``null`` and ``undefined``: None is ``undefined``, so the calls
that throw only for ``null`` (``spawn(cmd, a, null)``) are left out, and the ``null``
calls that succeed are the ``undefined`` ones. The object whose toString returns null is
an object without a string form here.
"""

import os
from typing import Any

import pytest

from nodenet_uv import run
from nodenet_uv.child_process import execFile, fork, spawn

cmd = "ls"
invalidcmd = "hopefully_you_dont_have_this_on_your_machine"
empty = os.devnull
invalidArgValueError = {"code": "ERR_INVALID_ARG_VALUE", "name": "TypeError"}
invalidArgTypeError = {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}


def throws(fn: Any, validation: dict[str, Any]) -> None:
    with pytest.raises(TypeError) as info:
        fn()
    from nodenet_uv.testing import common

    common.check_error(info.value, validation)


def test_spawn_type_errors() -> None:
    throws(lambda: spawn(invalidcmd, "this is not an array"), invalidArgTypeError)
    spawn(cmd)
    spawn(cmd, [])
    spawn(cmd, {})
    spawn(cmd, [], {})
    throws(lambda: spawn(), invalidArgTypeError)
    throws(lambda: spawn(""), invalidArgValueError)
    throws(lambda: spawn(object()), invalidArgTypeError)
    throws(lambda: spawn(cmd, True), invalidArgTypeError)
    throws(lambda: spawn(cmd, [], 1), invalidArgTypeError)
    throws(lambda: spawn(cmd, [], {"uid": 2**63}), invalidArgTypeError)
    throws(lambda: spawn(cmd, [], {"gid": 2**63}), invalidArgTypeError)

    a: list[Any] = []
    o: dict[str, Any] = {}

    def c(*args: Any) -> None:
        pass

    s = "string"
    u = None
    spawn(cmd)
    spawn(cmd, a)
    spawn(cmd, a, o)
    spawn(cmd, o)
    spawn(cmd, u, o)
    spawn(cmd, a, u)
    throws(lambda: spawn(cmd, s), invalidArgTypeError)
    throws(lambda: spawn(cmd, a, s), invalidArgTypeError)
    throws(lambda: spawn(cmd, a, a), invalidArgTypeError)

    execFile(cmd)
    execFile(cmd, a)
    execFile(cmd, a, o)
    execFile(cmd, a, o, c)
    execFile(cmd, a, c)
    execFile(cmd, o)
    execFile(cmd, o, c)
    execFile(cmd, c)
    execFile(cmd, u, o, c)
    execFile(cmd, a, u, c)
    execFile(cmd, a, o, u)
    execFile(cmd, u, u, u)
    execFile(cmd, u, u, c)
    execFile(cmd, u, o, u)
    execFile(cmd, a, u, u)
    execFile(cmd, a, u)
    execFile(cmd, o, u)
    execFile(cmd, c, u)
    throws(lambda: execFile(cmd, s, o, c), invalidArgTypeError)
    throws(lambda: execFile(cmd, a, s, c), invalidArgTypeError)
    throws(lambda: execFile(cmd, a, o, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, a, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, o, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, u, u, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, a, u, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, u, o, s), invalidArgTypeError)
    throws(lambda: execFile(cmd, a, a), invalidArgTypeError)
    execFile(cmd, c, s)  # Should not throw.

    fork(empty)
    fork(empty, a)
    fork(empty, a, o)
    fork(empty, o)
    fork(empty, u, u)
    fork(empty, u, o)
    fork(empty, a, u)
    throws(lambda: fork(empty, s), invalidArgTypeError)
    throws(lambda: fork(empty, a, s), invalidArgTypeError)
    throws(lambda: fork(empty, a, a), invalidArgTypeError)
    run()
