// Rule 9 (§15): destroy(err) on a connected socket: callbacks of buffered writes get
// ERR_STREAM_DESTROYED first, then nextTick 'error'(err), then uv 'close'(true). The
// peer (which never read: pauseOnConnect) sees the connection go away.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ pauseOnConnect: true }, (sock) => {
  sock.on('error', (err) => mark('server-socket', 'error-seen', true));
  sock.on('close', () => server.close());
  setTimeout(() => sock.resume(), 50);
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  client.on('connect', () => {
    // 16 MiB cannot all be taken by the kernel at once: the write stays in flight.
    const r1 = client.write(Buffer.alloc(16 * 1024 * 1024), (err) => mark('client', 'cb1', err));
    const r2 = client.write('buffered', (err) => mark('client', 'cb2', err));
    mark('client', 'write-returns', [r1, r2]);
    const boom = new Error('boom');
    boom.code = 'EBOOM';
    client.destroy(boom);
    mark('client', 'after-destroy', [client.destroyed, client.readyState, client.errored === boom]);
    process.nextTick(() => mark('client', 'tick-after-destroy'));
  });
  client.on('error', (err) => mark('client', 'error:same', err === client.errored));
  client.on('close', () => mark('client', 'bytesWritten>0', client.bytesWritten > 0));
});
