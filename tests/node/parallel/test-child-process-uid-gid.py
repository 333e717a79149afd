"""Port of test/parallel/test-child-process-uid-gid.js (both blocks are skipped when run as
root, as in Node)."""

import os
import re

import pytest

from nodenet_uv import child_process, run

expectedError = re.compile(r"\bEPERM\b")


def test_uid_gid() -> None:
    if os.getuid() != 0:
        with pytest.raises(Exception, match=expectedError):
            child_process.spawn("echo", ["fhqwhgads"], {"uid": 0})
    # process.getgroups() includes the effective gid (Node adds it when getgroups(2)
    # leaves it out).
    if 0 not in [*os.getgroups(), os.getegid()]:
        with pytest.raises(Exception, match=expectedError):
            child_process.spawn("echo", ["fhqwhgads"], {"gid": 0})
    run()
