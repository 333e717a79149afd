// Rule 14 (§15): 'timeout' comes from an idle timer, does not close the socket, and any
// later activity (here: data from the peer) re-arms it, so a second 'timeout' fires.
// setTimeout(0) disarms it. The 'timeout' property keeps the last value.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let serverSock;
const server = net.createServer((sock) => {
  serverSock = sock;
  sock.resume();
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client');
  client.on('data', () => mark('client', 'data:timeout-prop', client.timeout));
  client.setTimeout(40);
  mark('client', 'timeout-prop', client.timeout);
  let timeouts = 0;
  client.on('timeout', () => {
    timeouts++;
    mark('client', 'timeout:state', [client.readyState, client.destroyed]);
    if (timeouts === 1) {
      serverSock.write('wake');
    } else {
      client.setTimeout(0);
      mark('client', 'timeout-prop', client.timeout);
      setTimeout(() => client.end(), 80); // no third 'timeout' meanwhile
    }
  });
});
