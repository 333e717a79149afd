"""Port of test/parallel/test-net-localerror.js."""

from typing import Any

import pytest

from nodenet_uv import net


def connect(opts: dict[str, Any], code: str, type_: type[BaseException]) -> None:
    with pytest.raises(type_) as info:
        net.connect(opts)
    assert info.value.code == code  # type: ignore[attr-defined]
    assert info.value.name == type_.__name__  # type: ignore[attr-defined]


def test_invalid_local_address_and_port() -> None:
    connect(
        {"host": "localhost", "port": 0, "localAddress": "foobar"},
        "ERR_INVALID_IP_ADDRESS",
        TypeError,
    )
    connect(
        {"host": "localhost", "port": 0, "localPort": "foobar"},
        "ERR_INVALID_ARG_TYPE",
        TypeError,
    )
