"""Differential test: the runtime's event orders (nextTick, microtasks, immediates, timers,
uncaught exceptions, run(), EventEmitter), node vs nodenet_uv.

Each scenario is a small program written twice, in JS and in Python, line by line alike.
Both run as their own process (``node -e`` and ``python -c``: an uncaught exception, an
unref'ed timer or 'beforeExit' are process-level matters) and print one line per event
with a synchronous write (``fs.writeSync``: console.log to a pipe is asynchronous in node,
and its write completions are callbacks that would move tick drains around). The two
outputs must be equal, line for line.

Only deterministic orders are compared: setTimeout(0) vs setImmediate from the main
program depends on how long the loop took to start, in node as here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nodenet_uv.testing.node_peer import find_node

pytestmark = pytest.mark.skipif(find_node() is None, reason="node not installed")

ROOT = Path(__file__).resolve().parents[2]

JS_PRELUDE = r"""
'use strict';
const fs = require('fs');
const events = require('events');
const { EventEmitter } = events;
const net = require('net');
const log = (...a) => fs.writeSync(1, a.join(' ') + '\n');
const busy = (ms) => { const s = Date.now(); while (Date.now() - s < ms); };
"""

PY_PRELUDE = r"""
import os, time
from nodenet_uv.testing.node_peer import find_node
from nodenet_uv import Promise, events, net, process, queueMicrotask, run
from nodenet_uv.events import EventEmitter
from nodenet_uv.timers import (clearImmediate, clearInterval, clearTimeout, setImmediate,
                               setInterval, setTimeout)

def log(*a):
    os.write(1, (" ".join(str(x) for x in a) + "\n").encode())

def busy(ms):
    s = time.monotonic()
    while time.monotonic() - s < ms / 1000:
        pass
"""

SCENARIOS: dict[str, tuple[str, str]] = {}


def scenario(name: str, js: str, py: str) -> None:
    SCENARIOS[name] = (js, py)


# -- queues from a timer callback ---------------------------------------------------------
scenario(
    "from_timer_callback",
    r"""
setTimeout(() => {
  log('timeout');
  setTimeout(() => log('timeout 0'), 0);
  setImmediate(() => log('immediate'));
  process.nextTick(() => log('tick 1'));
  Promise.resolve().then(() => log('promise'));
  queueMicrotask(() => log('microtask'));
  process.nextTick(() => log('tick 2'));
}, 1);
""",
    r"""
def cb():
    log('timeout')
    setTimeout(lambda: log('timeout 0'), 0)
    setImmediate(lambda: log('immediate'))
    process.nextTick(lambda: log('tick 1'))
    Promise.resolve().then(lambda v: log('promise'))
    queueMicrotask(lambda: log('microtask'))
    process.nextTick(lambda: log('tick 2'))

setTimeout(cb, 1)
run()
""",
)

# Two timers of one list, and two lists: ticks and microtasks run between each two.
scenario(
    "ticks_between_timers",
    r"""
for (const ms of [1, 1, 2]) {
  setTimeout(() => {
    log('timer', ms);
    process.nextTick(() => log('tick after', ms));
    Promise.resolve().then(() => log('promise after', ms));
  }, ms);
}
busy(5);
setImmediate(() => {
  log('immediate 1');
  process.nextTick(() => log('tick after immediate 1'));
});
setImmediate(() => log('immediate 2'));
""",
    r"""
def make(ms):
    def cb():
        log('timer', ms)
        process.nextTick(lambda: log('tick after', ms))
        Promise.resolve().then(lambda v: log('promise after', ms))
    return cb

for ms in [1, 1, 2]:
    setTimeout(make(ms), ms)
busy(5)

def imm1():
    log('immediate 1')
    process.nextTick(lambda: log('tick after immediate 1'))

setImmediate(imm1)
setImmediate(lambda: log('immediate 2'))
run()
""",
)

# -- queues from an I/O callback: an immediate always comes before a 0ms timer ----------
scenario(
    "from_io_callback",
    r"""
const server = net.createServer((sock) => {
  sock.on('data', (d) => {
    log('data', d.toString());
    setTimeout(() => { log('timeout 0'); sock.end(); }, 0);
    setImmediate(() => log('immediate'));
    process.nextTick(() => log('tick'));
    Promise.resolve().then(() => log('promise'));
  });
  sock.on('close', () => { log('server sock close'); server.close(() => log('server close')); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('x'));
  c.resume();
  c.on('end', () => log('client end'));
});
""",
    r"""
def on_connection(sock):
    def on_data(d):
        log('data', d.decode())

        def timeout0():
            log('timeout 0')
            sock.end()

        setTimeout(timeout0, 0)
        setImmediate(lambda: log('immediate'))
        process.nextTick(lambda: log('tick'))
        Promise.resolve().then(lambda v: log('promise'))

    def on_close():
        log('server sock close')
        server.close(lambda *a: log('server close'))

    sock.on('data', on_data)
    sock.on('close', on_close)

server = net.createServer(on_connection)

def on_listening():
    c = net.connect(server.address()['port'], '127.0.0.1', lambda: c.write('x'))
    c.resume()
    c.on('end', lambda: log('client end'))

server.listen(0, '127.0.0.1', on_listening)
run()
""",
)

# -- nested nextTicks and microtasks --------------------------------------------------
scenario(
    "nested_ticks",
    r"""
process.nextTick(() => {
  log('tick 1');
  process.nextTick(() => {
    log('tick 1.1');
    process.nextTick(() => log('tick 1.1.1'));
    setImmediate(() => log('immediate from tick 1.1'));
    Promise.resolve().then(() => log('promise from tick 1.1'));
  });
  Promise.resolve().then(() => {
    log('promise from tick 1');
    process.nextTick(() => log('tick from promise'));
    queueMicrotask(() => log('microtask from promise'));
  });
});
process.nextTick(() => log('tick 2'));
Promise.resolve().then(() => log('promise 1')).then(() => log('promise 1.1'));
queueMicrotask(() => {
  log('microtask 1');
  process.nextTick(() => log('tick from microtask'));
});
log('main end');
""",
    r"""
def tick1():
    log('tick 1')

    def tick11():
        log('tick 1.1')
        process.nextTick(lambda: log('tick 1.1.1'))
        setImmediate(lambda: log('immediate from tick 1.1'))
        Promise.resolve().then(lambda v: log('promise from tick 1.1'))

    process.nextTick(tick11)

    def p(v):
        log('promise from tick 1')
        process.nextTick(lambda: log('tick from promise'))
        queueMicrotask(lambda: log('microtask from promise'))

    Promise.resolve().then(p)

process.nextTick(tick1)
process.nextTick(lambda: log('tick 2'))
Promise.resolve().then(lambda v: log('promise 1')).then(lambda v: log('promise 1.1'))

def m1():
    log('microtask 1')
    process.nextTick(lambda: log('tick from microtask'))

queueMicrotask(m1)
log('main end')
run()
""",
)

# Promise resolution hops: adopting a promise costs two microtask turns, as in V8.
scenario(
    "promise_hops",
    r"""
const p = Promise.resolve('v');
new Promise((resolve) => resolve(p)).then(() => log('adopted'));
p.then(() => log('a1')).then(() => log('a2')).then(() => log('a3')).then(() => log('a4'));
Promise.reject(new Error('x')).catch(() => log('caught')).finally(() => log('finally'));
""",
    r"""
p = Promise.resolve('v')
Promise(lambda resolve, reject: resolve(p)).then(lambda v: log('adopted'))
p.then(lambda v: log('a1')).then(lambda v: log('a2')).then(lambda v: log('a3')).then(
    lambda v: log('a4'))
Promise.reject(Exception('x')).catch(lambda e: log('caught')).finally_(lambda: log('finally'))
run()
""",
)

# -- timers that re-arm, intervals that clear themselves, unref ----------------------------
scenario(
    "refresh_rearms",
    r"""
let n = 0;
const t = setTimeout(() => {
  log('fired', ++n, 'hasRef', t.hasRef());
  process.nextTick(() => log('tick after fire', n));
  if (n < 3) t.refresh();
  if (n === 2) t.unref();
}, 2);
setTimeout(() => log('keeps the loop up'), 30);
""",
    r"""
n = 0

def fire():
    global n
    n += 1
    log('fired', n, 'hasRef', str(t.hasRef()).lower())
    k = n
    process.nextTick(lambda: log('tick after fire', k))
    if n < 3:
        t.refresh()
    if n == 2:
        t.unref()

t = setTimeout(fire, 2)
setTimeout(lambda: log('keeps the loop up'), 30)
run()
""",
)

scenario(
    "interval_clears_itself",
    r"""
let i = 0;
const iv = setInterval((a, b) => {
  log('interval', ++i, a, b);
  process.nextTick(() => log('tick in interval', i));
  if (i === 4) { clearInterval(iv); log('cleared'); }
}, 1, 'x', 'y');
""",
    r"""
i = 0

def tick(a, b):
    global i
    i += 1
    log('interval', i, a, b)
    k = i
    process.nextTick(lambda: log('tick in interval', k))
    if i == 4:
        clearInterval(iv)
        log('cleared')

iv = setInterval(tick, 1, 'x', 'y')
run()
""",
)

scenario(
    "unref_does_not_keep_alive",
    r"""
setInterval(() => log('unref interval (never)'), 100).unref();
setTimeout(() => log('unref timeout (never)'), 1000).unref();
setImmediate(() => log('unref immediate (never)')).unref();
const t = setTimeout(() => log('ref then unref (never)'), 500);
t.unref();
log('hasRef', t.hasRef());
setTimeout(() => { log('last ref timer'); }, 5);
process.on('beforeExit', () => log('beforeExit'));
""",
    r"""
setInterval(lambda: log('unref interval (never)'), 100).unref()
setTimeout(lambda: log('unref timeout (never)'), 1000).unref()
setImmediate(lambda: log('unref immediate (never)')).unref()
t = setTimeout(lambda: log('ref then unref (never)'), 500)
t.unref()
log('hasRef', str(t.hasRef()).lower())
setTimeout(lambda: log('last ref timer'), 5)
process.on('beforeExit', lambda: log('beforeExit'))
run()
""",
)

# 'beforeExit' comes each time the loop runs dry; what its listener schedules runs.
scenario(
    "before_exit_schedules_more",
    r"""
let rounds = 0;
process.on('beforeExit', (code) => {
  log('beforeExit', code, ++rounds);
  if (rounds === 1) setTimeout(() => log('timer from beforeExit', rounds), 1);
  if (rounds === 2) {
    setImmediate(() => {
      log('immediate from beforeExit');
      setTimeout(() => log('timer from immediate'), 1);
    });
  }
});
setTimeout(() => log('first timer'), 1);
""",
    r"""
rounds = 0

def before_exit(code):
    global rounds
    rounds += 1
    log('beforeExit', code, rounds)
    if rounds == 1:
        r = rounds
        setTimeout(lambda: log('timer from beforeExit', r), 1)
    if rounds == 2:

        def imm():
            log('immediate from beforeExit')
            setTimeout(lambda: log('timer from immediate'), 1)

        setImmediate(imm)

process.on('beforeExit', before_exit)
setTimeout(lambda: log('first timer'), 1)
run()
""",
)

# -- uncaught exceptions --------------------------------------------------------------------
scenario(
    "uncaught_in_timer",
    r"""
process.on('uncaughtException', (e, origin) => log('uncaught', e.message, origin));
setTimeout(() => {
  log('T1');
  process.nextTick(() => log('tick from T1'));
  throw new Error('T1 failed');
}, 2);
setTimeout(() => log('T2 (same list)'), 2);
setTimeout(() => log('T3 (later list)'), 3);
busy(5);
""",
    r"""
process.on('uncaughtException', lambda e, origin: log('uncaught', e, origin))

def t1():
    log('T1')
    process.nextTick(lambda: log('tick from T1'))
    raise Exception('T1 failed')

setTimeout(t1, 2)
setTimeout(lambda: log('T2 (same list)'), 2)
setTimeout(lambda: log('T3 (later list)'), 3)
busy(5)
run()
""",
)

scenario(
    "uncaught_in_immediate",
    r"""
process.on('uncaughtException', (e) => log('uncaught', e.message));
setTimeout(() => {
  setImmediate(() => {
    log('I1');
    process.nextTick(() => log('tick from I1'));
    Promise.resolve().then(() => log('promise from I1'));
    busy(5);
    throw new Error('I1 failed');
  });
  setImmediate(() => log('I2'));
  setImmediate(() => log('I3'));
  setTimeout(() => log('T0'), 0);
}, 1);
""",
    r"""
process.on('uncaughtException', lambda e: log('uncaught', e))

def outer():
    def i1():
        log('I1')
        process.nextTick(lambda: log('tick from I1'))
        Promise.resolve().then(lambda v: log('promise from I1'))
        busy(5)
        raise Exception('I1 failed')

    setImmediate(i1)
    setImmediate(lambda: log('I2'))
    setImmediate(lambda: log('I3'))
    setTimeout(lambda: log('T0'), 0)

setTimeout(outer, 1)
run()
""",
)

scenario(
    "uncaught_in_tick",
    r"""
process.on('uncaughtException', (e) => log('uncaught', e.message));
setTimeout(() => {
  log('T');
  process.nextTick(() => { log('N1'); throw new Error('N1 failed'); });
  process.nextTick(() => { log('N2'); throw new Error('N2 failed'); });
  process.nextTick(() => log('N3'));
  queueMicrotask(() => { log('Q1'); throw new Error('Q1 failed'); });
  queueMicrotask(() => log('Q2'));
  setImmediate(() => {
    log('I');
    process.nextTick(() => { log('N4'); throw new Error('N4 failed'); });
    process.nextTick(() => log('N5'));
    setTimeout(() => log('T2'), 0);
    busy(5);
  });
}, 1);
""",
    r"""
process.on('uncaughtException', lambda e: log('uncaught', e))

def fail(name):
    def f():
        log(name)
        raise Exception(name + ' failed')
    return f

def outer():
    log('T')
    process.nextTick(fail('N1'))
    process.nextTick(fail('N2'))
    process.nextTick(lambda: log('N3'))
    queueMicrotask(fail('Q1'))
    queueMicrotask(lambda: log('Q2'))

    def imm():
        log('I')
        process.nextTick(fail('N4'))
        process.nextTick(lambda: log('N5'))
        setTimeout(lambda: log('T2'), 0)
        busy(5)

    setImmediate(imm)

setTimeout(outer, 1)
run()
""",
)

scenario(
    "uncaught_in_main_and_listener",
    r"""
process.on('uncaughtException', (e, origin) => log('uncaught', e.message, origin));
const ee = new EventEmitter();
ee.on('x', () => { throw new Error('listener failed'); });
ee.on('x', () => log('second listener (never)'));
setTimeout(() => { log('timer'); ee.emit('x'); log('after emit (never)'); }, 1);
setTimeout(() => log('timer 2'), 1);
process.nextTick(() => log('tick'));
throw new Error('main failed');
""",
    r"""
process.on('uncaughtException', lambda e, origin: log('uncaught', e, origin))
ee = EventEmitter()

def bad():
    raise Exception('listener failed')

ee.on('x', bad)
ee.on('x', lambda: log('second listener (never)'))

def timer():
    log('timer')
    ee.emit('x')
    log('after emit (never)')

setTimeout(timer, 1)
setTimeout(lambda: log('timer 2'), 1)
process.nextTick(lambda: log('tick'))

def main():
    raise Exception('main failed')

run(main)
""",
)

scenario(
    "unhandled_rejection",
    r"""
process.on('unhandledRejection', (reason, p) => log('unhandledRejection', reason.message));
process.nextTick(() => log('tick'));
Promise.reject(new Error('nobody'));
Promise.resolve().then(() => log('promise'));
const late = Promise.reject(new Error('handled in a tick'));
process.nextTick(() => late.catch(() => log('late catch')));
setTimeout(() => log('timer'), 1);
""",
    r"""
process.on('unhandledRejection', lambda reason, p: log('unhandledRejection', reason))
process.nextTick(lambda: log('tick'))
Promise.reject(Exception('nobody'))
Promise.resolve().then(lambda v: log('promise'))
late = Promise.reject(Exception('handled in a tick'))
process.nextTick(lambda: late.catch(lambda e: log('late catch')))
setTimeout(lambda: log('timer'), 1)
run()
""",
)

# -- an async main ----------------------------------------------------------------------
scenario(
    "async_main_once",
    r"""
async function main() {
  log('main start');
  const ee = new EventEmitter();
  setTimeout(() => {
    log('emit');
    ee.emit('x', 1, 2);
    Promise.resolve().then(() => log('p1')).then(() => log('p2')).then(() => log('p3'))
      .then(() => log('p4'));
    process.nextTick(() => log('tick after emit'));
  }, 1);
  process.nextTick(() => log('tick'));
  const args = await events.once(ee, 'x');
  log('got', args.join(','));
  setImmediate(() => ee.emit('error', new Error('boom')));
  try {
    await events.once(ee, 'never');
  } catch (e) {
    log('rejected', e.message);
  }
  log('listeners left', ee.listenerCount('never'), ee.listenerCount('error'));
  return 'done';
}
main().then((v) => log('main resolved', v));
""",
    r"""
async def main():
    log('main start')
    ee = EventEmitter()

    def emit():
        log('emit')
        ee.emit('x', 1, 2)
        Promise.resolve().then(lambda v: log('p1')).then(lambda v: log('p2')).then(
            lambda v: log('p3')).then(lambda v: log('p4'))
        process.nextTick(lambda: log('tick after emit'))

    setTimeout(emit, 1)
    process.nextTick(lambda: log('tick'))
    args = await events.once(ee, 'x')
    log('got', ','.join(str(a) for a in args))
    setImmediate(lambda: ee.emit('error', Exception('boom')))
    try:
        await events.once(ee, 'never')
    except Exception as e:
        log('rejected', e)
    log('listeners left', ee.listenerCount('never'), ee.listenerCount('error'))
    return 'done'

log('main resolved', run(main()))
""",
)

# events.on: values/errors/close against ticks and microtasks, next() by hand, watermarks
# (pause/resume), throw(), an abort, option validation. (Leaving a loop with `break` is
# not compared: JS's for-await awaits return(), one microtask turn Python's async for
# does not take; see EventEmitterAsyncIterator.)
scenario(
    "events_on_iterator",
    r"""
const fmt = (r) => `${r.done} ${r.value === undefined ? 'undefined' : r.value.join(',')}`;
async function main() {
  // Values, then 'end' (a close event): the loop ends; what is emitted after is not seen.
  const ee = new EventEmitter();
  setTimeout(() => {
    ee.emit('foo', 1);
    Promise.resolve().then(() => log('p1')).then(() => log('p2')).then(() => log('p3'));
    process.nextTick(() => log('tick'));
    ee.emit('foo', 2, 'b');
    ee.emit('end');
    ee.emit('foo', 3);
  }, 1);
  for await (const v of events.on(ee, 'foo', { close: ['end'] })) {
    log('value', v.join(','));
  }
  log('loop done', ee.listenerCount('foo'), ee.listenerCount('end'), ee.listenerCount('error'));

  // next() by hand: a pending next() gets the value, the next one the error, then done.
  const ee2 = new EventEmitter();
  const it = events.on(ee2, 'x');
  const n1 = it.next();
  const n2 = it.next();
  n1.then((r) => log('n1', fmt(r)));
  n2.then(() => log('n2 (never)'), (e) => log('n2 rejected', e.message));
  ee2.emit('x', 'a');
  ee2.emit('error', new Error('boom'));
  log('n3', fmt(await it.next()));
  log('listeners', ee2.listenerCount('x'), ee2.listenerCount('error'));

  // Queued values come before the error.
  const ee5 = new EventEmitter();
  setImmediate(() => { ee5.emit('q', 1); ee5.emit('q', 2); ee5.emit('error', new Error('late')); });
  try {
    for await (const v of events.on(ee5, 'q')) log('q', v[0]);
  } catch (e) {
    log('q error', e.message);
  }

  // Watermarks: pause() above the high mark, resume() below the low one.
  class P extends EventEmitter {
    pause() { log('pause'); }
    resume() { log('resume'); }
  }
  const pe = new P();
  const wit = events.on(pe, 'v', { highWaterMark: 2, lowWaterMark: 1 });
  const wm = wit[Symbol.for('nodejs.watermarkData')];
  for (let i = 0; i < 4; i++) pe.emit('v', i);
  log('size', wm.size, 'paused', wm.isPaused, 'high', wm.high, 'low', wm.low);
  for (let i = 0; i < 4; i++) {
    const r = await wit.next();
    log('got', r.value[0], 'size', wm.size, 'paused', wm.isPaused);
  }
  log('return', fmt(await wit.return()), pe.listenerCount('v'));

  // throw(): validated; returns nothing; the next next() rejects, then done.
  const ee3 = new EventEmitter();
  const it3 = events.on(ee3, 'y');
  try { it3.throw(); } catch (e) { log(e.code, e.message); }
  log('throw returns', String(it3.throw(new Error('stop'))));
  it3.next().then(() => log('after throw (never)'), (e) => log('rejected', e.message));
  it3.next().then((r) => log('then', fmt(r)));

  // An abort while the loop body runs: the loop ends with an AbortError.
  const ac = new AbortController();
  const ee4 = new EventEmitter();
  setTimeout(() => { ee4.emit('z', 1); ac.abort(); ee4.emit('z', 2); }, 1);
  try {
    for await (const v of events.on(ee4, 'z', { signal: ac.signal })) log('z', v[0]);
  } catch (e) {
    log('aborted', e.name, e.code);
  }

  for (const o of [{ highWaterMark: 0 }, { lowWaterMark: 1.5 }, { signal: 'x' }]) {
    try { events.on(ee, 'foo', o); } catch (e) { log(e.code, e.message); }
  }
  return 'done';
}
main().then((v) => log('main resolved', v));
""",
    r"""
from nodenet_uv.abort_controller import AbortController

def fmt(r):
    v = 'undefined' if r['value'] is None else ','.join(str(x) for x in r['value'])
    return f"{str(r['done']).lower()} {v}"

async def main():
    # Values, then 'end' (a close event): the loop ends; what is emitted after is not seen.
    ee = EventEmitter()

    def t1():
        ee.emit('foo', 1)
        Promise.resolve().then(lambda v: log('p1')).then(lambda v: log('p2')).then(
            lambda v: log('p3'))
        process.nextTick(lambda: log('tick'))
        ee.emit('foo', 2, 'b')
        ee.emit('end')
        ee.emit('foo', 3)

    setTimeout(t1, 1)
    async for v in events.on(ee, 'foo', {'close': ['end']}):
        log('value', ','.join(str(x) for x in v))
    log('loop done', ee.listenerCount('foo'), ee.listenerCount('end'), ee.listenerCount('error'))

    # next() by hand: a pending next() gets the value, the next one the error, then done.
    ee2 = EventEmitter()
    it = events.on(ee2, 'x')
    n1 = it.next()
    n2 = it.next()
    n1.then(lambda r: log('n1', fmt(r)))
    n2.then(lambda r: log('n2 (never)'), lambda e: log('n2 rejected', e))
    ee2.emit('x', 'a')
    ee2.emit('error', Exception('boom'))
    log('n3', fmt(await it.next()))
    log('listeners', ee2.listenerCount('x'), ee2.listenerCount('error'))

    # Queued values come before the error.
    ee5 = EventEmitter()

    def i5():
        ee5.emit('q', 1)
        ee5.emit('q', 2)
        ee5.emit('error', Exception('late'))

    setImmediate(i5)
    try:
        async for v in events.on(ee5, 'q'):
            log('q', v[0])
    except Exception as e:
        log('q error', e)

    # Watermarks: pause() above the high mark, resume() below the low one.
    class P(EventEmitter):
        def pause(self):
            log('pause')

        def resume(self):
            log('resume')

    pe = P()
    wit = events.on(pe, 'v', {'highWaterMark': 2, 'lowWaterMark': 1})
    wm = getattr(wit, events.kWatermarkData)
    for i in range(4):
        pe.emit('v', i)
    log('size', wm.size, 'paused', str(wm.isPaused).lower(), 'high', wm.high, 'low', wm.low)
    for i in range(4):
        r = await wit.next()
        log('got', r['value'][0], 'size', wm.size, 'paused', str(wm.isPaused).lower())
    log('return', fmt(await wit.return_()), pe.listenerCount('v'))

    # throw(): validated; returns nothing; the next next() rejects, then done.
    ee3 = EventEmitter()
    it3 = events.on(ee3, 'y')
    try:
        it3.throw()
    except Exception as e:
        log(e.code, e)
    ret = it3.throw(Exception('stop'))
    log('throw returns', 'undefined' if ret is None else ret)
    it3.next().then(lambda r: log('after throw (never)'), lambda e: log('rejected', e))
    it3.next().then(lambda r: log('then', fmt(r)))

    # An abort while the loop body runs: the loop ends with an AbortError.
    ac = AbortController()
    ee4 = EventEmitter()

    def t4():
        ee4.emit('z', 1)
        ac.abort()
        ee4.emit('z', 2)

    setTimeout(t4, 1)
    try:
        async for v in events.on(ee4, 'z', {'signal': ac.signal}):
            log('z', v[0])
    except Exception as e:
        log('aborted', e.name, e.code)

    for o in [{'highWaterMark': 0}, {'lowWaterMark': 1.5}, {'signal': 'x'}]:
        try:
            events.on(ee, 'foo', o)
        except Exception as e:
            log(e.code, e)
    return 'done'

log('main resolved', run(main()))
""",
)

# -- EventEmitter edge cases ----------------------------------------------------------------
scenario(
    "emitter_edges",
    r"""
const ee = new EventEmitter();
ee.on('newListener', (ev, fn) => log('newListener', String(ev), fn.name || '(anonymous)'));
ee.on('removeListener', (ev, fn) => log('removeListener', String(ev), fn.name || '(anonymous)'));
function a() { log('a'); ee.removeListener('e', b); ee.on('e', c); }
function b() { log('b (still called: emit iterates a snapshot)'); }
function c() { log('c'); }
function first() { log('first (prepended once)'); }
function second() { log('second (once)'); }
ee.on('e', a);
ee.on('e', b);
ee.once('e', second);
ee.prependOnceListener('e', first);
ee.emit('e');
log('--');
ee.emit('e');
log('count', ee.listenerCount('e'), ee.rawListeners('e').length);
ee.removeAllListeners('e');
ee.on(events.errorMonitor, (err) => log('errorMonitor', err instanceof Error ? err.message : 'non-error'));
try { ee.emit('error', new Error('no listener')); } catch (e) { log('threw', e.message); }
try { ee.emit('error', 'a string'); } catch (e) { log('threw', e.code, e.message); }
try { ee.emit('error'); } catch (e) { log('threw', e.code, e.message); }
try { ee.emit('error', { code: 42 }); } catch (e) { log('threw', e.code, e.message); }
ee.once('error', (err) => log('error listener', err.message));
log('emit returns', ee.emit('error', new Error('handled')));
log('emit returns', ee.emit('nothing'));
log('names', ee.eventNames().map(String).join(','));
ee.removeAllListeners();
log('names after removeAll', ee.eventNames().map(String).join(','));
""",
    r"""
ee = EventEmitter()

def name(fn):
    return '(anonymous)' if fn.__name__ == '<lambda>' else fn.__name__

ee.on('newListener', lambda ev, fn: log('newListener', ev, name(fn)))
ee.on('removeListener', lambda ev, fn: log('removeListener', ev, name(fn)))

def a():
    log('a')
    ee.removeListener('e', b)
    ee.on('e', c)

def b():
    log('b (still called: emit iterates a snapshot)')

def c():
    log('c')

def first():
    log('first (prepended once)')

def second():
    log('second (once)')

ee.on('e', a)
ee.on('e', b)
ee.once('e', second)
ee.prependOnceListener('e', first)
ee.emit('e')
log('--')
ee.emit('e')
log('count', ee.listenerCount('e'), len(ee.rawListeners('e')))
ee.removeAllListeners('e')

# err=None: emit('error') passes no argument (JS would bind undefined to a missing one).
ee.on(events.errorMonitor,
      lambda err=None: log('errorMonitor', err if isinstance(err, Exception) else 'non-error'))
for arg in [(Exception('no listener'),), ('a string',), (), ({'code': 42},)]:
    try:
        ee.emit('error', *arg)
    except Exception as e:
        if getattr(e, 'code', None):
            log('threw', e.code, e)
        else:
            log('threw', e)

ee.once('error', lambda err: log('error listener', err))
log('emit returns', str(ee.emit('error', Exception('handled'))).lower())
log('emit returns', str(ee.emit('nothing')).lower())
log('names', ','.join(str(n) for n in ee.eventNames()))
ee.removeAllListeners()
log('names after removeAll', ','.join(str(n) for n in ee.eventNames()))
run()
""",
)


# -- timers/promises: promise timers against callback timers, ticks, microtasks, aborts ----
# setTimeout/setImmediate promises resolve from their timer (a microtask after it) and an
# abort rejects them at once, before the listener cleanup (a finally, a microtask later);
# a fired timer's abort listener is gone by the time its promise's reaction runs. Then
# await, scheduler.yield, a setInterval loop ended by an abort, validation, scheduler.wait.
scenario(
    "timers_promises",
    r"""
const tp = require('timers/promises');
const show = (label) => [(v) => log(label, 'resolved', v),
                         (e) => log(label, 'rejected', e.name, e.code, e.cause)];
const count = (signal) => events.getEventListeners(signal, 'abort').length;
setTimeout(() => {
  log('timeout cb');
  tp.setTimeout(1, 'pt').then(...show('promise timeout'));
  setTimeout(() => { log('callback timeout'); main(); }, 1);
  tp.setImmediate('pi').then(...show('promise immediate'));
  setImmediate(() => log('callback immediate'));
  process.nextTick(() => log('tick'));
  Promise.resolve().then(() => log('microtask'));
  const ac = new AbortController();
  ac.signal.addEventListener('abort', () => log('user abort listener'));
  tp.setTimeout(1, 'never', { signal: ac.signal }).then(...show('aborted timeout'));
  tp.setImmediate('never', { signal: ac.signal }).then(...show('aborted immediate'));
  log('listeners', count(ac.signal));
  process.nextTick(() => {
    log('abort');
    ac.abort('why');
    log('listeners after abort', count(ac.signal));
  });
  const ac2 = new AbortController();
  tp.setImmediate('fired', { signal: ac2.signal }).then((v) => {
    log('fired resolved', v, 'listeners', count(ac2.signal));
    ac2.abort();
  });
}, 1);

async function main() {
  log('main');
  process.nextTick(() => log('tick in main'));
  Promise.resolve().then(() => log('microtask in main'));
  log('await immediate', await tp.setImmediate('x'));
  log('await timeout', await tp.setTimeout(1, 'y'));
  await tp.scheduler.yield();
  log('after yield');
  const ac = new AbortController();
  const it = tp.setInterval(1, 'iv', { signal: ac.signal });
  let n = 0;
  try {
    for await (const v of it) {
      log('interval', v, ++n);
      if (n === 2) {
        setImmediate(() => { log('abort interval'); ac.abort('stop'); });
        Promise.resolve().then(() => log('microtask in loop'));
      }
    }
  } catch (e) {
    log('interval ended', e.name, e.code, e.cause, 'listeners', count(ac.signal));
  }
  try {
    await tp.setTimeout(1, null, { ref: 1 });
  } catch (e) {
    log('bad ref', e.code, e.message);
  }
  try {
    await tp.scheduler.wait(1, { signal: AbortSignal.abort('early') });
  } catch (e) {
    log('wait aborted', e.name, e.code, e.message, e.cause);
  }
}
""",
    r"""
from nodenet_uv._internal.promise import spawn
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.timers import promises as tp

def show(label):
    return [lambda v: log(label, 'resolved', v),
            lambda e: log(label, 'rejected', e.name, e.code, e.cause)]

def count(signal):
    return len(events.getEventListeners(signal, 'abort'))

def cb():
    log('timeout cb')
    tp.setTimeout(1, 'pt').then(*show('promise timeout'))

    def callback_timeout():
        log('callback timeout')
        spawn(main())

    setTimeout(callback_timeout, 1)
    tp.setImmediate('pi').then(*show('promise immediate'))
    setImmediate(lambda: log('callback immediate'))
    process.nextTick(lambda: log('tick'))
    Promise.resolve().then(lambda v: log('microtask'))
    ac = AbortController()
    ac.signal.addEventListener('abort', lambda: log('user abort listener'))
    tp.setTimeout(1, 'never', {'signal': ac.signal}).then(*show('aborted timeout'))
    tp.setImmediate('never', {'signal': ac.signal}).then(*show('aborted immediate'))
    log('listeners', count(ac.signal))

    def abort():
        log('abort')
        ac.abort('why')
        log('listeners after abort', count(ac.signal))

    process.nextTick(abort)
    ac2 = AbortController()

    def fired(v):
        log('fired resolved', v, 'listeners', count(ac2.signal))
        ac2.abort()

    tp.setImmediate('fired', {'signal': ac2.signal}).then(fired)

setTimeout(cb, 1)

async def main():
    log('main')
    process.nextTick(lambda: log('tick in main'))
    Promise.resolve().then(lambda v: log('microtask in main'))
    log('await immediate', await tp.setImmediate('x'))
    log('await timeout', await tp.setTimeout(1, 'y'))
    await tp.scheduler.yield_()
    log('after yield')
    ac = AbortController()
    it = tp.setInterval(1, 'iv', {'signal': ac.signal})
    n = 0

    def abort_interval():
        log('abort interval')
        ac.abort('stop')

    try:
        async for v in it:
            n += 1
            log('interval', v, n)
            if n == 2:
                setImmediate(abort_interval)
                Promise.resolve().then(lambda v: log('microtask in loop'))
    except Exception as e:
        log('interval ended', e.name, e.code, e.cause, 'listeners', count(ac.signal))
    try:
        await tp.setTimeout(1, None, {'ref': 1})
    except Exception as e:
        log('bad ref', e.code, e)
    try:
        await tp.scheduler.wait(1, {'signal': AbortSignal.abort('early')})
    except Exception as e:
        log('wait aborted', e.name, e.code, e, e.cause)

run()
""",
)


def _run(cmd: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    return proc.stdout + (f"exit {proc.returncode}\n" if proc.returncode else "")


def node_output(js: str) -> str:
    return _run(["node", "-e", JS_PRELUDE + js])


def python_output(py: str) -> str:
    return _run([sys.executable, "-c", PY_PRELUDE + py])


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_runtime_order_matches_node(name: str) -> None:
    js, py = SCENARIOS[name]
    expected = node_output(js)
    assert expected.strip(), "the node side printed nothing"
    assert python_output(py).splitlines() == expected.splitlines()
