// setEncoding('utf8') with multi-byte characters split across TCP segments (writes 40 ms
// apart): no 'data' for an incomplete character, the character arrives whole with the
// next chunk; a trailing incomplete character becomes U+FFFD at 'end'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const parts = [
  Buffer.from([0xe2]),                                   // first byte of '€'
  Buffer.concat([Buffer.from([0x82, 0xac]), Buffer.from('ab')]),
  Buffer.from([0xf0, 0x9f]),                             // half of an emoji
];
const server = net.createServer((sock) => {
  let i = 0;
  const next = () => {
    if (i < parts.length) {
      sock.write(parts[i++]);
      setTimeout(next, 40);
    } else {
      sock.end();
    }
  };
  next();
  sock.resume();
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client',
                       ['data', 'end', 'close']);
  client.setEncoding('utf8');
  mark('client', 'encoding', client.readableEncoding);
  client.on('data', (s) => mark('client', 'data:codepoints', [...s].map((c) => c.codePointAt(0))));
  client.on('end', () => mark('client', 'bytesRead', client.bytesRead));
});
