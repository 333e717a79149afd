// §6, §16: bytesRead / bytesWritten / bufferSize. bufferSize is undefined without a
// handle; bytesWritten counts bytes accepted by write() (strings by their encoded
// length, including data still queued while connecting); both counters survive close.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

function counters(s) {
  return [s.bytesRead, s.bytesWritten, s.bufferSize];
}

const server = net.createServer((sock) => {
  sock.on('data', () => {});
  sock.on('end', () => {
    mark('server', 'end:counters', counters(sock));
    sock.end(Buffer.alloc(1000));
  });
  sock.on('close', () => {
    mark('server', 'close:counters', counters(sock));
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = new net.Socket();
  trace(client, 'client', ['connect', 'end', 'close']);
  mark('client', 'fresh', counters(client));
  client.connect(server.address().port, '127.0.0.1');
  mark('client', 'connecting', counters(client));
  client.write('héllo');                       // 6 bytes in utf8
  client.write('68656c6c6f', 'hex');            // 5 bytes
  client.write(Buffer.alloc(10));
  mark('client', 'queued', counters(client));
  client.on('connect', () => mark('client', 'connect', counters(client)));
  client.on('data', () => {});
  client.on('end', () => mark('client', 'end', client.bytesRead));
  client.end();
  client.on('close', () => mark('client', 'close', counters(client)));
});
