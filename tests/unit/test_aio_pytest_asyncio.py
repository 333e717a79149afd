"""nodenet_uv sockets inside a pytest-asyncio test (issue 14): the test is an asyncio
coroutine run by pytest-asyncio's event loop; ``aio.attached()`` drives nodenet_uv's loop
from it."""

from __future__ import annotations

import pytest

from tests.unit.test_aio import echo_roundtrip


@pytest.mark.asyncio
async def test_nodenet_sockets_in_a_pytest_asyncio_test() -> None:
    await echo_roundtrip()
