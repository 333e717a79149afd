// Rules 5, 9 (§15), §8: writes queued while connecting, then destroy() before the
// connection: the in-flight write's callback gets ERR_SOCKET_CLOSED_BEFORE_CONNECTION
// (from the 'close' it waited on), the buffered one ERR_STREAM_DESTROYED, no 'error'.
// A write queued before 'connect' whose connect callback destroys gets ERR_SOCKET_CLOSED.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let closed = 0;
const server = net.createServer((sock) => {
  sock.resume();
  sock.on('error', () => {});
});
function done() { if (++closed === 2) server.close(); }

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');

  const a = trace(net.connect(port, '127.0.0.1'), 'before-connect');
  a.write('one', (err) => mark('before-connect', 'cb-one', [err, a.destroyed]));
  a.write('two', (err) => mark('before-connect', 'cb-two', err));
  mark('before-connect', 'bytesWritten', a.bytesWritten);
  a.destroy();
  a.on('close', done);

  const b = trace(net.connect(port, '127.0.0.1', () => b.destroy()), 'in-connect-cb');
  b.write('one', (err) => mark('in-connect-cb', 'cb-one', err));
  b.on('close', done);
});
