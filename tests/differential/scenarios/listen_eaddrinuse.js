// Rule 15 (§15): a listen error is emitted on nextTick ('error', never 'listening');
// the message names the address and port; the failed server can listen() again.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const first = trace(net.createServer(), 'first');
first.listen(0, '127.0.0.1', () => {
  const port = first.address().port;
  alias(port, '<port>');
  const second = trace(net.createServer(), 'second');
  second.listen(port, '127.0.0.1');
  second.on('error', (err) => {
    mark('second', 'error:props', [err.errno, err.syscall, err.address, err.port]);
    mark('second', 'error:listening', second.listening);
    // Not "already listening": the handle is gone, so it can try again.
    second.listen(0, '127.0.0.1', () => {
      mark('second', 'relisten', second.listening);
      second.close();
      first.close();
    });
  });
  mark('second', 'after-listen', second.listening);
  const third = trace(net.createServer(), 'third');
  third.listen({ port, host: '127.0.0.1' }, () => mark('third', 'never'));
  third.on('error', () => mark('third', 'error:address', third.address()));
});
