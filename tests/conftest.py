import pytest


@pytest.fixture(autouse=True)
def _node_runtime(node_common: None) -> None:
    """Every test: must-call counts checked, no leaks, a clean runtime after."""
