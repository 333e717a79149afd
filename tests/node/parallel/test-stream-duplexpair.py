"""Port of test/parallel/test-stream-duplexpair.js."""

from nodenet_uv import run
from nodenet_uv.stream import Duplex, duplexPair
from nodenet_uv.testing import common


def test_pair_of_duplexes() -> None:
    pair = duplexPair()

    assert isinstance(pair[0], Duplex)
    assert isinstance(pair[1], Duplex)
    assert pair[0] is not pair[1]


def test_write_reaches_other_side() -> None:
    # Verify that the iterable for array assignment works
    clientSide, serverSide = duplexPair()
    assert isinstance(clientSide, Duplex)
    assert isinstance(serverSide, Duplex)

    def on_data(d: bytes) -> None:
        assert d.decode() == "foo"  # `${d}`: the Buffer as a utf8 string

    clientSide.on("data", common.mustCall(on_data))
    clientSide.on("end", common.mustNotCall())
    serverSide.write("foo")
    run()


def test_end_reaches_other_side() -> None:
    clientSide, serverSide = duplexPair()
    assert isinstance(clientSide, Duplex)
    assert isinstance(serverSide, Duplex)

    def on_data(d: bytes) -> None:
        assert d.decode() == "foo"

    serverSide.on("data", common.mustCall(on_data))
    serverSide.on("end", common.mustCall())
    clientSide.end("foo")
    run()


def test_corked_writes() -> None:
    serverSide, clientSide = duplexPair()
    serverSide.cork()
    serverSide.write("abc")
    serverSide.write("12")
    serverSide.end("\n")
    serverSide.uncork()
    characters = ""

    def on_readable() -> None:
        nonlocal characters
        # for (let segment; segment = this.read();): a Buffer is always truthy in JS.
        while (segment := clientSide.read()) is not None:
            characters += segment.decode()

    clientSide.on("readable", on_readable)

    def on_end() -> None:
        assert characters == "abc12\n"

    clientSide.on("end", common.mustCall(on_end))
    run()


# Test the case where the the _write never calls [kCallback]
# because a zero-size push doesn't trigger a _read
def test_zero_size_writes() -> None:
    serverSide, clientSide = duplexPair()
    serverSide.write("")
    serverSide.write("12")
    serverSide.write("")
    serverSide.write("")
    serverSide.end("\n")
    characters = ""

    def on_readable() -> None:
        nonlocal characters
        while (segment := clientSide.read()) is not None:
            characters += segment.decode()

    clientSide.on("readable", on_readable)

    def on_end() -> None:
        assert characters == "12\n"

    clientSide.on("end", common.mustCall(on_end))
    run()
