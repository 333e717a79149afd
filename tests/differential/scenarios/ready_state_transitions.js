// §16 readyState transitions: new -> 'open'; connect() -> 'opening'; end() while
// connecting -> still 'opening' (the shutdown waits for 'connect'); 'connect' ->
// 'readOnly' (writable side already ended); 'finish'; peer's FIN -> 'closed'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  sock.on('data', () => {});
  sock.on('end', () => setTimeout(() => sock.end('bye'), 20));
  sock.on('close', () => server.close());
});

function state(s) {
  return [s.readyState, s.pending, s.connecting, s.readable, s.writable];
}

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const s = new net.Socket();
  trace(s, 'client', ['connect', 'ready', 'prefinish', 'finish', 'end', 'close']);
  mark('client', 'new', state(s));
  s.connect(server.address().port, '127.0.0.1');
  mark('client', 'connect()', state(s));
  s.end('hi');
  mark('client', 'end() while connecting', state(s));
  s.on('connect', () => mark('client', 'connect', state(s)));
  s.on('ready', () => mark('client', 'ready', state(s)));
  s.on('finish', () => mark('client', 'finish', state(s)));
  s.on('data', () => mark('client', 'data', state(s)));
  s.on('end', () => mark('client', 'end', state(s)));
  s.on('close', () => mark('client', 'close', state(s)));
});
