// Node 24: a server's blockList closes a blocked peer's handle in onconnection: no
// 'connection', no 'drop' (unlike maxConnections, which Node 24 applies from 0 on:
// `maxConnections != null`). The client sees a connect, then the server's close.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const blockList = new net.BlockList();
blockList.addAddress('127.0.0.1');
const server = trace(net.createServer({ blockList }), 'server');
server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  client.on('error', () => {});
  client.on('close', () => {
    const zero = trace(net.createServer(), 'zero', ['listening', 'close']);
    zero.maxConnections = 0;
    zero.listen(0, '127.0.0.1', () => {
      alias(zero.address().port, '<port2>');
      const c2 = trace(net.connect(zero.address().port, '127.0.0.1'), 'client2');
      c2.on('error', () => {});
      c2.on('close', () => {
        zero.close();
        server.close();
      });
    });
    zero.on('drop', (data) => mark('zero', 'drop:keys', Object.keys(data)));
  });
});
