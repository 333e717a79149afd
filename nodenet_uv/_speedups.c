/* nodenet_uv._speedups: the per-message path in C (issue 17).
 *
 * The model is CPython's own accelerators (_asyncio, _json, _heapq): the pure-Python
 * modules define the semantics; this module implements the hot path and takes it only
 * when the objects involved are unmodified, else it calls the Python code unchanged.
 *
 *   - LibuvStreamWrap_on_read: pyuv's read callback (stream_wrap.LibuvStreamWrap._on_read)
 *     -> onStreamRead (_stream_base_commons) -> Readable.push -> EventEmitter.emit('data')
 *     -> the listeners, with maybeReadMore's nextTick, in one C call.
 *   - Readable_maybeReadMore_: the nextTick that follows (readable.maybeReadMore_), with
 *     Socket.read(0) -> Readable.read(0) -> Socket._read inlined.
 *   - Writable_write: Writable.write's fast branch for a Socket -> Socket._write ->
 *     writeGeneric -> LibuvStreamWrap.tryWriteBuffer -> onwrite.
 *
 * The guard ("the objects are unmodified"):
 *   - the socket's type is exactly net.Socket, and none of the methods the path skips
 *     (push, emit, read, _read, write, _write, _writeGeneric, _unrefTimer) resolves on
 *     the class to anything but what it resolved to when this module was configured
 *     (checked by lookup, and cached against the type's version tag, which CPython
 *     resets whenever the class or one of its bases is assigned to);
 *   - no instance attribute of the socket shadows one of those methods;
 *   - the handle is exactly a TCP or Pipe, with the same check for its methods;
 *   - the state objects are exactly ReadableState/WritableState (whose __slots__ are
 *     read and written here directly, through their member descriptors' offsets, so the
 *     two paths share one state and switching between them mid-stream is consistent);
 *   - the per-call conditions of each Python fast path (no decoder, no timeout, ...).
 * Anything else calls the Python function the path would have called.
 *
 * NODENET_UV_PURE=1 in the environment makes the import fail (ImportError), so every
 * switch point takes the pure-Python path. set_enabled(False) turns the C paths off at
 * run time (each entry point then calls the Python code): the differential tests use it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <pythread.h>

#ifndef Py_T_OBJECT_EX
#define Py_T_OBJECT_EX T_OBJECT_EX
#endif

static int enabled = 1;
static int configured = 0; /* 0: not yet, 1: ready, -1: failed (pure path) */

/* Modules' dicts (borrowed from the module objects we keep). */
static PyObject *mod_loop, *mod_readable, *mod_writable, *mod_sbc, *mod_net, *mod_events,
    *mod_errors, *mod_handle_wrap, *mod_uv;
static PyObject *mod_tq, *d_tq;
static PyObject *py_process_ticks;
static PyObject *d_loop, *d_readable, *d_writable, *d_sbc, *d_net, *d_events;

/* Types. */
static PyTypeObject *Duplex_type;
static PyTypeObject *Socket_type, *ReadableState_type, *WritableState_type, *TCP_type,
    *Pipe_type, *partial_type, *Coroutine_type, *Promise_type;

/* Python originals the C paths replace (identity checks) or call. */
static PyObject *py_onStreamRead, *py_maybeReadMore_, *py_onwrite, *py_writeGeneric,
    *py_on_read, *py_Readable_push, *py_nop, *py_SYNC_WRITE, *py_HandleClosedError;
static PyObject *str_CLOSED; /* handle_wrap.CLOSED */
static long UV_EAGAIN_, UV_EINVAL_, UV_EBADF_;

/* Our own functions, as objects (appended to the tick queue). */
static PyObject *c_maybeReadMore_, *c_drain_ticks;

/* Interned names. */
#define NAMES(X)                                                                            \
    X(owner) X(onread) X(_user_buffer) X(bytesRead) X(bytesWritten) X(_emit_user_reads)     \
    X(_on_read) X(_k_timeout) X(_parent) X(_readableState) X(_writableState) X(_k_buffer)   \
    X(_handle) X(connecting) X(reading) X(readStop) X(destroyed) X(destroy) X(push) X(emit) \
    X(read) X(_read) X(write) X(_write) X(_writeGeneric) X(_unrefTimer) X(_events)          \
    X(tryWriteBuffer) X(writeQueued) X(readStart) X(tick_queue) X(microtask_queue)          \
    X(_tick_callback) X(trigger_uncaught_exception) X(_fast) X(enter_slow)                  \
    X(readableAddChunkPushByteMode) X(emitReadable) X(maybeReadMore_) X(errorOrDestroy)    \
    X(tryReadStart) X(call_padded) X(spawn) X(addCatch) X(ErrnoException) X(clearBuffer)    \
    X(next_tick) X(afterWrite) X(afterWriteTick) X(finishMaybe) X(_AfterWriteTickInfo)     \
    X(createWriteWrap) X(afterWriteDispatched) X(_pendingData) X(_pendingEncoding)          \
    X(_k_last_write_queue_size) X(async_) X(bytes) X(func) X(args) X(keywords) X(data)     \
    X(count) X(cb) X(try_write_code) X(append) X(clear) X(get) X(onStreamRead) X(onwrite)  \
    X(writeGeneric) X(_SYNC_WRITE) X(nop) X(Socket) X(ReadableState) X(WritableState)       \
    X(TCP) X(Pipe) X(Readable) X(Duplex) X(CoroutineType) X(Promise) X(CLOSED) X(_HandleClosedError) \
    X(UV_EAGAIN) X(UV_EINVAL) X(UV_EBADF) X(LibuvStreamWrap) X(partial) X(__dict__)     \
    X(process_ticks_and_rejections) X(drains) X(_queue) X(_microtasks) X(run_microtasks)   \
    X(_fatal) X(_rejections_pending) X(_process_rejections) X(popleft)                 \
    X(_py_drain_ticks) X(_py_make_callback) X(_py_call) X(_py_next_tick) X(scopes)      \
    X(drain_ticks) X(PYUV_ERRORS) X(convert_error) X(_loop) X(_py_getHighWaterMark)     \
    X(highWaterMark) X(objectMode) X(_default_hwm_object_mode) X(_default_hwm_bytes)    \
    X(node_options) X(arg_limit)
#define DECL(n) static PyObject *s_##n;
NAMES(DECL)
static PyObject *s_empty, *s_write_str, *s_state_, *s__h; /* "", "write", "state", "_h" */

/* -- slots ------------------------------------------------------------------------------ */
/* Offsets of __slots__ members, from their member descriptors. */
#define RS_SLOTS(X)                                                                         \
    X(objectMode) X(decoder) X(ended) X(destroyed) X(errored) X(reading) X(flowing)         \
    X(dataListening) X(sync) X(length) X(multiAwaitDrain) X(awaitDrainWriters)              \
    X(dataEmitted) X(buffer) X(needReadable) X(readingMore) X(constructed) X(highWaterMark)
#define WS_SLOTS(X)                                                                         \
    X(objectMode) X(ending) X(destroyed) X(writing) X(corked) X(errored) X(constructed)     \
    X(writecb) X(_buffered) X(onwrite) X(pendingcb) X(length) X(writelen) X(sync)           \
    X(expectWriteCb) X(needDrain) X(afterWritePending) X(afterWriteTickInfo) X(highWaterMark)
#define HW_SLOTS(X)                                                                         \
    X(owner) X(state) X(_h) X(onread) X(_user_buffer) X(bytesRead) X(bytesWritten)
#define OFF_RS(n) static Py_ssize_t rs_##n;
#define OFF_WS(n) static Py_ssize_t ws_##n;
#define OFF_HW(n) static Py_ssize_t hw_##n;
RS_SLOTS(OFF_RS)
WS_SLOTS(OFF_WS)
HW_SLOTS(OFF_HW)

#define SLOT(obj, off) (*(PyObject **)((char *)(obj) + (off)))

/* A slot's value (borrowed), or NULL with AttributeError set (an unset slot). */
static inline PyObject *
slot_get(PyObject *obj, Py_ssize_t off, const char *name)
{
    PyObject *v = SLOT(obj, off);
    if (v == NULL) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%s'",
                     Py_TYPE(obj)->tp_name, name);
    }
    return v;
}

static inline void
slot_set(PyObject *obj, Py_ssize_t off, PyObject *v)
{
    PyObject *old = SLOT(obj, off);
    Py_INCREF(v);
    SLOT(obj, off) = v;
    Py_XDECREF(old);
}

#define RS(o, n) slot_get((o), rs_##n, #n)
#define WS(o, n) slot_get((o), ws_##n, #n)
#define HW(o, n) slot_get((o), hw_##n, #n)
#define RS_SET(o, n, v) slot_set((o), rs_##n, (v))
#define WS_SET(o, n, v) slot_set((o), ws_##n, (v))
#define HW_SET(o, n, v) slot_set((o), hw_##n, (v))

static int
slot_offset(PyTypeObject *tp, const char *name, Py_ssize_t *off)
{
    PyObject *d = PyObject_GetAttrString((PyObject *)tp, name);
    if (d == NULL) return -1;
    if (!PyObject_TypeCheck(d, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", tp->tp_name, name);
        Py_DECREF(d);
        return -1;
    }
    PyMemberDef *m = ((PyMemberDescrObject *)d)->d_member;
    if (m->type != Py_T_OBJECT_EX) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not an object slot", tp->tp_name, name);
        Py_DECREF(d);
        return -1;
    }
    *off = m->offset;
    Py_DECREF(d);
    return 0;
}

/* Truthiness of a slot value; -1 on error (an unset slot too). */
static inline int
truth(PyObject *v)
{
    if (v == NULL) return -1;
    if (v == Py_True) return 1;
    if (v == Py_False || v == Py_None) return 0;
    return PyObject_IsTrue(v);
}

/* An exact int small enough, or -1 (and no error) when it is not one: the caller then
 * takes the Python path. */
static inline int
small_int(PyObject *v, Py_ssize_t *out)
{
    if (v == NULL || !PyLong_CheckExact(v)) return 0;
    Py_ssize_t x = PyLong_AsSsize_t(v);
    if (x == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    *out = x;
    return 1;
}

/* obj.slot += delta (exact ints; else the generic number protocol). */
static int
slot_add(PyObject *obj, Py_ssize_t off, const char *name, Py_ssize_t delta)
{
    PyObject *v = slot_get(obj, off, name);
    if (v == NULL) return -1;
    PyObject *d = PyLong_FromSsize_t(delta);
    if (d == NULL) return -1;
    PyObject *r = PyNumber_Add(v, d);
    Py_DECREF(d);
    if (r == NULL) return -1;
    slot_set(obj, off, r);
    Py_DECREF(r);
    return 0;
}

/* The raised exception (normalized, with its traceback), or NULL; clears it. */
static PyObject *
fetch_exc(void)
{
#if PY_VERSION_HEX >= 0x030C0000
    return PyErr_GetRaisedException();
#else
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb != NULL && v != NULL) PyException_SetTraceback(v, tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
#endif
}

/* f(*args) inside `except ... as exc:`: exc is the handled exception (sys.exc_info(),
 * and __context__ of anything f raises), as in the Python code. */
static PyObject *
call_in_except(PyObject *f, PyObject *const *args, size_t nargs, PyObject *exc)
{
    PyObject *prev = PyErr_GetHandledException();
    PyErr_SetHandledException(exc);
    PyObject *r = PyObject_Vectorcall(f, args, nargs, NULL);
    PyErr_SetHandledException(prev);
    Py_XDECREF(prev);
    return r;
}

/* -- class guards ------------------------------------------------------------------------ */
typedef struct {
    PyTypeObject *tp;
    unsigned int tag; /* the tp_version_tag at the last successful check; 0: none */
    PyObject *names;  /* tuple of str */
    PyObject *expected; /* tuple: what each name resolved to on the class at configure */
} ClassGuard;

static ClassGuard socket_guard, tcp_guard, pipe_guard, duplex_guard, rs_guard, ws_guard;

static int
guard_init(ClassGuard *g, PyTypeObject *tp, PyObject *names)
{
    g->tp = tp;
    g->tag = 0;
    g->names = names;
    Py_ssize_t n = PyTuple_GET_SIZE(names);
    g->expected = PyTuple_New(n);
    if (g->expected == NULL) return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyObject_GetAttr((PyObject *)tp, PyTuple_GET_ITEM(names, i));
        if (v == NULL) return -1;
        PyTuple_SET_ITEM(g->expected, i, v);
    }
    return 0;
}

/* 1 if tp is g's type and its methods are the ones configured; 0 if not; -1 error. */
static int
class_ok(ClassGuard *g, PyTypeObject *tp)
{
    if (tp != g->tp) return 0;
    /* A __getattribute__/__getattr__/__setattr__ on the class or a base (patched at run
     * time too) sees every lookup the Python path makes: take that path. */
    if (tp->tp_getattro != PyObject_GenericGetAttr || tp->tp_setattro != PyObject_GenericSetAttr)
        return 0;
    if (g->tag != 0 && tp->tp_version_tag == g->tag
#if PY_VERSION_HEX < 0x030D0000
        /* 3.11/3.12 can leave a stale nonzero tag on a type without a valid one. */
        && PyType_HasFeature(tp, Py_TPFLAGS_VALID_VERSION_TAG)
#endif
       )
        return 1;
    Py_ssize_t n = PyTuple_GET_SIZE(g->names);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyObject_GetAttr((PyObject *)tp, PyTuple_GET_ITEM(g->names, i));
        if (v == NULL) {
            PyErr_Clear();
            return 0;
        }
        int same = v == PyTuple_GET_ITEM(g->expected, i);
        Py_DECREF(v);
        if (!same) {
            g->tag = 0;
            return 0;
        }
    }
    /* The lookups above gave the type a valid version tag (unless CPython ran out). */
    g->tag = tp->tp_version_tag;
    return 1;
}

/* 1 if no instance attribute shadows one of `names`; 0 if one does; -1 error. */
static int
instance_ok(PyObject *names, PyObject *obj)
{
    if (Py_TYPE(obj)->tp_dictoffset == 0) return 1;
    PyObject *dict = PyObject_GenericGetDict(obj, NULL);
    if (dict == NULL) return -1;
    int ok = 1;
    if (PyDict_GET_SIZE(dict) != 0) {
        Py_ssize_t n = PyTuple_GET_SIZE(names);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = PyDict_GetItemWithError(dict, PyTuple_GET_ITEM(names, i));
            if (v != NULL) {
                ok = 0;
                break;
            }
            if (PyErr_Occurred()) {
                ok = -1;
                break;
            }
        }
    }
    Py_DECREF(dict);
    return ok;
}

/* The instance attributes each path must not find, because the Python code it skips
 * calls them on the instance: the read path stream.push and self.emit; read(0)
 * stream.read and self._read; the write path self._write (Socket._write looks
 * _writeGeneric up on the class, which the class guard covers). */
static PyObject *read_names, *read0_names, *write_names;

static inline int
socket_ok(PyObject *stream, PyObject *names)
{
    int r = class_ok(&socket_guard, Py_TYPE(stream));
    if (r <= 0) return r;
    return instance_ok(names, stream);
}

static inline ClassGuard *
handle_guard(PyObject *handle)
{
    if (Py_TYPE(handle) == TCP_type) return &tcp_guard;
    if (Py_TYPE(handle) == Pipe_type) return &pipe_guard;
    return NULL;
}

static int
handle_ok(PyObject *handle)
{
    ClassGuard *g = handle_guard(handle);
    if (g == NULL) return 0;
    int r = class_ok(g, Py_TYPE(handle));
    if (r <= 0) return r;
    return instance_ok(g->names, handle);
}

/* -- configuration --------------------------------------------------------------------- */
static PyObject *
import_(const char *name)
{
    return PyImport_ImportModule(name);
}

static PyObject *
attr(PyObject *mod, PyObject *name)
{
    return PyObject_GetAttr(mod, name);
}

static long
long_attr(PyObject *mod, PyObject *name)
{
    PyObject *v = attr(mod, name);
    if (v == NULL) return -1;
    long x = PyLong_AsLong(v);
    Py_DECREF(v);
    return x;
}

/* 0 if f is the function `qualname` as the module `mod` defines it; -1 with an exception
 * if not (a replacement, even one made with functools.wraps, has another code object
 * or other globals). */
static int
expect_original(PyObject *f, PyObject *mod, const char *qualname)
{
    int ok = 0;
    if (PyFunction_Check(f) && PyFunction_GET_GLOBALS(f) == PyModule_GetDict(mod)) {
        PyObject *qn = PyObject_GetAttrString(PyFunction_GET_CODE(f), "co_qualname");
        if (qn == NULL) return -1;
        ok = PyUnicode_Check(qn) && PyUnicode_CompareWithASCIIString(qn, qualname) == 0;
        Py_DECREF(qn);
    }
    if (ok) return 0;
    PyErr_Format(PyExc_RuntimeError, "%s was replaced before _speedups was configured "
                 "(%R): the C paths stay off", qualname, f);
    return -1;
}

static int
do_configure(void)
{
#define IMP(var, name)                                   \
    if ((var = import_(name)) == NULL) return -1;
    IMP(mod_loop, "nodenet_uv._binding.loop");
    IMP(mod_uv, "nodenet_uv._binding.uv");
    IMP(mod_handle_wrap, "nodenet_uv._binding.handle_wrap");
    IMP(mod_readable, "nodenet_uv.stream.readable");
    IMP(mod_writable, "nodenet_uv.stream.writable");
    IMP(mod_sbc, "nodenet_uv._stream_base_commons");
    IMP(mod_net, "nodenet_uv.net");
    IMP(mod_events, "nodenet_uv.events");
    IMP(mod_errors, "nodenet_uv.errors");
    IMP(mod_tq, "nodenet_uv._internal.task_queues");
#undef IMP
    d_tq = PyModule_GetDict(mod_tq);
    if ((py_process_ticks = PyObject_GetAttr(mod_tq, s_process_ticks_and_rejections)) == NULL)
        return -1;
    d_loop = PyModule_GetDict(mod_loop);
    d_readable = PyModule_GetDict(mod_readable);
    d_writable = PyModule_GetDict(mod_writable);
    d_sbc = PyModule_GetDict(mod_sbc);
    d_net = PyModule_GetDict(mod_net);
    d_events = PyModule_GetDict(mod_events);

    PyObject *tcp_mod = import_("nodenet_uv._binding.tcp_wrap");
    PyObject *pipe_mod = import_("nodenet_uv._binding.pipe_wrap");
    PyObject *sw_mod = import_("nodenet_uv._binding.stream_wrap");
    PyObject *ft = import_("functools");
    PyObject *types_mod = import_("types");
    PyObject *promise_mod = import_("nodenet_uv._internal.promise");
    if (!tcp_mod || !pipe_mod || !sw_mod || !ft || !types_mod || !promise_mod) goto fail;

#define TYPE(var, mod, name)                                                    \
    if ((var = (PyTypeObject *)attr(mod, s_##name)) == NULL) goto fail;         \
    if (!PyType_Check((PyObject *)var)) {                                       \
        PyErr_SetString(PyExc_TypeError, #name " is not a type");               \
        goto fail;                                                              \
    }
    TYPE(Socket_type, mod_net, Socket);
    TYPE(Duplex_type, mod_net, Duplex);
    TYPE(ReadableState_type, mod_readable, ReadableState);
    TYPE(WritableState_type, mod_writable, WritableState);
    TYPE(TCP_type, tcp_mod, TCP);
    TYPE(Pipe_type, pipe_mod, Pipe);
    TYPE(partial_type, ft, partial);
    TYPE(Coroutine_type, types_mod, CoroutineType);
    TYPE(Promise_type, promise_mod, Promise);
#undef TYPE

#define OBJ(var, mod, name) \
    if ((var = attr(mod, s_##name)) == NULL) goto fail;
    OBJ(py_onStreamRead, mod_sbc, onStreamRead);
    OBJ(py_writeGeneric, mod_sbc, writeGeneric);
    OBJ(py_SYNC_WRITE, mod_sbc, _SYNC_WRITE);
    OBJ(py_maybeReadMore_, mod_readable, maybeReadMore_);
    OBJ(py_onwrite, mod_writable, onwrite);
    OBJ(py_nop, mod_writable, nop);
    OBJ(str_CLOSED, mod_handle_wrap, CLOSED);
    OBJ(py_HandleClosedError, mod_uv, _HandleClosedError);
    {
        PyObject *lsw = attr(sw_mod, s_LibuvStreamWrap);
        if (lsw == NULL) goto fail;
        py_on_read = PyObject_GetAttr(lsw, s__on_read);
        Py_DECREF(lsw);
        if (py_on_read == NULL) goto fail;
        PyObject *readable_cls = attr(mod_readable, s_Readable);
        if (readable_cls == NULL) goto fail;
        py_Readable_push = PyObject_GetAttr(readable_cls, s_push);
        Py_DECREF(readable_cls);
        if (py_Readable_push == NULL) goto fail;
    }
#undef OBJ
    if ((UV_EAGAIN_ = long_attr(mod_uv, s_UV_EAGAIN)) == -1 && PyErr_Occurred()) goto fail;
    if ((UV_EINVAL_ = long_attr(mod_uv, s_UV_EINVAL)) == -1 && PyErr_Occurred()) goto fail;
    if ((UV_EBADF_ = long_attr(mod_uv, s_UV_EBADF)) == -1 && PyErr_Occurred()) goto fail;

#define GET_RS(n) if (slot_offset(ReadableState_type, #n, &rs_##n) < 0) goto fail;
#define GET_WS(n) if (slot_offset(WritableState_type, #n, &ws_##n) < 0) goto fail;
#define GET_HW(n) if (slot_offset(TCP_type, #n, &hw_##n) < 0) goto fail;
    RS_SLOTS(GET_RS)
    WS_SLOTS(GET_WS)
    HW_SLOTS(GET_HW)
#undef GET_RS
#undef GET_WS
#undef GET_HW
    {
        /* Pipe shares LibuvStreamWrap's slots. */
        Py_ssize_t off;
        if (slot_offset(Pipe_type, "onread", &off) < 0) goto fail;
        if (off != hw_onread) {
            PyErr_SetString(PyExc_TypeError, "Pipe and TCP slots differ");
            goto fail;
        }
    }
    {
        PyObject *names = PyTuple_Pack(8, s_push, s_emit, s_read, s__read, s_write, s__write,
                                       s__writeGeneric, s__unrefTimer);
        if (names == NULL || guard_init(&socket_guard, Socket_type, names) < 0) goto fail;
        read_names = PyTuple_Pack(2, s_push, s_emit);
        read0_names = PyTuple_Pack(2, s_read, s__read);
        write_names = PyTuple_Pack(1, s__write);
        if (!read_names || !read0_names || !write_names) goto fail;
        PyObject *hnames = PyTuple_Pack(12, s__on_read, s_tryWriteBuffer, s_writeQueued,
                                        s_readStop, s__emit_user_reads, s_owner, s_onread,
                                        s__user_buffer, s_bytesRead, s_bytesWritten,
                                        s_state_, s__h);
        if (hnames == NULL) goto fail;
        Py_INCREF(hnames);
        if (guard_init(&tcp_guard, TCP_type, hnames) < 0) goto fail;
        if (guard_init(&pipe_guard, Pipe_type, hnames) < 0) goto fail;
        /* Socket.read calls Duplex.read(self, n) explicitly. */
        {
#define SN(n) "s"
#define SA(n) , #n
            PyObject *rsn = Py_BuildValue("(" RS_SLOTS(SN) ")" RS_SLOTS(SA));
            PyObject *wsn = Py_BuildValue("(" WS_SLOTS(SN) ")" WS_SLOTS(SA));
#undef SN
#undef SA
            if (rsn == NULL || wsn == NULL || guard_init(&rs_guard, ReadableState_type, rsn) < 0
                || guard_init(&ws_guard, WritableState_type, wsn) < 0) goto fail;
        }
        PyObject *dnames = PyTuple_Pack(1, s_read);
        if (dnames == NULL || guard_init(&duplex_guard, Duplex_type, dnames) < 0) goto fail;
    }
    {
        /* What configure captured must be the library's own functions, not a wrapper the
         * application installed before the first read/write (the C path would then skip
         * the wrapper): same code name, defined in (the globals of) the defining module. */
        static const char *const sq[8] = {"Readable.push", "EventEmitter.emit", "Socket.read",
            "Socket._read", "Writable.write", "Socket._write", "Socket._writeGeneric",
            "Socket._unrefTimer"};
        PyObject *sm[8] = {mod_readable, mod_events, mod_net, mod_net, mod_writable, mod_net,
                           mod_net, mod_net};
        static const char *const hq[5] = {"LibuvStreamWrap._on_read",
            "LibuvStreamWrap.tryWriteBuffer", "LibuvStreamWrap.writeQueued",
            "LibuvStreamWrap.readStop", "LibuvStreamWrap._emit_user_reads"};
        int e = 0;
        for (int i = 0; e == 0 && i < 8; i++)
            e = expect_original(PyTuple_GET_ITEM(socket_guard.expected, i), sm[i], sq[i]);
        for (int i = 0; e == 0 && i < 5; i++) {
            e = expect_original(PyTuple_GET_ITEM(tcp_guard.expected, i), sw_mod, hq[i]);
            if (e == 0) e = expect_original(PyTuple_GET_ITEM(pipe_guard.expected, i), sw_mod, hq[i]);
        }
        if (e == 0) e = expect_original(PyTuple_GET_ITEM(duplex_guard.expected, 0), mod_readable, "Readable.read");
        if (e == 0) e = expect_original(py_on_read, sw_mod, "LibuvStreamWrap._on_read");
        if (e == 0) e = expect_original(py_Readable_push, mod_readable, "Readable.push");
        if (e == 0) e = expect_original(py_onStreamRead, mod_sbc, "onStreamRead");
        if (e == 0) e = expect_original(py_writeGeneric, mod_sbc, "writeGeneric");
        if (e == 0) e = expect_original(py_maybeReadMore_, mod_readable, "maybeReadMore_");
        if (e == 0) e = expect_original(py_onwrite, mod_writable, "onwrite");
        if (e == 0) e = expect_original(py_nop, mod_writable, "nop");
        if (e == 0) e = expect_original(py_process_ticks, mod_tq, "process_ticks_and_rejections");
        if (e < 0) goto fail;
    }
    Py_DECREF(tcp_mod);
    Py_DECREF(pipe_mod);
    Py_DECREF(sw_mod);
    Py_DECREF(ft);
    Py_DECREF(types_mod);
    Py_DECREF(promise_mod);
    return 0;
fail:
    Py_XDECREF(tcp_mod);
    Py_XDECREF(pipe_mod);
    Py_XDECREF(sw_mod);
    Py_XDECREF(ft);
    Py_XDECREF(types_mod);
    Py_XDECREF(promise_mod);
    return -1;
}

static PyObject *config_error = NULL;

/* 1: the C paths may run; 0: take the Python path. Never raises. */
static inline int
ready(void)
{
    if (!enabled) return 0;
    if (configured == 1) return 1;
    if (configured == -1) return 0;
    if (do_configure() < 0) {
        PyObject *v = fetch_exc();
        config_error = v ? v : Py_NewRef(Py_None);
        configured = -1;
        return 0;
    }
    configured = 1;
    return 1;
}

/* A global of a module (borrowed), looked up at call time as Python code does. */
static PyObject *
global(PyObject *dict, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v == NULL && !PyErr_Occurred()) PyErr_SetObject(PyExc_NameError, name);
    return v;
}

static PyObject *
call_global(PyObject *dict, PyObject *name, PyObject *const *args, size_t nargs)
{
    PyObject *f = global(dict, name);
    if (f == NULL) return NULL;
    return PyObject_Vectorcall(f, args, nargs, NULL);
}

/* -- EventEmitter.emit(event, arg), event != 'error' --------------------------------------- */
/* events.EventEmitter.emit for one argument. The socket guard has checked that emit is
 * EventEmitter's own. */
static PyObject *
EventEmitter_emit(PyObject *self, PyObject *event, PyObject *arg)
{
    PyObject *events = PyObject_GetAttr(self, s__events);
    if (events == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return NULL;
        PyErr_Clear();
        Py_RETURN_FALSE;
    }
    if (events == Py_None) {
        Py_DECREF(events);
        Py_RETURN_FALSE;
    }
    PyObject *handlers;
    if (PyDict_CheckExact(events)) {
        handlers = PyDict_GetItemWithError(events, event);
        if (handlers == NULL && PyErr_Occurred()) {
            Py_DECREF(events);
            return NULL;
        }
        Py_XINCREF(handlers);
    }
    else {
        handlers = PyObject_CallMethodOneArg(events, s_get, event);
        if (handlers == NULL) {
            Py_DECREF(events);
            return NULL;
        }
        if (handlers == Py_None) Py_CLEAR(handlers);
    }
    Py_DECREF(events);
    if (handlers == NULL) Py_RETURN_FALSE;
    PyObject *seq = PySequence_Fast(handlers, "handlers are not iterable");
    Py_DECREF(handlers);
    if (seq == NULL) return NULL;
    PyObject *args_tuple = NULL; /* (arg,), made when a helper needs it */
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *entry = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_CheckExact(entry) || PyTuple_GET_SIZE(entry) != 3) {
            PyErr_SetString(PyExc_ValueError, "too many values to unpack (expected 3)");
            goto error;
        }
        PyObject *call = PyTuple_GET_ITEM(entry, 0);
        PyObject *limit_o = PyTuple_GET_ITEM(entry, 1);
        Py_ssize_t limit;
        int kind; /* 0: call(arg), 1: call_padded, 2: call() */
        if (small_int(limit_o, &limit)) {
            kind = (limit == 1 || limit < 0) ? 0 : (limit > 1 ? 1 : 2);
        }
        else {
            PyObject *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0);
            int eq = PyObject_RichCompareBool(limit_o, one, Py_EQ);
            int lt = eq == 0 ? PyObject_RichCompareBool(limit_o, zero, Py_LT) : 0;
            int gt = (eq == 0 && lt == 0) ? PyObject_RichCompareBool(limit_o, one, Py_GT) : 0;
            Py_DECREF(one);
            Py_DECREF(zero);
            if (eq < 0 || lt < 0 || gt < 0) goto error;
            kind = (eq || lt) ? 0 : (gt ? 1 : 2);
        }
        Py_INCREF(call);
        PyObject *result;
        if (kind == 0) {
            result = PyObject_Vectorcall(call, &arg, 1, NULL);
        }
        else if (kind == 1) {
            if (args_tuple == NULL && (args_tuple = PyTuple_Pack(1, arg)) == NULL) {
                Py_DECREF(call);
                goto error;
            }
            PyObject *a[2] = {call, args_tuple};
            result = call_global(d_events, s_call_padded, a, 2);
        }
        else {
            result = PyObject_CallNoArgs(call);
        }
        Py_DECREF(call);
        if (result == NULL) goto error;
        if (result != Py_None) {
            if (Py_TYPE(result) == Coroutine_type) {
                PyObject *r2 = call_global(d_events, s_spawn, &result, 1);
                Py_DECREF(result);
                if (r2 == NULL) goto error;
                result = r2;
            }
            if (Py_TYPE(result) == Promise_type) {
                if (args_tuple == NULL && (args_tuple = PyTuple_Pack(1, arg)) == NULL) {
                    Py_DECREF(result);
                    goto error;
                }
                PyObject *a[4] = {self, result, event, args_tuple};
                PyObject *r3 = call_global(d_events, s_addCatch, a, 4);
                if (r3 == NULL) {
                    Py_DECREF(result);
                    goto error;
                }
                Py_DECREF(r3);
            }
        }
        Py_DECREF(result);
    }
    Py_XDECREF(args_tuple);
    Py_DECREF(seq);
    Py_RETURN_TRUE;
error:
    Py_XDECREF(args_tuple);
    Py_DECREF(seq);
    return NULL;
}

/* -- the tick queue ---------------------------------------------------------------------- */
/* readable.py's `tick_queue.append((fn, args))` (nextTick inlined there). */
static int
tick_append(PyObject *dict, PyObject *fn, PyObject *args)
{
    PyObject *q = global(dict, s_tick_queue);
    if (q == NULL) return -1;
    PyObject *item = PyTuple_Pack(2, fn, args);
    if (item == NULL) return -1;
    PyObject *r = PyObject_CallMethodOneArg(q, s_append, item);
    Py_DECREF(item);
    if (r == NULL) return -1;
    Py_DECREF(r);
    return 0;
}

/* -- Readable.push (readable.py) ----------------------------------------------------------- */
/* Readable.push(stream, chunk) for a stream whose push is Readable's: a new reference to
 * its result. */
static PyObject *
Readable_push(PyObject *stream, PyObject *state, PyObject *chunk)
{
    int t;
    if ((t = truth(RS(state, objectMode))) != 0) {
        if (t < 0) return NULL;
        PyObject *a[2] = {stream, chunk};
        return PyObject_Vectorcall(py_Readable_push, a, 2, NULL);
    }
    int fast = PyBytes_CheckExact(chunk) && PyBytes_GET_SIZE(chunk) > 0;
    if (fast) {
        PyObject *dec = RS(state, decoder);
        if (dec == NULL) return NULL;
        fast = dec == Py_None;
    }
    if (fast) {
        if ((t = truth(RS(state, ended))) < 0) return NULL;
        fast = !t;
    }
    if (fast) {
        if ((t = truth(RS(state, destroyed))) < 0) return NULL;
        fast = !t;
    }
    if (fast) {
        if ((t = truth(RS(state, errored))) < 0) return NULL;
        fast = !t;
    }
    if (!fast) {
        PyObject *a[4] = {stream, state, chunk, Py_None};
        return call_global(d_readable, s_readableAddChunkPushByteMode, a, 4);
    }
    /* INLINED(readableAddChunkPushByteMode, addChunk, maybeReadMore, canPushMore) */
    RS_SET(state, reading, Py_False);
    PyObject *flowing = RS(state, flowing);
    if (flowing == NULL) return NULL;
    int emit_now = flowing == Py_True;
    if (emit_now) {
        if ((t = truth(RS(state, dataListening))) < 0) return NULL;
        emit_now = t;
    }
    if (emit_now) {
        if ((t = truth(RS(state, sync))) < 0) return NULL;
        emit_now = !t;
    }
    if (emit_now) {
        PyObject *len = RS(state, length);
        if (len == NULL) return NULL;
        Py_ssize_t l;
        if (small_int(len, &l)) {
            emit_now = l == 0;
        }
        else {
            PyObject *zero = PyLong_FromLong(0);
            t = PyObject_RichCompareBool(len, zero, Py_EQ);
            Py_DECREF(zero);
            if (t < 0) return NULL;
            emit_now = t;
        }
    }
    if (emit_now) {
        if ((t = truth(RS(state, multiAwaitDrain))) < 0) return NULL;
        if (t) {
            PyObject *w = RS(state, awaitDrainWriters);
            if (w == NULL) return NULL;
            PyObject *r = PyObject_CallMethodNoArgs(w, s_clear);
            if (r == NULL) return NULL;
            Py_DECREF(r);
        }
        else {
            RS_SET(state, awaitDrainWriters, Py_None);
        }
        RS_SET(state, dataEmitted, Py_True);
        PyObject *r = EventEmitter_emit(stream, s_data, chunk);
        if (r == NULL) return NULL;
        Py_DECREF(r);
    }
    else {
        if (slot_add(state, rs_length, "length", PyBytes_GET_SIZE(chunk)) < 0) return NULL;
        PyObject *buf = RS(state, buffer);
        if (buf == NULL) return NULL;
        PyObject *r = PyObject_CallMethodOneArg(buf, s_append, chunk);
        if (r == NULL) return NULL;
        Py_DECREF(r);
        if ((t = truth(RS(state, needReadable))) < 0) return NULL;
        if (t) {
            r = call_global(d_readable, s_emitReadable, &stream, 1);
            if (r == NULL) return NULL;
            Py_DECREF(r);
        }
    }
    /* maybeReadMore: `state.reading` was cleared above. */
    int rm = truth(RS(state, readingMore));
    if (rm < 0) return NULL;
    if (!rm) {
        if ((t = truth(RS(state, constructed))) < 0) return NULL;
        if (t) {
            RS_SET(state, readingMore, Py_True);
            PyObject *fn = global(d_readable, s_maybeReadMore_);
            if (fn == NULL) return NULL;
            if (fn == py_maybeReadMore_ && enabled) fn = c_maybeReadMore_;
            PyObject *args = PyTuple_Pack(2, stream, state);
            if (args == NULL) return NULL;
            int e = tick_append(d_readable, fn, args);
            Py_DECREF(args);
            if (e < 0) return NULL;
        }
    }
    /* canPushMore */
    if ((t = truth(RS(state, ended))) < 0) return NULL;
    if (t) Py_RETURN_FALSE;
    PyObject *len = RS(state, length), *hwm = RS(state, highWaterMark);
    if (len == NULL || hwm == NULL) return NULL;
    Py_ssize_t l, h;
    if (small_int(len, &l) && small_int(hwm, &h)) return PyBool_FromLong(l < h || l == 0);
    t = PyObject_RichCompareBool(len, hwm, Py_LT);
    if (t < 0) return NULL;
    if (t) Py_RETURN_TRUE;
    PyObject *zero = PyLong_FromLong(0);
    t = PyObject_RichCompareBool(len, zero, Py_EQ);
    Py_DECREF(zero);
    if (t < 0) return NULL;
    return PyBool_FromLong(t);
}

/* -- onStreamRead (_stream_base_commons.py) ------------------------------------------------ */
static PyObject *
call_py_onStreamRead(PyObject *handle, PyObject *nread, PyObject *buf)
{
    PyObject *a[3] = {handle, nread, buf};
    return PyObject_Vectorcall(py_onStreamRead, a, 3, NULL);
}

/* onStreamRead(handle, nread, buf): the data case for an unmodified Socket in C, the
 * rest in Python. */
static PyObject *
onStreamRead(PyObject *handle, PyObject *nread, PyObject *buf)
{
    Py_ssize_t n;
    if (!enabled || !small_int(nread, &n) || n <= 0 || handle_guard(handle) == NULL)
        return call_py_onStreamRead(handle, nread, buf);
    PyObject *stream = HW(handle, owner);
    if (stream == NULL) return NULL;
    int ok = socket_ok(stream, read_names);
    if (ok < 0) return NULL;
    if (!ok) return call_py_onStreamRead(handle, nread, buf);
    Py_INCREF(stream);
    PyObject *state = NULL, *result = NULL, *v;
    /* The timer refresh, a destroyed stream and user-buffer mode: Python. */
    if ((v = PyObject_GetAttr(stream, s__k_timeout)) == NULL) goto error;
    ok = v == Py_None;
    Py_DECREF(v);
    if (ok) {
        if ((v = PyObject_GetAttr(stream, s__parent)) == NULL) goto error;
        ok = v == Py_None;
        Py_DECREF(v);
    }
    if (ok) {
        if ((state = PyObject_GetAttr(stream, s__readableState)) == NULL) goto error;
        if ((ok = class_ok(&rs_guard, Py_TYPE(state))) < 0) goto error;
    }
    if (ok) {
        int d = truth(RS(state, destroyed));
        if (d < 0) goto error;
        ok = !d;
    }
    if (ok) {
        if ((v = PyObject_GetAttr(stream, s__k_buffer)) == NULL) goto error;
        ok = v == Py_None;
        Py_DECREF(v);
    }
    if (!ok) {
        Py_XDECREF(state);
        Py_DECREF(stream);
        return call_py_onStreamRead(handle, nread, buf);
    }
    result = Readable_push(stream, state, buf);
    if (result == NULL) goto error;
    int t = truth(result);
    if (t < 0) goto error;
    if (!t) {
        if (PyObject_SetAttr(handle, s_reading, Py_False) < 0) goto error;
        if ((v = PyObject_GetAttr(stream, s_destroyed)) == NULL) goto error;
        int d = truth(v);
        Py_DECREF(v);
        if (d < 0) goto error;
        if (!d) {
            PyObject *err = PyObject_CallMethodNoArgs(handle, s_readStop);
            if (err == NULL) goto error;
            int e = truth(err);
            if (e < 0) {
                Py_DECREF(err);
                goto error;
            }
            if (e) {
                PyObject *errno_exc = PyObject_GetAttr(mod_errors, s_ErrnoException);
                PyObject *exc = NULL;
                if (errno_exc != NULL) {
                    PyObject *name = PyUnicode_FromString("read");
                    PyObject *a[2] = {err, name};
                    exc = name ? PyObject_Vectorcall(errno_exc, a, 2, NULL) : NULL;
                    Py_XDECREF(name);
                    Py_DECREF(errno_exc);
                }
                Py_DECREF(err);
                if (exc == NULL) goto error;
                PyObject *r = PyObject_CallMethodOneArg(stream, s_destroy, exc);
                Py_DECREF(exc);
                if (r == NULL) goto error;
                Py_DECREF(r);
            }
            else {
                Py_DECREF(err);
            }
        }
    }
    Py_DECREF(result);
    Py_DECREF(state);
    Py_DECREF(stream);
    Py_RETURN_NONE; /* `ret`: None unless user-buffer mode, which Python handles */
error:
    Py_XDECREF(result);
    Py_XDECREF(state);
    Py_DECREF(stream);
    return NULL;
}

/* -- LibuvStreamWrap._on_read (stream_wrap.py) --------------------------------------------- */
static PyObject *
loop_global(PyObject *name)
{
    return global(d_loop, name);
}

static int
queue_nonempty(PyObject *name)
{
    PyObject *q = loop_global(name);
    if (q == NULL) return -1;
    return PyObject_IsTrue(q);
}

/* task_queues.process_ticks_and_rejections (the loop's _tick_callback): its globals are
 * looked up as the Python function looks them up. */
static PyObject *
process_ticks_and_rejections(void)
{
    PyObject *d = global(d_tq, s_drains);
    if (d == NULL) return NULL;
    PyObject *one = PyLong_FromLong(1);
    PyObject *d1 = one ? PyNumber_Add(d, one) : NULL;
    Py_XDECREF(one);
    if (d1 == NULL) return NULL;
    int e = PyDict_SetItem(d_tq, s_drains, d1);
    Py_DECREF(d1);
    if (e < 0) return NULL;
    PyObject *q = global(d_tq, s__queue), *mq = global(d_tq, s__microtasks);
    if (q == NULL || mq == NULL) return NULL;
    Py_INCREF(q);
    Py_INCREF(mq);
    PyObject *ret = NULL;
    int t;
    for (;;) {
        while ((t = PyObject_IsTrue(q)) > 0) {
            PyObject *item = PyObject_CallMethodNoArgs(q, s_popleft);
            if (item == NULL) goto done;
            PyObject *fn, *args;
            if (PyTuple_CheckExact(item) && PyTuple_GET_SIZE(item) == 2) {
                fn = Py_NewRef(PyTuple_GET_ITEM(item, 0));
                args = Py_NewRef(PyTuple_GET_ITEM(item, 1));
            }
            else {
                PyObject *seq = PySequence_Tuple(item);
                if (seq == NULL) {
                    Py_DECREF(item);
                    goto done;
                }
                if (PyTuple_GET_SIZE(seq) != 2) {
                    PyErr_Format(PyExc_ValueError, "expected 2 values to unpack, got %zd",
                                 PyTuple_GET_SIZE(seq));
                    Py_DECREF(seq);
                    Py_DECREF(item);
                    goto done;
                }
                fn = Py_NewRef(PyTuple_GET_ITEM(seq, 0));
                args = Py_NewRef(PyTuple_GET_ITEM(seq, 1));
                Py_DECREF(seq);
            }
            Py_DECREF(item);
            PyObject *r;
            if (PyTuple_CheckExact(args)) {
                r = PyObject_Call(fn, args, NULL);
            }
            else {
                PyObject *tup = PySequence_Tuple(args);
                r = tup ? PyObject_Call(fn, tup, NULL) : NULL;
                Py_XDECREF(tup);
            }
            Py_DECREF(fn);
            Py_DECREF(args);
            if (r == NULL) goto done;
            Py_DECREF(r);
        }
        if (t < 0) goto done;
        if ((t = PyObject_IsTrue(mq)) < 0) goto done;
        if (t) {
            PyObject *r = call_global(d_tq, s_run_microtasks, NULL, 0);
            if (r == NULL) goto done;
            Py_DECREF(r);
            PyObject *fatal = global(d_loop, s__fatal);
            if (fatal == NULL) goto done;
            if ((t = PyObject_IsTrue(fatal)) < 0) goto done;
            if (t) break;
        }
        int qt = PyObject_IsTrue(q);
        if (qt < 0) goto done;
        int mt = qt ? 0 : PyObject_IsTrue(mq);
        if (mt < 0) goto done;
        if (qt || mt) continue;
        PyObject *pending = global(d_tq, s__rejections_pending);
        if (pending == NULL) goto done;
        PyObject *p0 = PySequence_GetItem(pending, 0);
        if (p0 == NULL) goto done;
        t = PyObject_IsTrue(p0);
        Py_DECREF(p0);
        if (t < 0) goto done;
        if (t) {
            PyObject *r = call_global(d_tq, s__process_rejections, NULL, 0);
            if (r == NULL) goto done;
            t = PyObject_IsTrue(r);
            Py_DECREF(r);
            if (t < 0) goto done;
            if (t) continue;
        }
        if ((qt = PyObject_IsTrue(q)) < 0) goto done;
        if ((mt = PyObject_IsTrue(mq)) < 0) goto done;
        if (!qt && !mt) break;
    }
    ret = Py_None;
done:
    Py_DECREF(q);
    Py_DECREF(mq);
    return ret == NULL ? NULL : Py_NewRef(Py_None);
}

/* -- Generic callback-scope helpers (issue 17, churn) ------------------------------------------
 * Exact translations of small module-level functions every accept/close goes through:
 * loop.make_callback (+ drain_ticks), uv.call, task_queues.next_tick. They involve no user
 * object, so there is no guard: only the module globals, looked up at call time as the
 * Python functions look them up. With set_enabled(False) each calls its Python original
 * (kept in its module as _py_<name>). They need only the low-level modules, imported
 * lazily here (never net/stream, so they work while those are being imported). */
static PyObject *d_uv;
static PyObject *py_drain_ticks; /* loop.drain_ticks as defined (identity check) */
static int low_configured = 0;

static int
low_ready(void)
{
    if (low_configured) return 0;
    if (mod_loop == NULL && (mod_loop = import_("nodenet_uv._binding.loop")) == NULL) return -1;
    d_loop = PyModule_GetDict(mod_loop);
    if (mod_uv == NULL && (mod_uv = import_("nodenet_uv._binding.uv")) == NULL) return -1;
    d_uv = PyModule_GetDict(mod_uv);
    if (mod_tq == NULL && (mod_tq = import_("nodenet_uv._internal.task_queues")) == NULL)
        return -1;
    d_tq = PyModule_GetDict(mod_tq);
    if (py_process_ticks == NULL &&
        (py_process_ticks = PyObject_GetAttr(mod_tq, s_process_ticks_and_rejections)) == NULL)
        return -1;
    if ((py_drain_ticks = PyObject_GetAttr(mod_loop, s__py_drain_ticks)) == NULL) return -1;
    low_configured = 1;
    return 0;
}

/* except BaseException as exc: _loop.trigger_uncaught_exception(exc) */
static int
report_uncaught(void)
{
    PyObject *v = fetch_exc();
    if (v == NULL) return 0;
    PyObject *f = loop_global(s_trigger_uncaught_exception);
    /* inside `except` in Python: the handlers see sys.exc_info() */
    PyObject *r2 = f ? call_in_except(f, &v, 1, v) : NULL;
    Py_DECREF(v);
    if (r2 == NULL) return -1;
    Py_DECREF(r2);
    return 0;
}

/* loop.drain_ticks */
static int
drain_ticks_c(void)
{
    PyObject *cb = loop_global(s__tick_callback);
    PyObject *r;
    if (cb == NULL) r = NULL;
    else if (cb == py_process_ticks && enabled) r = process_ticks_and_rejections();
    else r = PyObject_CallNoArgs(cb);
    if (r != NULL) {
        Py_DECREF(r);
        return 0;
    }
    return report_uncaught();
}

static PyObject *
fallback(PyObject *dict, PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    return call_global(dict, name, args, (size_t)nargs);
}

/* loop.make_callback(fn, *args): InternalMakeCallback. */
static PyObject *
make_callback(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (low_ready() < 0) return NULL;
    if (!enabled) return fallback(d_loop, s__py_make_callback, args, nargs);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "make_callback() missing 1 required argument: 'fn'");
        return NULL;
    }
    /* global scopes; scopes += 1 */
    PyObject *sc = global(d_loop, s_scopes);
    if (sc == NULL) return NULL;
    PyObject *one = PyLong_FromLong(1);
    PyObject *sc1 = one ? PyNumber_Add(sc, one) : NULL;
    Py_XDECREF(one);
    if (sc1 == NULL) return NULL;
    int e = PyDict_SetItem(d_loop, s_scopes, sc1);
    Py_DECREF(sc1);
    if (e < 0) return NULL;
    PyObject *r = PyObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), NULL);
    if (r == NULL) {
        if (report_uncaught() < 0) return NULL;
        Py_RETURN_NONE;
    }
    Py_DECREF(r);
    int t = queue_nonempty(s_tick_queue);
    if (t == 0) t = queue_nonempty(s_microtask_queue);
    if (t < 0) return NULL;
    if (t) {
        PyObject *dt = loop_global(s_drain_ticks);
        if (dt == NULL) return NULL;
        if (dt == py_drain_ticks || dt == c_drain_ticks) {
            if (drain_ticks_c() < 0) return NULL;
        }
        else {
            r = PyObject_CallNoArgs(dt);
            if (r == NULL) return NULL;
            Py_DECREF(r);
        }
    }
    Py_RETURN_NONE;
}

/* loop.drain_ticks() */
static PyObject *
sp_drain_ticks(PyObject *module, PyObject *unused)
{
    if (low_ready() < 0) return NULL;
    if (!enabled) return fallback(d_loop, s__py_drain_ticks, NULL, 0);
    if (drain_ticks_c() < 0) return NULL;
    Py_RETURN_NONE;
}

/* uv.call(fn, *args): 0, or the negative uv code of a PYUV_ERRORS exception. */
static PyObject *
uv_call(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (low_ready() < 0) return NULL;
    if (!enabled) return fallback(d_uv, s__py_call, args, nargs);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "call() missing 1 required argument: 'fn'");
        return NULL;
    }
    PyObject *r = PyObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), NULL);
    if (r != NULL) {
        Py_DECREF(r);
        return PyLong_FromLong(0);
    }
    PyObject *errs = global(d_uv, s_PYUV_ERRORS);
    if (errs == NULL) return NULL; /* replaces the pending exception, as Python's NameError */
    if (!PyErr_ExceptionMatches(errs)) return NULL;
    PyObject *exc = fetch_exc();
    if (exc == NULL) return NULL;
    PyObject *res = call_global(d_uv, s_convert_error, &exc, 1);
    Py_DECREF(exc);
    return res;
}

/* task_queues.next_tick(callback, *args) */
static PyObject *
next_tick(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (low_ready() < 0) return NULL;
    if (!enabled) {
        /* task_queues keeps its original as _py_next_tick when it switched to this one */
        PyObject *name = PyDict_GetItemWithError(d_tq, s__py_next_tick) ? s__py_next_tick
                                                                        : s_next_tick;
        if (PyErr_Occurred()) return NULL;
        return fallback(d_tq, name, args, nargs);
    }
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "next_tick() missing 1 required positional argument: 'callback'");
        return NULL;
    }
    /* if get_ident() != _loop._fast: _loop.enter_slow() */
    PyObject *lp = global(d_tq, s__loop);
    if (lp == NULL) return NULL;
    PyObject *fast = PyObject_GetAttr(lp, s__fast);
    if (fast == NULL) return NULL;
    unsigned long me = PyThread_get_thread_ident();
    int same;
    if (PyLong_CheckExact(fast)) {
        same = PyLong_AsUnsignedLong(fast) == me;
        if (PyErr_Occurred()) PyErr_Clear(); /* 0 or a thread ident */
    }
    else {
        PyObject *mine = PyLong_FromUnsignedLong(me);
        same = mine ? PyObject_RichCompareBool(mine, fast, Py_EQ) : -1;
        Py_XDECREF(mine);
    }
    Py_DECREF(fast);
    if (same < 0) return NULL;
    if (!same) {
        PyObject *r = PyObject_CallMethodNoArgs(lp, s_enter_slow);
        if (r == NULL) return NULL;
        Py_DECREF(r);
    }
    PyObject *q = global(d_tq, s__queue);
    if (q == NULL) return NULL;
    PyObject *rest = PyTuple_New(nargs - 1);
    if (rest == NULL) return NULL;
    for (Py_ssize_t i = 1; i < nargs; i++) PyTuple_SET_ITEM(rest, i - 1, Py_NewRef(args[i]));
    PyObject *item = PyTuple_Pack(2, args[0], rest);
    Py_DECREF(rest);
    if (item == NULL) return NULL;
    Py_INCREF(q);
    PyObject *r = PyObject_CallMethodOneArg(q, s_append, item);
    Py_DECREF(q);
    Py_DECREF(item);
    if (r == NULL) return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* -- Construction helpers: exact translations, fast case in C, anything else the Python
 * function (stream/state.py getHighWaterMark, _internal/naming.py node_options,
 * _internal/arity.py arg_limit). */
static PyObject *d_state, *d_naming, *d_arity;

static PyObject *
module_dict(PyObject **slot, const char *name)
{
    if (*slot == NULL) {
        PyObject *m = import_(name);
        if (m == NULL) return NULL;
        *slot = PyModule_GetDict(m); /* the module stays in sys.modules */
        Py_DECREF(m);
    }
    return *slot;
}

/* getHighWaterMark(state, options, duplexKey, isDuplex) */
static PyObject *
getHighWaterMark(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *d = module_dict(&d_state, "nodenet_uv.stream.state");
    if (d == NULL) return NULL;
    if (!enabled || nargs != 4 || !PyDict_CheckExact(args[1]))
        return fallback(d, s__py_getHighWaterMark, args, nargs);
    PyObject *options = args[1];
    PyObject *hwm = PyDict_GetItemWithError(options, s_highWaterMark);
    if (hwm == NULL && PyErr_Occurred()) return NULL;
    if (hwm == NULL || hwm == Py_None) {
        int dup = PyObject_IsTrue(args[3]);
        if (dup < 0) return NULL;
        hwm = NULL;
        if (dup) {
            if (!PyUnicode_CheckExact(args[2])) return fallback(d, s__py_getHighWaterMark, args, nargs);
            hwm = PyDict_GetItemWithError(options, args[2]);
            if (hwm == NULL && PyErr_Occurred()) return NULL;
            if (hwm == Py_None) hwm = NULL;
        }
    }
    if (hwm != NULL) {
        if (PyLong_CheckExact(hwm)) {
            int of;
            long v = PyLong_AsLongAndOverflow(hwm, &of);
            if (v == -1 && PyErr_Occurred()) return NULL;
            if (of > 0 || (of == 0 && v >= 0)) return Py_NewRef(hwm); /* type(hwm) is int, >= 0 */
        }
        return fallback(d, s__py_getHighWaterMark, args, nargs); /* floats, errors */
    }
    PyObject *om = PyObject_GetAttr(args[0], s_objectMode);
    if (om == NULL) return NULL;
    int t = PyObject_IsTrue(om);
    Py_DECREF(om);
    if (t < 0) return NULL;
    PyObject *v = global(d, t ? s__default_hwm_object_mode : s__default_hwm_bytes);
    return v ? Py_NewRef(v) : NULL;
}

/* node_options(options=None, kwargs=None, known=None, where=""): the no-kwargs case with an
 * exact dict that has no snake_case key (returned as it is), or a non-dict. */
static PyObject *
node_options(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *d = module_dict(&d_naming, "nodenet_uv._internal.naming");
    if (d == NULL) return NULL;
    if (!enabled || kwnames != NULL || nargs > 4) goto slow;
    PyObject *options = nargs > 0 ? args[0] : Py_None;
    if (nargs > 1 && args[1] != Py_None) {
        if (!PyDict_CheckExact(args[1]) || PyDict_GET_SIZE(args[1]) != 0) goto slow;
    }
    if (PyDict_CheckExact(options)) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(options, &pos, &k, &v)) {
            if (PyUnicode_CheckExact(k)) {
                Py_ssize_t n = PyUnicode_GET_LENGTH(k);
                int kind = PyUnicode_KIND(k);
                const void *data = PyUnicode_DATA(k);
                Py_ssize_t a = 0, b = n - 1;
                while (a < n && PyUnicode_READ(kind, data, a) == '_') a++;
                while (b >= a && PyUnicode_READ(kind, data, b) == '_') b--;
                for (Py_ssize_t i = a + 1; i < b; i++)
                    if (PyUnicode_READ(kind, data, i) == '_') goto slow; /* snake_case */
            }
            else if (PyUnicode_Check(k)) {
                goto slow;
            }
        }
        return Py_NewRef(options);
    }
    if (PyDict_Check(options)) goto slow;
    {
        PyObject *dict_type = (PyObject *)&PyDict_Type;
        int t = PyObject_IsInstance(options, dict_type);
        if (t < 0) return NULL;
        if (t) goto slow;
    }
    return Py_NewRef(options);
slow:;
    PyObject *f = global(d, s_node_options);
    if (f == NULL) return NULL;
    return PyObject_Vectorcall(f, args, (size_t)nargs, kwnames);
}

/* arity.arg_limit(fn) for a plain function or a bound method of one. */
static PyObject *
arg_limit(PyObject *module, PyObject *fn)
{
    PyObject *d = module_dict(&d_arity, "nodenet_uv._internal.arity");
    if (d == NULL) return NULL;
    if (enabled) {
        PyObject *func = NULL;
        int method = 0;
        if (Py_IS_TYPE(fn, &PyFunction_Type)) func = fn;
        else if (Py_IS_TYPE(fn, &PyMethod_Type) &&
                 Py_IS_TYPE(PyMethod_GET_FUNCTION(fn), &PyFunction_Type)) {
            func = PyMethod_GET_FUNCTION(fn);
            method = 1;
        }
        if (func != NULL) {
            PyCodeObject *code = (PyCodeObject *)PyFunction_GET_CODE(func);
            if (code->co_flags & CO_VARARGS) return PyLong_FromLong(-1);
            long n = code->co_argcount;
            if (method) n = n - 1 < 0 ? 0 : n - 1;
            return PyLong_FromLong(n);
        }
    }
    PyObject *f = global(d, s_arg_limit);
    if (f == NULL) return NULL;
    return PyObject_CallOneArg(f, fn);
}

/* pyuv's read callback, bound to the wrap (self): _on_read(handle, data, error). */
static PyObject *
LibuvStreamWrap_on_read(PyObject *wrap, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "_on_read() takes 3 arguments");
        return NULL;
    }
    if (!enabled) {
        PyObject *a[4] = {wrap, args[0], args[1], args[2]};
        return PyObject_Vectorcall(py_on_read, a, 4, NULL);
    }
    PyObject *data = args[1], *error = args[2];
    PyObject *nread;
    if (error == Py_None) {
        int t = PyObject_IsTrue(data);
        if (t < 0) return NULL;
        if (!t) Py_RETURN_NONE;
        PyObject *ub = HW(wrap, _user_buffer);
        if (ub == NULL) return NULL;
        if (ub != Py_None) {
            PyObject *r = PyObject_CallMethodOneArg(wrap, s__emit_user_reads, data);
            if (r == NULL) return NULL;
            Py_DECREF(r);
            Py_RETURN_NONE;
        }
        Py_ssize_t n = PyObject_Length(data);
        if (n < 0) return NULL;
        if (slot_add(wrap, hw_bytesRead, "bytesRead", n) < 0) return NULL;
        nread = PyLong_FromSsize_t(n);
        if (nread == NULL) return NULL;
    }
    else {
        nread = Py_NewRef(error);
        data = Py_None;
    }
    PyObject *onread = HW(wrap, onread);
    if (onread == NULL) {
        Py_DECREF(nread);
        return NULL;
    }
    if (onread == Py_None) {
        Py_DECREF(nread);
        Py_RETURN_NONE;
    }
    Py_INCREF(onread);
    PyObject *r;
    if (onread == py_onStreamRead) {
        r = onStreamRead(wrap, nread, data);
    }
    else {
        PyObject *a[3] = {wrap, nread, data};
        r = PyObject_Vectorcall(onread, a, 3, NULL);
    }
    Py_DECREF(onread);
    Py_DECREF(nread);
    if (r != NULL) {
        Py_DECREF(r);
        int t = queue_nonempty(s_tick_queue);
        if (t == 0) t = queue_nonempty(s_microtask_queue);
        if (t > 0) {
            PyObject *cb = loop_global(s__tick_callback);
            if (cb == NULL) r = NULL;
            else if (cb == py_process_ticks) r = process_ticks_and_rejections();
            else r = PyObject_CallNoArgs(cb);
            if (r != NULL) Py_DECREF(r);
        }
        else if (t == 0) {
            r = Py_None;
        }
        else {
            r = NULL;
        }
    }
    if (r == NULL) {
        /* except BaseException as exc: _loop.trigger_uncaught_exception(exc) */
        PyObject *v = fetch_exc();
        if (v == NULL) Py_RETURN_NONE;
        PyObject *f = loop_global(s_trigger_uncaught_exception);
        PyObject *r2 = f ? call_in_except(f, &v, 1, v) : NULL;
        Py_DECREF(v);
        if (r2 == NULL) return NULL;
        Py_DECREF(r2);
    }
    Py_RETURN_NONE;
}

static PyMethodDef on_read_def = {
    "_on_read", (PyCFunction)(void (*)(void))LibuvStreamWrap_on_read, METH_FASTCALL,
    "LibuvStreamWrap._on_read in C (bound to its wrap)."};

/* bind_on_read(wrap): what readStart hands pyuv: the C callback bound to the wrap when
 * the wrap is an unmodified TCP/Pipe, else wrap._on_read. */
static PyObject *
bind_on_read(PyObject *module, PyObject *wrap)
{
    if (ready()) {
        int ok = handle_ok(wrap);
        if (ok < 0) return NULL;
        if (ok) return PyCFunction_NewEx(&on_read_def, wrap, NULL);
    }
    return PyObject_GetAttr(wrap, s__on_read);
}

/* -- Socket.read(0) -> Readable.read(0) -> Socket._read (net.py, readable.py) ------------- */
static PyObject *
call_read0(PyObject *stream)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) return NULL;
    PyObject *r = PyObject_CallMethodOneArg(stream, s_read, zero);
    Py_DECREF(zero);
    return r;
}

/* Socket._read(hwm) for an unmodified Socket. */
static int
Socket__read(PyObject *stream, PyObject *hwm)
{
    PyObject *v = PyObject_GetAttr(stream, s_connecting);
    if (v == NULL) return -1;
    int c = truth(v);
    Py_DECREF(v);
    if (c < 0) return -1;
    PyObject *handle = PyObject_GetAttr(stream, s__handle);
    if (handle == NULL) return -1;
    if (c || handle == Py_None) {
        Py_DECREF(handle);
        PyObject *r = PyObject_CallMethodOneArg(stream, s__read, hwm);
        if (r == NULL) return -1;
        Py_DECREF(r);
        return 0;
    }
    v = PyObject_GetAttr(handle, s_reading);
    Py_DECREF(handle);
    int reading;
    if (v == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
        PyErr_Clear();
        reading = 0;
    }
    else {
        reading = truth(v);
        Py_DECREF(v);
        if (reading < 0) return -1;
    }
    if (!reading) {
        PyObject *r = call_global(d_net, s_tryReadStart, &stream, 1);
        if (r == NULL) return -1;
        Py_DECREF(r);
    }
    return 0;
}

/* Socket.read(0) (returns None, or NULL on error). */
static PyObject *
Socket_read0(PyObject *stream)
{
    int ok = socket_ok(stream, read0_names);
    if (ok > 0) ok = class_ok(&duplex_guard, Duplex_type);
    if (ok < 0) return NULL;
    if (!ok) return call_read0(stream);
    PyObject *v = PyObject_GetAttr(stream, s__k_buffer);
    if (v == NULL) return NULL;
    ok = v == Py_None;
    Py_DECREF(v);
    PyObject *state = NULL;
    if (ok) {
        if ((state = PyObject_GetAttr(stream, s__readableState)) == NULL) return NULL;
        if ((ok = class_ok(&rs_guard, Py_TYPE(state))) < 0) goto error;
    }
    Py_ssize_t hwm = 0, len = 0;
    int t;
    if (ok) ok = small_int(RS(state, highWaterMark), &hwm) && hwm >= 0 &&
                 small_int(RS(state, length), &len);
    if (ok) {
        /* read(0) with needReadable and enough buffered (or ended): Python. */
        if ((t = truth(RS(state, ended))) < 0) goto error;
        ok = !t;
    }
    if (ok) {
        if ((t = truth(RS(state, needReadable))) < 0) goto error;
        if (t && (hwm != 0 ? len >= hwm : len > 0)) ok = 0;
    }
    if (!ok) {
        Py_XDECREF(state);
        return call_read0(stream);
    }
    /* Readable.read(0), from do_read on (n == 0, not ended). */
    int do_read = 1; /* state.length - 0 < hwm, or length == 0... */
    if ((t = truth(RS(state, needReadable))) < 0) goto error;
    do_read = t || len == 0 || len < hwm;
    int no_read = 0;
    if ((t = truth(RS(state, reading))) < 0) goto error;
    no_read = t;
    if (!no_read) {
        if ((t = truth(RS(state, ended))) < 0) goto error;
        no_read = t;
    }
    if (!no_read) {
        if ((t = truth(RS(state, destroyed))) < 0) goto error;
        no_read = t;
    }
    if (!no_read) {
        if ((t = truth(RS(state, errored))) < 0) goto error;
        no_read = t;
    }
    if (!no_read) {
        if ((t = truth(RS(state, constructed))) < 0) goto error;
        no_read = !t;
    }
    if (!no_read && do_read) {
        RS_SET(state, reading, Py_True);
        RS_SET(state, sync, Py_True);
        PyObject *l = RS(state, length);
        if (l == NULL) goto error;
        Py_ssize_t lv;
        if (small_int(l, &lv) && lv == 0) RS_SET(state, needReadable, Py_True);
        else if (!PyLong_CheckExact(l)) {
            PyObject *zero = PyLong_FromLong(0);
            t = PyObject_RichCompareBool(l, zero, Py_EQ);
            Py_DECREF(zero);
            if (t < 0) goto error;
            if (t) RS_SET(state, needReadable, Py_True);
        }
        PyObject *h = RS(state, highWaterMark);
        if (h == NULL) goto error;
        Py_INCREF(h);
        int e = Socket__read(stream, h);
        Py_DECREF(h);
        if (e < 0) {
            if (!PyErr_ExceptionMatches(PyExc_Exception)) goto error;
            PyObject *ev = fetch_exc();
            PyObject *a[2] = {stream, ev};
            PyObject *f = global(d_readable, s_errorOrDestroy);
            PyObject *r = f ? call_in_except(f, a, 2, ev) : NULL;
            Py_XDECREF(ev);
            if (r == NULL) goto error;
            Py_DECREF(r);
        }
        RS_SET(state, sync, Py_False);
        /* `if not state.reading: n = howMuchToRead(0, state)`: 0. */
    }
    /* ret is None: n == 0 */
    PyObject *l = RS(state, length), *h = RS(state, highWaterMark);
    if (l == NULL || h == NULL) goto error;
    t = PyObject_RichCompareBool(l, h, Py_LE);
    if (t < 0) goto error;
    if (t) RS_SET(state, needReadable, Py_True);
    l = RS(state, length);
    if (l == NULL) goto error;
    PyObject *zero = PyLong_FromLong(0);
    t = PyObject_RichCompareBool(l, zero, Py_EQ);
    Py_DECREF(zero);
    if (t < 0) goto error;
    if (t) {
        int ended = truth(RS(state, ended));
        if (ended < 0) goto error;
        if (!ended) RS_SET(state, needReadable, Py_True);
        /* n_orig != n is False (both 0). */
    }
    Py_DECREF(state);
    Py_RETURN_NONE;
error:
    Py_XDECREF(state);
    return NULL;
}

/* -- maybeReadMore_ (readable.py) -------------------------------------------------------- */
static PyObject *
Readable_maybeReadMore_(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "maybeReadMore_() takes 2 arguments");
        return NULL;
    }
    PyObject *stream = args[0], *state = args[1];
    int ok = ready() ? class_ok(&rs_guard, Py_TYPE(state)) : 0;
    if (ok < 0) return NULL;
    if (!ok) return PyObject_Vectorcall(py_maybeReadMore_, args, 2, NULL);
    int t;
    for (;;) {
        if ((t = truth(RS(state, reading))) < 0) return NULL;
        if (t) break;
        if ((t = truth(RS(state, ended))) < 0) return NULL;
        if (t) break;
        PyObject *len = RS(state, length), *hwm = RS(state, highWaterMark);
        if (len == NULL || hwm == NULL) return NULL;
        if ((t = PyObject_RichCompareBool(len, hwm, Py_LT)) < 0) return NULL;
        if (!t) {
            PyObject *fl = RS(state, flowing);
            if (fl == NULL) return NULL;
            if (fl != Py_True) break;
            PyObject *zero = PyLong_FromLong(0);
            t = PyObject_RichCompareBool(len, zero, Py_EQ);
            Py_DECREF(zero);
            if (t < 0) return NULL;
            if (!t) break;
        }
        Py_INCREF(len);
        PyObject *r = enabled ? Socket_read0(stream) : call_read0(stream);
        if (r == NULL) {
            Py_DECREF(len);
            return NULL;
        }
        Py_DECREF(r);
        PyObject *now = RS(state, length);
        if (now == NULL) {
            Py_DECREF(len);
            return NULL;
        }
        t = PyObject_RichCompareBool(len, now, Py_EQ);
        Py_DECREF(len);
        if (t < 0) return NULL;
        if (t) break;
    }
    RS_SET(state, readingMore, Py_False);
    Py_RETURN_NONE;
}

/* -- Writable.write's fast branch for a Socket (writable.py, net.py, ...) ------------------ */
static PyObject *
ws_truth_any(PyObject *ws, int *out)
{
    /* objectMode or ending or destroyed or writing or corked or errored or not constructed */
    int t;
#define CHK(n, neg)                                   \
    if ((t = truth(WS(ws, n))) < 0) return NULL;      \
    if (neg ? !t : t) {                               \
        *out = 1;                                     \
        return Py_None;                               \
    }
    CHK(objectMode, 0) CHK(ending, 0) CHK(destroyed, 0) CHK(writing, 0) CHK(corked, 0)
    CHK(errored, 0) CHK(constructed, 1)
#undef CHK
    *out = 0;
    return Py_None;
}

/* next_tick(fn, *args) through writable.py's global. */
static int
writable_next_tick(PyObject *const *args, size_t n)
{
    PyObject *r = call_global(d_writable, s_next_tick, args, n);
    if (r == NULL) return -1;
    Py_DECREF(r);
    return 0;
}

/* writable.onwrite(stream) with no error (the write completed synchronously). */
static int
onwrite_ok(PyObject *stream, PyObject *state)
{
    int t;
    if ((t = truth(WS(state, expectWriteCb))) < 0) return -1;
    if (!t) {
        PyObject *r = PyObject_CallOneArg(py_onwrite, stream);
        if (r == NULL) return -1;
        Py_DECREF(r);
        return 0;
    }
    int sync = truth(WS(state, sync));
    if (sync < 0) return -1;
    PyObject *cb = WS(state, writecb);
    if (cb == NULL) return -1;
    Py_INCREF(cb);
    WS_SET(state, writecb, py_nop);
    WS_SET(state, writing, Py_False);
    WS_SET(state, expectWriteCb, Py_False);
    {
        PyObject *l = WS(state, length), *wl = WS(state, writelen);
        if (l == NULL || wl == NULL) goto error;
        PyObject *nl = PyNumber_Subtract(l, wl);
        if (nl == NULL) goto error;
        WS_SET(state, length, nl);
        Py_DECREF(nl);
        PyObject *zero = PyLong_FromLong(0);
        WS_SET(state, writelen, zero);
        Py_DECREF(zero);
    }
    PyObject *buffered = WS(state, _buffered);
    if (buffered == NULL) goto error;
    if (buffered != Py_None) {
        PyObject *a[2] = {stream, state};
        PyObject *r = call_global(d_writable, s_clearBuffer, a, 2);
        if (r == NULL) goto error;
        Py_DECREF(r);
    }
    PyObject *one = PyLong_FromLong(1);
    if (sync) {
        int need_tick = 0;
        if ((t = truth(WS(state, needDrain))) < 0) goto error1;
        if (t) {
            PyObject *l = WS(state, length);
            if (l == NULL) goto error1;
            PyObject *zero = PyLong_FromLong(0);
            t = PyObject_RichCompareBool(l, zero, Py_EQ);
            Py_DECREF(zero);
            if (t < 0) goto error1;
            need_tick = t;
        }
        if (!need_tick) {
            if ((t = truth(WS(state, objectMode))) < 0) goto error1;
            need_tick = t || cb != py_nop;
        }
        int count_down = 0;
        if (cb == py_nop) {
            if ((t = truth(WS(state, afterWritePending))) < 0) goto error1;
            if (!t && need_tick) {
                PyObject *f = global(d_writable, s_afterWrite);
                if (f == NULL) goto error1;
                PyObject *a[5] = {f, stream, state, one, cb};
                if (writable_next_tick(a, 5) < 0) goto error1;
                WS_SET(state, afterWritePending, Py_True);
            }
            else {
                count_down = 1;
            }
        }
        else {
            PyObject *info = WS(state, afterWriteTickInfo);
            if (info == NULL) goto error1;
            PyObject *icb = NULL;
            if (info != Py_None) {
                icb = PyObject_GetAttr(info, s_cb);
                if (icb == NULL) goto error1;
                Py_DECREF(icb);
            }
            if (info != Py_None && icb == cb) {
                PyObject *c = PyObject_GetAttr(info, s_count);
                if (c == NULL) goto error1;
                PyObject *c1 = PyNumber_Add(c, one);
                Py_DECREF(c);
                if (c1 == NULL) goto error1;
                t = PyObject_SetAttr(info, s_count, c1);
                Py_DECREF(c1);
                if (t < 0) goto error1;
            }
            else if (need_tick) {
                PyObject *a[4] = {one, cb, stream, state};
                PyObject *ni = call_global(d_writable, s__AfterWriteTickInfo, a, 4);
                if (ni == NULL) goto error1;
                WS_SET(state, afterWriteTickInfo, ni);
                PyObject *f = global(d_writable, s_afterWriteTick);
                if (f == NULL) {
                    Py_DECREF(ni);
                    goto error1;
                }
                PyObject *b[2] = {f, ni};
                t = writable_next_tick(b, 2);
                Py_DECREF(ni);
                if (t < 0) goto error1;
                WS_SET(state, afterWritePending, Py_True);
            }
            else {
                count_down = 1;
            }
        }
        if (count_down) {
            if (slot_add(state, ws_pendingcb, "pendingcb", -1) < 0) goto error1;
            if ((t = truth(WS(state, ending))) < 0) goto error1;
            if (t) {
                PyObject *a[3] = {stream, state, Py_True};
                PyObject *r = call_global(d_writable, s_finishMaybe, a, 3);
                if (r == NULL) goto error1;
                Py_DECREF(r);
            }
        }
    }
    else {
        PyObject *a[4] = {stream, state, one, cb};
        PyObject *r = call_global(d_writable, s_afterWrite, a, 4);
        if (r == NULL) goto error1;
        Py_DECREF(r);
    }
    Py_DECREF(one);
    Py_DECREF(cb);
    return 0;
error1:
    Py_DECREF(one);
error:
    Py_DECREF(cb);
    return -1;
}

/* LibuvStreamWrap.tryWriteBuffer(data, nbytes) for an unmodified TCP/Pipe (its own
 * loop-thread guard included, as in Python). -2 on a Python error. */
static long
tryWriteBuffer(PyObject *handle, PyObject *data, Py_ssize_t nbytes)
{
    /* INLINED(enter, _binding/loop.py): if get_ident() != _loop._fast: enter_slow() */
    PyObject *fast = global(d_loop, s__fast);
    if (fast == NULL) return -2;
    unsigned long me = PyThread_get_thread_ident();
    int same = PyLong_CheckExact(fast) && PyLong_AsUnsignedLong(fast) == me;
    if (PyErr_Occurred()) PyErr_Clear(); /* _fast is 0 or a thread ident */
    if (!same) {
        PyObject *r = call_global(d_loop, s_enter_slow, NULL, 0);
        if (r == NULL) return -2;
        Py_DECREF(r);
    }
    PyObject *st = HW(handle, state);
    if (st == NULL) return -2;
    int closed = PyObject_RichCompareBool(st, str_CLOSED, Py_EQ);
    if (closed < 0) return -2;
    if (closed) return UV_EINVAL_;
    if (slot_add(handle, hw_bytesWritten, "bytesWritten", nbytes) < 0) return -2;
    PyObject *h = HW(handle, _h);
    if (h == NULL) return -2;
    PyObject *r = PyObject_CallMethodOneArg(h, s_try_write_code, data);
    if (r == NULL) {
        if (PyErr_ExceptionMatches(py_HandleClosedError)) {
            PyErr_Clear();
            return UV_EBADF_;
        }
        return -2;
    }
    long w = PyLong_AsLong(r);
    Py_DECREF(r);
    if (w == -1 && PyErr_Occurred()) return -2;
    return w == UV_EAGAIN_ ? 0 : w;
}

/* Writable_write(stream, chunk): Writable.write(chunk) with no encoding and no callback,
 * for an unmodified Socket; None when the Python code must run (nothing was changed). */
static PyObject *
Writable_write(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "Writable_write() takes 2 arguments");
        return NULL;
    }
    PyObject *stream = args[0], *chunk = args[1];
    if (!ready() || !PyBytes_CheckExact(chunk)) Py_RETURN_NONE;
    int ok = socket_ok(stream, write_names);
    if (ok <= 0) return ok < 0 ? NULL : Py_NewRef(Py_None);
    PyObject *state = NULL, *handle = NULL, *v, *onwrite = NULL;
    int t;
    if ((state = PyObject_GetAttr(stream, s__writableState)) == NULL) return NULL;
    if ((ok = class_ok(&ws_guard, Py_TYPE(state))) < 0) goto error;
    if (!ok) goto fallback;
    if (ws_truth_any(state, &t) == NULL) goto error;
    if (t) goto fallback;
    /* Only a nop writecb and no buffered writes (the usual case) are taken here. */
    if ((v = WS(state, writecb)) == NULL) goto error;
    if (v != py_nop) goto fallback;
    if ((v = WS(state, _buffered)) == NULL) goto error;
    if (v != Py_None) goto fallback;
    /* state.onwrite is functools.partial(onwrite, stream). */
    if ((onwrite = WS(state, onwrite)) == NULL) goto error;
    Py_INCREF(onwrite);
    if (Py_TYPE(onwrite) != partial_type) goto fallback;
    {
        PyObject *f = PyObject_GetAttr(onwrite, s_func);
        if (f == NULL) goto error;
        ok = f == py_onwrite;
        Py_DECREF(f);
        if (!ok) goto fallback;
        PyObject *a = PyObject_GetAttr(onwrite, s_args);
        if (a == NULL) goto error;
        ok = PyTuple_CheckExact(a) && PyTuple_GET_SIZE(a) == 1 && PyTuple_GET_ITEM(a, 0) == stream;
        Py_DECREF(a);
        if (!ok) goto fallback;
        PyObject *k = PyObject_GetAttr(onwrite, s_keywords);
        if (k == NULL) goto error;
        ok = PyDict_Check(k) && PyDict_GET_SIZE(k) == 0;
        Py_DECREF(k);
        if (!ok) goto fallback;
    }
    /* Socket._write's fast branch: connected, a handle, no timeout, no parent. */
    if ((v = PyObject_GetAttr(stream, s_connecting)) == NULL) goto error;
    t = truth(v);
    Py_DECREF(v);
    if (t) {
        if (t < 0) goto error;
        goto fallback;
    }
    if ((handle = PyObject_GetAttr(stream, s__handle)) == NULL) goto error;
    if (handle == Py_None) goto fallback;
    if ((v = PyObject_GetAttr(stream, s__k_timeout)) == NULL) goto error;
    ok = v == Py_None;
    Py_DECREF(v);
    if (!ok) goto fallback;
    if ((v = PyObject_GetAttr(stream, s__parent)) == NULL) goto error;
    ok = v == Py_None;
    Py_DECREF(v);
    if (!ok) goto fallback;
    if ((ok = handle_ok(handle)) < 0) goto error;
    if (!ok) goto fallback;
    if ((v = global(d_net, s_writeGeneric)) == NULL) goto error;
    if (v != py_writeGeneric) goto fallback;

    /* Writable.write's fast branch. */
    Py_ssize_t length = PyBytes_GET_SIZE(chunk);
    PyObject *len_o = PyLong_FromSsize_t(length);
    if (len_o == NULL) goto error;
    if (slot_add(state, ws_pendingcb, "pendingcb", 1) < 0 ||
        slot_add(state, ws_length, "length", length) < 0) {
        Py_DECREF(len_o);
        goto error;
    }
    WS_SET(state, writelen, len_o);
    WS_SET(state, writing, Py_True);
    WS_SET(state, sync, Py_True);
    WS_SET(state, expectWriteCb, Py_True);
    /* Socket._write */
    if (PyObject_SetAttr(stream, s__pendingData, Py_None) < 0 ||
        PyObject_SetAttr(stream, s__pendingEncoding, s_empty) < 0) {
        Py_DECREF(len_o);
        goto error;
    }
    /* writeGeneric(self, data, 'buffer', onwrite) */
    long written = tryWriteBuffer(handle, chunk, length);
    if (written == -2) {
        Py_DECREF(len_o);
        goto error;
    }
    if (written == length) {
        if (onwrite_ok(stream, state) < 0) {
            Py_DECREF(len_o);
            goto error;
        }
    }
    else if (written < 0) {
        PyObject *errno_exc = PyObject_GetAttr(mod_errors, s_ErrnoException);
        PyObject *code = PyLong_FromLong(written), *exc = NULL;
        if (errno_exc && code) {
            PyObject *a[2] = {code, s_write_str};
            exc = PyObject_Vectorcall(errno_exc, a, 2, NULL);
        }
        Py_XDECREF(errno_exc);
        Py_XDECREF(code);
        if (exc == NULL) {
            Py_DECREF(len_o);
            goto error;
        }
        PyObject *r = PyObject_CallOneArg(onwrite, exc);
        Py_DECREF(exc);
        if (r == NULL) {
            Py_DECREF(len_o);
            goto error;
        }
        Py_DECREF(r);
    }
    else {
        PyObject *a[2] = {handle, onwrite};
        PyObject *req = call_global(d_sbc, s_createWriteWrap, a, 2);
        if (req == NULL) {
            Py_DECREF(len_o);
            goto error;
        }
        PyObject *rest;
        if (written) {
            PyObject *mv = PyMemoryView_FromObject(chunk);
            PyObject *start = PyLong_FromLong(written);
            PyObject *sl = start ? PySlice_New(start, NULL, NULL) : NULL;
            rest = (mv && sl) ? PyObject_GetItem(mv, sl) : NULL;
            Py_XDECREF(mv);
            Py_XDECREF(start);
            Py_XDECREF(sl);
        }
        else {
            rest = Py_NewRef(chunk);
        }
        PyObject *err = NULL;
        if (rest != NULL) {
            PyObject *wq = PyObject_GetAttr(handle, s_writeQueued);
            if (wq != NULL) {
                PyObject *b[3] = {req, rest, len_o};
                err = PyObject_Vectorcall(wq, b, 3, NULL);
                Py_DECREF(wq);
            }
            Py_DECREF(rest);
        }
        PyObject *r = NULL;
        if (err != NULL) {
            PyObject *c[3] = {req, err, onwrite};
            r = call_global(d_sbc, s_afterWriteDispatched, c, 3);
            Py_DECREF(err);
        }
        if (r != NULL) {
            Py_DECREF(r);
            /* Socket._write: if req.async_: self._k_last_write_queue_size = req.bytes */
            PyObject *as = PyObject_GetAttr(req, s_async_);
            t = as ? truth(as) : -1;
            Py_XDECREF(as);
            if (t > 0) {
                PyObject *b = PyObject_GetAttr(req, s_bytes);
                t = b ? PyObject_SetAttr(stream, s__k_last_write_queue_size, b) : -1;
                Py_XDECREF(b);
            }
            if (t < 0) r = NULL;
        }
        Py_DECREF(req);
        if (r == NULL) {
            Py_DECREF(len_o);
            goto error;
        }
    }
    Py_DECREF(len_o);
    /* back in Writable.write */
    WS_SET(state, sync, Py_False);
    PyObject *l = WS(state, length), *h = WS(state, highWaterMark);
    if (l == NULL || h == NULL) goto error;
    Py_ssize_t lv, hv;
    int ret;
    if (small_int(l, &lv) && small_int(h, &hv)) {
        ret = lv < hv || lv == 0;
    }
    else {
        ret = PyObject_RichCompareBool(l, h, Py_LT);
        if (ret == 0) {
            PyObject *zero = PyLong_FromLong(0);
            ret = PyObject_RichCompareBool(l, zero, Py_EQ);
            Py_DECREF(zero);
        }
        if (ret < 0) goto error;
    }
    if (!ret) WS_SET(state, needDrain, Py_True);
    PyObject *result = Py_False;
    if (ret) {
        if ((t = truth(WS(state, destroyed))) < 0) goto error;
        if (!t) {
            if ((t = truth(WS(state, errored))) < 0) goto error;
            if (!t) result = Py_True;
        }
    }
    Py_DECREF(onwrite);
    Py_DECREF(handle);
    Py_DECREF(state);
    return Py_NewRef(result);
fallback:
    Py_XDECREF(onwrite);
    Py_XDECREF(handle);
    Py_XDECREF(state);
    Py_RETURN_NONE;
error:
    Py_XDECREF(onwrite);
    Py_XDECREF(handle);
    Py_XDECREF(state);
    return NULL;
}

/* -- module ------------------------------------------------------------------------------ */
static PyObject *
sp_enabled(PyObject *module, PyObject *unused)
{
    return PyBool_FromLong(enabled && configured != -1);
}

static PyObject *
sp_set_enabled(PyObject *module, PyObject *flag)
{
    int t = PyObject_IsTrue(flag);
    if (t < 0) return NULL;
    int old = enabled;
    enabled = t;
    return PyBool_FromLong(old);
}

static PyObject *
sp_config_error(PyObject *module, PyObject *unused)
{
    ready();
    return Py_NewRef(config_error ? config_error : Py_None);
}

static PyMethodDef methods[] = {
    {"bind_on_read", bind_on_read, METH_O,
     "bind_on_read(wrap): pyuv's read callback for readStart (C when unmodified)."},
    {"Readable_maybeReadMore_", (PyCFunction)(void (*)(void))Readable_maybeReadMore_,
     METH_FASTCALL, "maybeReadMore_(stream, state) in C (readable.py's is the reference)."},
    {"Writable_write", (PyCFunction)(void (*)(void))Writable_write, METH_FASTCALL,
     "Writable_write(stream, chunk): Writable.write's fast branch for a Socket, or None."},
    {"make_callback", (PyCFunction)(void (*)(void))make_callback, METH_FASTCALL,
     "make_callback(fn, *args): loop.make_callback in C (loop.py's is the reference)."},
    {"drain_ticks", sp_drain_ticks, METH_NOARGS,
     "drain_ticks(): loop.drain_ticks in C (loop.py's is the reference)."},
    {"call", (PyCFunction)(void (*)(void))uv_call, METH_FASTCALL,
     "call(fn, *args): uv.call in C (uv.py's is the reference)."},
    {"next_tick", (PyCFunction)(void (*)(void))next_tick, METH_FASTCALL,
     "next_tick(callback, *args): task_queues.next_tick in C (the reference is Python)."},
    {"getHighWaterMark", (PyCFunction)(void (*)(void))getHighWaterMark, METH_FASTCALL,
     "getHighWaterMark(state, options, duplexKey, isDuplex): stream/state.py's, in C."},
    {"node_options", (PyCFunction)(void (*)(void))node_options, METH_FASTCALL | METH_KEYWORDS,
     "node_options(options, kwargs, known, where): _internal/naming.py's, in C (fast case)."},
    {"arg_limit", arg_limit, METH_O, "arg_limit(fn): _internal/arity.py's, in C (functions)."},
    {"enabled", sp_enabled, METH_NOARGS, "Whether the C paths are on."},
    {"set_enabled", sp_set_enabled, METH_O, "Turn the C paths on/off; returns the old flag."},
    {"config_error", sp_config_error, METH_NOARGS,
     "The exception that disabled the C paths at configuration, or None."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "nodenet_uv._speedups",
                                       "C accelerators for nodenet_uv's per-message path.", -1,
                                       methods};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    const char *pure = getenv("NODENET_UV_PURE");
    if (pure != NULL && pure[0] != '\0' && strcmp(pure, "0") != 0) {
        PyErr_SetString(PyExc_ImportError, "nodenet_uv._speedups: NODENET_UV_PURE is set");
        return NULL;
    }
#define INTERN(n) if ((s_##n = PyUnicode_InternFromString(#n)) == NULL) return NULL;
    NAMES(INTERN)
#undef INTERN
    if ((s_empty = PyUnicode_InternFromString("")) == NULL) return NULL;
    if ((s_write_str = PyUnicode_InternFromString("write")) == NULL) return NULL;
    if ((s_state_ = PyUnicode_InternFromString("state")) == NULL) return NULL;
    if ((s__h = PyUnicode_InternFromString("_h")) == NULL) return NULL;
    PyObject *m = PyModule_Create(&moduledef);
    if (m == NULL) return NULL;
    c_maybeReadMore_ = PyObject_GetAttrString(m, "Readable_maybeReadMore_");
    if (c_maybeReadMore_ == NULL) return NULL;
    c_drain_ticks = PyObject_GetAttrString(m, "drain_ticks");
    if (c_drain_ticks == NULL) return NULL;
    return m;
}
