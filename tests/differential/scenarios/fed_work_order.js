// ordered
// libuv 1.46's pending queue (uv__io_feed), which nodenet_uv emulates on libuv 1.13: a
// shutdown with nothing queued and a failed pipe connect are fed there, and it runs right
// after the poll phase (again while it refills), before the check phase. So 'finish'
// (the shutdown's callback) comes before setImmediate()s queued with end(), a second
// end() from a 'finish' listener finishes in the same turn, an immediate queued from
// 'finish' runs in that turn's check phase (before a due timer), and a pipe ENOENT
// comes before an immediate queued with the connect (c starts from a's timer, so the
// whole trace has one order).
'use strict';
const net = require('net');
const path = require('path');
const os = require('os');
const { mark } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer((s) => { s.resume(); s.on('end', () => s.end()); });
let closed = 0;
function done() {
  if (++closed === 3) server.close(() => mark('server', 'closed'));
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const b = net.connect(port, '127.0.0.1');
  b.resume();
  b.on('finish', () => mark('b', 'finish'));
  b.on('close', done);
  b.on('connect', () => {
    const a = net.connect(port, '127.0.0.1');
    a.resume();
    a.on('close', done);
    a.on('connect', () => {
      setTimeout(() => { mark('a', 'timeout'); pipeError(port); }, 0);
      setImmediate(() => mark('a', 'immediate-with-end'));
      a.end();
      a.on('finish', () => {
        const t = Date.now();
        while (Date.now() - t < 5);  // the timer is due by now
        mark('a', 'finish');
        b.end();
        setImmediate(() => mark('a', 'immediate-from-finish'));
      });
    });
  });
});

// Then, from a poll-phase callback: a failed pipe connect against an immediate.
function pipeError(port) {
  const c = net.connect(port, '127.0.0.1');
  c.resume();
  c.on('close', done);
  c.on('connect', () => {
    setImmediate(() => mark('c', 'immediate'));
    const p = net.connect(path.join(os.tmpdir(), 'nodenet-uv-no-such.sock'));
    p.on('error', (e) => { mark('p', 'error', e.code); c.end(); });
  });
}
