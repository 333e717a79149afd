"""Port of test/parallel/test-stream2-transform.js."""

import json

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import PassThrough, Transform
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def _strict_equal(actual, expected):
    # assert.strictEqual: no True == 1, no 0 == False.
    assert type(actual) is type(expected), f"{actual!r} !== {expected!r}"
    assert actual == expected, f"{actual!r} !== {expected!r}"


def _json_stringify(value):
    return json.dumps(value, separators=(",", ":"))


def test_writable_side_consumption() -> None:
    # Verify writable side consumption
    tx = Transform({"highWaterMark": 10})

    transformed = 0

    def _transform(chunk, encoding, cb):
        nonlocal transformed
        transformed += len(chunk)
        tx.push(chunk)
        cb()

    tx._transform = _transform

    for i in range(1, 11):
        tx.write(bytes(i))
    tx.end()

    assert tx.readableLength == 10
    assert transformed == 10
    assert [len(c["chunk"]) for c in tx.writableBuffer] == [5, 6, 7, 8, 9, 10]
    run()


def test_passthrough() -> None:
    # Verify passthrough behavior
    pt = PassThrough()

    pt.write(b"foog")
    pt.write(b"bark")
    pt.write(b"bazy")
    pt.write(b"kuel")
    pt.end()

    assert pt.read(5).decode() == "foogb"
    assert pt.read(5).decode() == "arkba"
    assert pt.read(5).decode() == "zykue"
    assert pt.read(5).decode() == "l"
    run()


def test_object_passthrough() -> None:
    # Verify object passthrough behavior
    pt = PassThrough({"objectMode": True})

    pt.write(1)
    pt.write(True)
    pt.write(False)
    pt.write(0)
    pt.write("foo")
    pt.write("")
    pt.write({"a": "b"})
    pt.end()

    _strict_equal(pt.read(), 1)
    _strict_equal(pt.read(), True)
    _strict_equal(pt.read(), False)
    _strict_equal(pt.read(), 0)
    _strict_equal(pt.read(), "foo")
    _strict_equal(pt.read(), "")
    assert pt.read() == {"a": "b"}
    run()


def test_passthrough_constructor() -> None:
    # Verify passthrough constructor behavior
    pt = PassThrough()

    assert isinstance(pt, PassThrough)


def test_transform_constructor() -> None:
    # Verify transform constructor behavior
    pt = Transform()

    assert isinstance(pt, Transform)


def test_simple_transform() -> None:
    # Perform a simple transform
    pt = Transform()

    def _transform(c, e, cb):
        ret = b"x" * len(c)
        pt.push(ret)
        cb()

    pt._transform = _transform

    pt.write(b"foog")
    pt.write(b"bark")
    pt.write(b"bazy")
    pt.write(b"kuel")
    pt.end()

    assert pt.read(5).decode() == "xxxxx"
    assert pt.read(5).decode() == "xxxxx"
    assert pt.read(5).decode() == "xxxxx"
    assert pt.read(5).decode() == "x"
    run()


def test_simple_object_transform() -> None:
    # Verify simple object transform
    pt = Transform({"objectMode": True})

    def _transform(c, e, cb):
        pt.push(_json_stringify(c))
        cb()

    pt._transform = _transform

    pt.write(1)
    pt.write(True)
    pt.write(False)
    pt.write(0)
    pt.write("foo")
    pt.write("")
    pt.write({"a": "b"})
    pt.end()

    assert pt.read() == "1"
    assert pt.read() == "true"
    assert pt.read() == "false"
    assert pt.read() == "0"
    assert pt.read() == '"foo"'
    assert pt.read() == '""'
    assert pt.read() == '{"a":"b"}'
    run()


def test_async_passthrough() -> None:
    # Verify async passthrough
    pt = Transform()

    def _transform(chunk, encoding, cb):
        def later():
            pt.push(chunk)
            cb()

        setTimeout(later, 10)

    pt._transform = _transform

    pt.write(b"foog")
    pt.write(b"bark")
    pt.write(b"bazy")
    pt.write(b"kuel")
    pt.end()

    def on_finish():
        assert pt.read(5).decode() == "foogb"
        assert pt.read(5).decode() == "arkba"
        assert pt.read(5).decode() == "zykue"
        assert pt.read(5).decode() == "l"

    pt.on("finish", common.mustCall(on_finish))
    run()


def test_asymmetric_expand() -> None:
    # Verify asymmetric transform (expand)
    pt = Transform()

    # Emit each chunk 2 times.
    def _transform(chunk, encoding, cb):
        def first():
            pt.push(chunk)

            def second():
                pt.push(chunk)
                cb()

            setTimeout(second, 10)

        setTimeout(first, 10)

    pt._transform = _transform

    pt.write(b"foog")
    pt.write(b"bark")
    pt.write(b"bazy")
    pt.write(b"kuel")
    pt.end()

    def on_finish():
        assert pt.read(5).decode() == "foogf"
        assert pt.read(5).decode() == "oogba"
        assert pt.read(5).decode() == "rkbar"
        assert pt.read(5).decode() == "kbazy"
        assert pt.read(5).decode() == "bazyk"
        assert pt.read(5).decode() == "uelku"
        assert pt.read(5).decode() == "el"

    pt.on("finish", common.mustCall(on_finish))
    run()


def test_asymmetric_compress() -> None:
    # Verify asymmetric transform (compress)
    pt = Transform()

    # Each output is the first char of 3 consecutive chunks,
    # or whatever's left.
    pt.state = ""

    def _transform(chunk, encoding, cb):
        if not chunk:
            chunk = b""
        s = chunk.decode()

        def later():
            pt.state += s[:1]
            if len(pt.state) == 3:
                pt.push(pt.state.encode())
                pt.state = ""
            cb()

        setTimeout(later, 10)

    pt._transform = _transform

    def _flush(cb):
        # Just output whatever we have.
        pt.push(pt.state.encode())
        pt.state = ""
        cb()

    pt._flush = _flush

    pt.write(b"aaaa")
    pt.write(b"bbbb")
    pt.write(b"cccc")
    pt.write(b"dddd")
    pt.write(b"eeee")
    pt.write(b"aaaa")
    pt.write(b"bbbb")
    pt.write(b"cccc")
    pt.write(b"dddd")
    pt.write(b"eeee")
    pt.write(b"aaaa")
    pt.write(b"bbbb")
    pt.write(b"cccc")
    pt.write(b"dddd")
    pt.end()

    # 'abcdeabcdeabcd'
    def on_finish():
        assert pt.read(5).decode() == "abcde"
        assert pt.read(5).decode() == "abcde"
        assert pt.read(5).decode() == "abcd"

    pt.on("finish", common.mustCall(on_finish))
    run()


def test_complex_transform() -> None:
    # This tests for a stall when data is written to a full stream
    # that has empty transforms.
    # Verify complex transform behavior
    count = 0
    saved = None
    pt = Transform({"highWaterMark": 3})

    def _transform(c, e, cb):
        nonlocal count, saved
        if count == 1:
            count += 1
            saved = c
        else:
            count += 1
            if saved:
                pt.push(saved)
                saved = None
            pt.push(c)

        cb()

    pt._transform = _transform

    def on_readable():
        def later():
            pt.write(b"d")
            pt.write(b"ef", common.mustCall(lambda: pt.end()))
            assert pt.read().decode() == "abcdef"
            assert pt.read() is None

        process.nextTick(later)

    pt.once("readable", on_readable)

    pt.write(b"abc")
    run()


def test_passthrough_event_emission() -> None:
    # Verify passthrough event emission
    pt = PassThrough()
    emits = 0

    def on_readable():
        nonlocal emits
        emits += 1

    pt.on("readable", on_readable)

    pt.write(b"foog")
    pt.write(b"bark")

    assert emits == 0
    assert pt.read(5).decode() == "foogb"
    assert pt.read(5) is None  # String(pt.read(5)) === 'null'
    assert emits == 0

    pt.write(b"bazy")
    pt.write(b"kuel")

    assert emits == 0
    assert pt.read(5).decode() == "arkba"
    assert pt.read(5).decode() == "zykue"
    assert pt.read(5) is None

    pt.end()

    assert emits == 1
    assert pt.read(5).decode() == "l"
    assert pt.read(5) is None
    assert emits == 1
    run()


def test_passthrough_event_emission_reordering() -> None:
    # Verify passthrough event emission reordering
    pt = PassThrough()
    emits = 0

    def on_readable():
        nonlocal emits
        emits += 1

    pt.on("readable", on_readable)

    pt.write(b"foog")
    pt.write(b"bark")

    assert emits == 0
    assert pt.read(5).decode() == "foogb"
    assert pt.read(5) is None

    def first():
        assert pt.read(5).decode() == "arkba"
        assert pt.read(5) is None

        def second():
            assert pt.read(5).decode() == "zykue"
            assert pt.read(5) is None

            def third():
                assert pt.read(5).decode() == "l"
                assert pt.read(5) is None
                assert emits == 3

            pt.once("readable", common.mustCall(third))
            pt.end()

        pt.once("readable", common.mustCall(second))
        pt.write(b"kuel")

    pt.once("readable", common.mustCall(first))

    pt.write(b"bazy")
    run()


def test_passthrough_facade() -> None:
    # Verify passthrough facade
    pt = PassThrough()
    datas = []
    pt.on("data", lambda chunk: datas.append(chunk.decode()))

    def on_end():
        assert datas == ["foog", "bark", "bazy", "kuel"]

    pt.on("end", common.mustCall(on_end))

    pt.write(b"foog")

    def t1():
        pt.write(b"bark")

        def t2():
            pt.write(b"bazy")

            def t3():
                pt.write(b"kuel")
                setTimeout(lambda: pt.end(), 10)

            setTimeout(t3, 10)

        setTimeout(t2, 10)

    setTimeout(t1, 10)
    run()


OBJECTS = [
    {"foo": "bar"},
    100,
    "string",
    {"nested": {"things": [{"foo": "bar"}, 100, "string"]}},
]


def test_object_transform_json_parse() -> None:
    # Verify object transform (JSON parse)
    jp = Transform({"objectMode": True})

    def _transform(data, encoding, cb):
        try:
            jp.push(json.loads(data))
            cb()
        except Exception as er:
            cb(er)

    jp._transform = _transform

    # Anything except null/undefined is fine.
    # those are "magic" in the stream API, because they signal EOF.
    ended = False

    def on_end():
        nonlocal ended
        ended = True

    jp.on("end", on_end)

    for obj in OBJECTS:
        jp.write(_json_stringify(obj))
        res = jp.read()
        assert res == obj
        assert type(res) is type(obj)

    jp.end()
    # Read one more time to get the 'end' event
    jp.read()

    def check():
        assert ended is True

    process.nextTick(common.mustCall(check))
    run()


def test_object_transform_json_stringify() -> None:
    # Verify object transform (JSON stringify)
    js = Transform({"objectMode": True})

    def _transform(data, encoding, cb):
        try:
            js.push(_json_stringify(data))
            cb()
        except Exception as er:
            cb(er)

    js._transform = _transform

    # Anything except null/undefined is fine.
    # those are "magic" in the stream API, because they signal EOF.
    ended = False

    def on_end():
        nonlocal ended
        ended = True

    js.on("end", on_end)

    for obj in OBJECTS:
        js.write(obj)
        res = js.read()
        assert res == _json_stringify(obj)

    js.end()
    # Read one more time to get the 'end' event
    js.read()

    def check():
        assert ended is True

    process.nextTick(common.mustCall(check))
    run()


def test_push_in_construct() -> None:
    def construct(callback):
        s.push("header from constructor")
        callback()

    s = Transform(
        {
            "objectMode": True,
            "construct": construct,
            "transform": lambda row, encoding, callback: callback(None, row),
        }
    )

    expected = [
        "header from constructor",
        "firstLine",
        "secondLine",
    ]

    def on_data(data):
        assert str(data) == expected.pop(0)

    s.on("data", common.mustCall(on_data, 3))
    s.write("firstLine")
    process.nextTick(lambda: s.write("secondLine"))
    run()
