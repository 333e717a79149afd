// Rules 15, 20 (§15), server side: listen() -> nextTick 'listening' (with a host, after
// the lookup); listen()+close() in the same tick -> only 'close' (nextTick, not tied to
// uv_close); close() of a server that is not listening -> cb(ERR_SERVER_NOT_RUNNING) and
// 'close' anyway, and again on a second close().
'use strict';
const net = require('net');
const { trace, mark } = require(process.env.NODENET_UV_TRACE_JS);

function addr(s) {
  const a = s.address();
  return a && [a.address, a.family, typeof a.port];
}

const a = trace(net.createServer(), 'no-host');
a.listen(0, () => {
  mark('no-host', 'cb:address', addr(a));
  a.close((err) => mark('no-host', 'close-cb', err));
  mark('no-host', 'after-close', [a.listening, a.address()]);
});
mark('no-host', 'after-listen', [a.listening, addr(a)]);
process.nextTick(() => mark('no-host', 'tick-after-listen'));

const b = trace(net.createServer(), 'with-host');
b.listen(0, '127.0.0.1', () => {
  mark('with-host', 'cb:address', addr(b));
  b.close();
});
mark('with-host', 'after-listen', [b.listening, b.address()]);

const c = trace(net.createServer(), 'listen-close');
c.listen(0);
c.close((err) => mark('listen-close', 'close-cb', err));
mark('listen-close', 'after-close', c.listening);
process.nextTick(() => mark('listen-close', 'tick'));

const d = trace(net.createServer(), 'host-listen-close');
d.listen(0, '127.0.0.1');
d.close((err) => mark('host-listen-close', 'close-cb', err));
setTimeout(() => mark('host-listen-close', 'later', d.listening), 20);

const e = trace(net.createServer(), 'never');
e.close((err) => {
  mark('never', 'close-cb', err);
  e.close((err2) => mark('never', 'close-cb-2', err2));
});
