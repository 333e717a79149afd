// Rule 17 (§15): resetAndDestroy() closes with RST: the local socket gets only
// 'close'(false); the peer gets 'error' read ECONNRESET then 'close'(true). Both
// directions, plus resetAndDestroy() while connecting (it waits for 'connect').
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let closed = 0;
function done() { if (++closed === 5) server.close(); }

const server = net.createServer((sock) => {
  sock.on('close', done);
  sock.on('error', () => {});
  sock.once('data', (d) => {
    const label = `server-${d}`;
    trace(sock, label, ['data', 'end', 'error', 'close']);
    sock.on('error', (err) => mark(label, 'error:props', [err.errno, err.syscall]));
    sock.on('close', (hadError) => mark(label, 'close:destroyed', sock.destroyed));
    if (String(d) === 'A') {
      const r = sock.resetAndDestroy();
      mark(label, 'returns-this', r === sock);
      mark(label, 'after-reset', [sock.destroyed, sock.readyState]);
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  const a = trace(net.connect(port, '127.0.0.1', () => a.write('A')), 'client-A');
  a.resume();
  a.on('error', (err) => mark('client-A', 'error:props', [err.errno, err.syscall]));
  a.on('close', done);

  const b = trace(net.connect(port, '127.0.0.1', () => b.write('B')), 'client-B');
  b.on('close', done);
  // Reset once the server has read our byte (it then waits on the next read).
  setTimeout(() => b.resetAndDestroy(), 50);

  const c = trace(net.connect(port, '127.0.0.1'), 'client-C');
  c.resetAndDestroy();
  mark('client-C', 'after-reset', [c.destroyed, c.connecting]);
  c.on('close', done);
});
