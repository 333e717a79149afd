// ordered
// Rule 20 (§15): a Socket's 'close' comes from the uv_close callback, so after
// destroy() it follows nextTicks and even this loop turn's setImmediate(); a handle-less
// socket's 'close' is a plain nextTick; a Server's 'close' is a nextTick after close().
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const bare = trace(new net.Socket(), 'bare', ['close']);
bare.destroy();
process.nextTick(() => mark('bare', 'tick-after-destroy'));

const server = trace(net.createServer((sock) => {
  sock.on('error', () => {});
  sock.resume();
}), 'server', ['close']);

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  mark('server', 'listening');
  const client = trace(net.connect(server.address().port, '127.0.0.1', () => {
    client.destroy();
    mark('client', 'destroyed', client.destroyed);
    process.nextTick(() => mark('client', 'tick'));
    setImmediate(() => mark('client', 'immediate'));
  }), 'client', ['close']);
  client.on('close', () => {
    server.close(() => mark('server', 'close-cb'));
    process.nextTick(() => mark('server', 'tick-after-close'));
  });
});
