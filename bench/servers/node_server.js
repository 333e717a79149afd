'use strict';
// Node `net` benchmark server: node node_server.js ADDR MODE [pipe]
//   ADDR  127.0.0.1:PORT or a Unix socket path
//   MODE  echo (write() + pause() on false + resume() on 'drain'; with `pipe`:
//         socket.pipe(socket)), sink (count bytes, reply with the count as an 8-byte
//         little-endian integer at EOF), hello (write 1 byte and end: the server closes first)
// bench/servers/nodenet_server.py is the same program, line for line, on nodenet_uv.
const net = require('net');

const [addr, mode, variant] = process.argv.slice(2);
const usePipe = variant === 'pipe';

function onConnection(socket) {
  socket.on('error', () => socket.destroy());
  if (mode === 'echo') {
    if (usePipe) {
      socket.pipe(socket);
    } else {
      socket.on('data', (chunk) => {
        if (!socket.write(chunk)) socket.pause();
      });
      socket.on('drain', () => socket.resume());
      socket.on('end', () => socket.end());
    }
  } else if (mode === 'sink') {
    let count = 0;
    socket.on('data', (chunk) => {
      count += chunk.length;
    });
    socket.on('end', () => {
      const reply = Buffer.alloc(8);
      reply.writeBigUInt64LE(BigInt(count));
      socket.end(reply);
    });
  } else if (mode === 'hello') {
    socket.resume();
    socket.end('x');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

const server = net.createServer({ allowHalfOpen: true, noDelay: true }, onConnection);
const colon = addr.lastIndexOf(':');
if (addr.startsWith('/') || colon < 0) {
  server.listen(addr);
} else {
  server.listen(Number(addr.slice(colon + 1)), addr.slice(0, colon));
}
