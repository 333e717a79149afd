// §12.4 / rule 18: pauseOnConnect: the accepted socket does not read (bytesRead stays 0,
// readableFlowing false, no 'data') until resume(); then the data, 'end', 'close'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ pauseOnConnect: true }, (sock) => {
  trace(sock, 'server-socket');
  mark('server-socket', 'initial', [sock.readableFlowing, sock.isPaused(), sock.bytesRead]);
  sock.on('data', (d) => mark('server-socket', 'data:bytesRead', sock.bytesRead));
  mark('server-socket', 'after-on-data', sock.readableFlowing);
  setTimeout(() => {
    mark('server-socket', 'before-resume', [sock.bytesRead, sock.readableLength]);
    sock.resume();
    mark('server-socket', 'after-resume', sock.readableFlowing);
  }, 50);
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = net.connect(server.address().port, '127.0.0.1');
  client.end('hello');
  client.resume();
});
