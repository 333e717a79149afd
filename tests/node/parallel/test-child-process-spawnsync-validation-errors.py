"""Port of test/parallel/test-child-process-spawnsync-validation-errors.js (JS's
``undefined`` and ``null`` are both None; a function stands for ``common.mustNotCall()``)."""

import math
import os
import signal as _signal
from typing import Any

import pytest

from nodenet_uv.child_process import spawnSync
from nodenet_uv.testing import common

rootUser = os.getuid() == 0
__dirname = os.path.dirname(__file__)
invalidArgTypeError = {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"}
invalidRangeError = {"code": "ERR_OUT_OF_RANGE", "name": "RangeError"}


def _fn() -> None:
    raise AssertionError("should not be called")


def pass_(option: str, value: Any) -> None:
    # Run the command with the specified option. Since it's not a real command,
    # spawnSync() should run successfully but return an ENOENT error.
    child = spawnSync("not_a_real_command", {option: value})
    assert child["error"].code == "ENOENT"


def fail(option: str, value: Any, message: dict[str, Any]) -> None:
    with pytest.raises(Exception) as info:
        spawnSync("not_a_real_command", {option: value})
    common.check_error(info.value, message)


def test_cwd() -> None:
    pass_("cwd", None)
    pass_("cwd", __dirname)
    for v in (0, 1, True, False, [], {}, _fn):
        fail("cwd", v, invalidArgTypeError)


def test_detached() -> None:
    pass_("detached", None)
    pass_("detached", True)
    pass_("detached", False)
    for v in (0, 1, __dirname, [], {}, _fn):
        fail("detached", v, invalidArgTypeError)


def _id_checks(name: str, current: int) -> None:
    pass_(name, None)
    pass_(name, current)
    for v in (__dirname, True, False, [], {}, _fn, math.nan, math.inf, 3.1, -3.1):
        fail(name, v, invalidArgTypeError)


def test_uid_gid() -> None:
    # As in Node, the uid/gid blocks only run for a non-root user (root may switch ids);
    # the test still checks something then: nothing to switch to makes the blocks moot.
    if not rootUser:
        _id_checks("uid", os.getuid())
    if os.getgid() != 0:
        _id_checks("gid", os.getgid())
    # Not in the Node file (root runs here): a non-integer id is refused whatever the user.
    fail("uid", 3.1, invalidArgTypeError)
    fail("gid", __dirname, invalidArgTypeError)


def test_shell() -> None:
    pass_("shell", None)
    pass_("shell", False)
    for v in (0, 1, [], {}, _fn):
        fail("shell", v, invalidArgTypeError)


def test_argv0() -> None:
    pass_("argv0", None)
    pass_("argv0", "myArgv0")
    for v in (0, 1, True, False, [], {}, _fn):
        fail("argv0", v, invalidArgTypeError)


@pytest.mark.parametrize("option", ["windowsHide", "windowsVerbatimArguments"])
def test_windows_booleans(option: str) -> None:
    pass_(option, None)
    pass_(option, True)
    pass_(option, False)
    for v in (0, 1, __dirname, [], {}, _fn):
        fail(option, v, invalidArgTypeError)


def test_timeout() -> None:
    pass_("timeout", None)
    pass_("timeout", 1)
    pass_("timeout", 0)
    for v in (-1, True, False, __dirname, [], {}, _fn, math.nan, math.inf, 3.1, -3.1):
        fail("timeout", v, invalidRangeError)


def test_max_buffer() -> None:
    pass_("maxBuffer", None)
    pass_("maxBuffer", 1)
    pass_("maxBuffer", 0)
    pass_("maxBuffer", math.inf)
    pass_("maxBuffer", 3.14)
    for v in (-1, math.nan, -math.inf, True, False, __dirname, [], {}, _fn):
        fail("maxBuffer", v, invalidRangeError)


def test_kill_signal() -> None:
    unknownSignalErr = {"code": "ERR_UNKNOWN_SIGNAL", "name": "TypeError"}
    pass_("killSignal", None)
    pass_("killSignal", "SIGKILL")
    fail("killSignal", "SIGNOTAVALIDSIGNALNAME", unknownSignalErr)
    for v in (True, False, [], {}, _fn):
        fail("killSignal", v, invalidArgTypeError)
    # Invalid signal names and numbers should fail
    for v in (500, 0, -200, 3.14):
        fail("killSignal", v, unknownSignalErr)
    # Object.prototype's property names (Python has no prototype: they are just strings)
    for prop in (
        "constructor",
        "__defineGetter__",
        "__defineSetter__",
        "hasOwnProperty",
        "__lookupGetter__",
        "__lookupSetter__",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toString",
        "valueOf",
        "__proto__",
        "toLocaleString",
    ):
        fail("killSignal", prop, unknownSignalErr)
    # Valid signal names and numbers should pass (os.constants.signals: the SIG* names)
    signals = {
        n: int(getattr(_signal, n))
        for n in dir(_signal)
        if n.startswith("SIG") and not n.startswith("SIG_") and n.isupper()
    }
    for signalName, number in signals.items():
        pass_("killSignal", number)
        pass_("killSignal", signalName)
        pass_("killSignal", signalName.lower())
