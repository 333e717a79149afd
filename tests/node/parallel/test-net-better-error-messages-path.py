"""Port of test/parallel/test-net-better-error-messages-path.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_connect_enoent_message() -> None:
    fp = "/tmp/fadagagsdfgsdf"
    c = net.connect(fp)

    c.on("connect", common.mustNotCall())
    c.on("error", common.expectsError({"code": "ENOENT", "message": f"connect ENOENT {fp}"}))
    run()


def test_path_must_be_a_string() -> None:
    with pytest.raises(TypeError) as info:
        net.createConnection({"path": {}})
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
