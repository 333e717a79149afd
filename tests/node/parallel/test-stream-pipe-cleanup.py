"""Port of test/parallel/test-stream-pipe-cleanup.js."""

# This test asserts that Stream.prototype.pipe does not leave listeners
# hanging on the source or dest.
from nodenet_uv.stream import Stream


class MyWritable(Stream):
    def __init__(self):
        self.writable = True
        self.endCalls = 0
        Stream.__init__(self)

    def end(self):
        self.endCalls += 1

    def destroy(self):
        self.endCalls += 1


class MyReadable(Stream):
    def __init__(self):
        self.readable = True
        Stream.__init__(self)


class MyDuplex(MyWritable):
    def __init__(self):
        self.readable = True
        MyWritable.__init__(self)


def test_pipe_cleanup() -> None:
    limit = 100

    w = MyWritable()

    for _ in range(limit):
        r = MyReadable()
        r.pipe(w)
        r.emit("end")
    assert len(r.listeners("end")) == 0
    assert w.endCalls == limit

    w.endCalls = 0

    for _ in range(limit):
        r = MyReadable()
        r.pipe(w)
        r.emit("close")
    assert len(r.listeners("close")) == 0
    assert w.endCalls == limit

    w.endCalls = 0

    r = MyReadable()

    for _ in range(limit):
        w = MyWritable()
        r.pipe(w)
        w.emit("close")
    assert len(w.listeners("close")) == 0

    r = MyReadable()
    w = MyWritable()
    d = MyDuplex()
    r.pipe(d)  # pipeline A
    d.pipe(w)  # pipeline B
    assert len(r.listeners("end")) == 2  # A.onend, A.cleanup
    assert len(r.listeners("close")) == 2  # A.onclose, A.cleanup
    assert len(d.listeners("end")) == 2  # B.onend, B.cleanup
    # A.cleanup, B.onclose, B.cleanup
    assert len(d.listeners("close")) == 3
    assert len(w.listeners("end")) == 0
    assert len(w.listeners("close")) == 1  # B.cleanup

    r.emit("end")
    assert d.endCalls == 1
    assert w.endCalls == 0
    assert len(r.listeners("end")) == 0
    assert len(r.listeners("close")) == 0
    assert len(d.listeners("end")) == 2  # B.onend, B.cleanup
    assert len(d.listeners("close")) == 2  # B.onclose, B.cleanup
    assert len(w.listeners("end")) == 0
    assert len(w.listeners("close")) == 1  # B.cleanup

    d.emit("end")
    assert d.endCalls == 1
    assert w.endCalls == 1
    assert len(r.listeners("end")) == 0
    assert len(r.listeners("close")) == 0
    assert len(d.listeners("end")) == 0
    assert len(d.listeners("close")) == 0
    assert len(w.listeners("end")) == 0
    assert len(w.listeners("close")) == 0
