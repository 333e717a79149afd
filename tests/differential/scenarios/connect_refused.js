// Rule 3 (§15): a refused connect: 'connectionAttemptFailed' (sync in afterConnect) ->
// nextTick 'error' -> uv 'close'(true); inside 'error' the socket is already not
// connecting, destroyed, readyState 'closed'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

// Find a port nothing listens on: listen, note the port, close.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  alias(port, '<port>');
  probe.close(() => {
    const client = trace(net.connect(port, '127.0.0.1'), 'client');
    client.on('connectionAttemptFailed', () => {
      mark('client', 'failed:connecting', client.connecting);
      mark('client', 'failed:destroyed', client.destroyed);
    });
    client.on('error', (err) => {
      mark('client', 'error:props', [err.errno, err.syscall, err.address, err.port]);
      mark('client', 'error:connecting', client.connecting);
      mark('client', 'error:destroyed', client.destroyed);
      mark('client', 'error:readyState', client.readyState);
      mark('client', 'error:pending', client.pending);
      mark('client', 'error:bytes', [client.bytesRead, client.bytesWritten]);
    });
    client.on('close', (hadError) => {
      mark('client', 'close:hadError', hadError);
      mark('client', 'close:readyState', client.readyState);
    });
  });
});
