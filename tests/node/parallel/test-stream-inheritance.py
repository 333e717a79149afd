"""Port of test/parallel/test-stream-inheritance.js."""

import pytest

from nodenet_uv.stream import Duplex, Readable, Transform, Writable


def test_instanceof() -> None:
    readable = Readable({"read": lambda n: None})
    writable = Writable({"write": lambda *args: None})
    duplex = Duplex({"read": lambda n: None, "write": lambda *args: None})
    transform = Transform({"transform": lambda *args: None})

    assert isinstance(readable, Readable)
    assert not isinstance(writable, Readable)
    assert isinstance(duplex, Readable)
    assert isinstance(transform, Readable)

    assert not isinstance(readable, Writable)
    assert isinstance(writable, Writable)
    assert isinstance(duplex, Writable)
    assert isinstance(transform, Writable)

    assert not isinstance(readable, Duplex)
    assert not isinstance(writable, Duplex)
    assert isinstance(duplex, Duplex)
    assert isinstance(transform, Duplex)

    assert not isinstance(readable, Transform)
    assert not isinstance(writable, Transform)
    assert not isinstance(duplex, Transform)
    assert isinstance(transform, Transform)

    assert not isinstance(None, Writable)


class CustomWritable(Writable):
    def __init__(self):
        assert isinstance(self, CustomWritable), f"{self} does not inherit from CustomWritable"
        assert isinstance(self, Writable), f"{self} does not inherit from Writable"


class OtherCustomWritable(Writable):
    pass


def test_custom_writable() -> None:
    CustomWritable()

    # Node calls the constructor function without `new` (`this` is undefined).
    with pytest.raises(AssertionError, match=r"^None does not inherit from CustomWritable"):
        CustomWritable.__init__(None)

    assert not isinstance(OtherCustomWritable(), CustomWritable)
    assert not isinstance(CustomWritable(), OtherCustomWritable)
