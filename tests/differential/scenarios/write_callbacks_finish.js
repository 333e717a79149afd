// Write callbacks vs 'finish' (§6/§7): each write's callback, then end()'s callback
// right before 'finish'; corked writes go out as one writev; a second end() after
// 'finish' gets ERR_STREAM_ALREADY_FINISHED; writes while connecting wait for 'connect'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer((sock) => {
  const chunks = [];
  sock.on('data', (d) => chunks.push(d));
  sock.on('end', () => {
    mark('server', 'received', Buffer.concat(chunks).toString());
    sock.end();
  });
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client',
                       ['connect', 'prefinish', 'finish', 'end', 'close', 'error']);
  client.resume();
  const w0 = client.write('pre-', (err) => mark('client', 'cb-pre', [err, client.connecting]));
  mark('client', 'write-while-connecting', [w0, client.connecting, client.writableLength]);
  client.on('connect', () => {
    client.write('a', (err) => mark('client', 'cb-a', err));
    client.cork();
    client.write('b', (err) => mark('client', 'cb-b', err));
    client.write('c', (err) => mark('client', 'cb-c', err));
    mark('client', 'corked', [client.writableCorked, client.writableLength]);
    client.uncork();
    const r = client.end('-end', (err) => {
      mark('client', 'end-cb', [err, client.writableFinished]);
    });
    mark('client', 'end-returns-this', r === client);
  });
  client.on('finish', () => {
    mark('client', 'finish:writableFinished', client.writableFinished);
    client.end((err) => mark('client', 'second-end-cb', err));
  });
});
