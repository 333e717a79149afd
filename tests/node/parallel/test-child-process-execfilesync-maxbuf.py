"""Port of test/parallel/test-child-process-execfilesync-maxbuf.js (``node -e`` children
are ``python -c`` programs writing the same bytes, one write per line as console.log)."""

import math
import sys

import pytest

from nodenet_uv import errors
from nodenet_uv.child_process import execFileSync

msgOut = "this is stdout"
msgOutBuf = f"{msgOut}\n".encode()
args = ["-c", f"import sys; sys.stdout.write('{msgOut}\\n')"]


def test_exec_file_sync_max_buffer() -> None:
    with pytest.raises(Exception) as info:
        execFileSync(sys.executable, args, {"maxBuffer": 1})
    e = info.value
    assert e, "maxBuffer should error"
    assert e.code == "ENOBUFS"  # type: ignore[attr-defined]
    assert errors.getSystemErrorName(e.errno) == "ENOBUFS"
    assert e.stdout == msgOutBuf  # type: ignore[attr-defined]

    ret = execFileSync(sys.executable, args, {"maxBuffer": math.inf})
    assert ret == msgOutBuf

    with pytest.raises(Exception) as info:
        execFileSync(sys.executable, ["-c", "print('a' * (1024 * 1024))"])
    assert info.value.code == "ENOBUFS"  # type: ignore[attr-defined]
    assert errors.getSystemErrorName(info.value.errno) == "ENOBUFS"
