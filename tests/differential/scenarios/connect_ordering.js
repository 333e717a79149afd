// ordered
// Rules 1, 2, 19 (§15) in global order, client side only: connectionAttempt is queued on
// nextTick inside connect() (before a nextTick queued after it); 'connect' then 'ready'
// in one tick, the connect() callback first; a custom lookup that answers synchronously
// emits 'lookup' and 'connectionAttempt' inside connect(), before listeners exist.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer((sock) => sock.resume());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  const c = net.connect(port, '127.0.0.1', () => mark('ip', 'connect-cb'));
  trace(c, 'ip', ['connectionAttempt', 'connect', 'ready', 'close']);
  process.nextTick(() => mark('ip', 'tick-after-connect()'));
  c.on('connect', () => {
    mark('ip', 'connect-listener');
    process.nextTick(() => mark('ip', 'tick-in-connect'));
  });
  c.on('ready', () => {
    mark('ip', 'ready-listener');
    c.destroy();
  });
  c.on('close', () => {
    const seen = [];
    const s = net.connect({
      port, host: 'sync.test', family: 4,
      lookup: (host, opts, cb) => cb(null, '127.0.0.1', 4),
    });
    s.emit = ((orig) => function(ev, ...args) {
      seen.push(ev);
      return orig.call(this, ev, ...args);
    })(s.emit);
    mark('sync-lookup', 'returned', s.connecting);
    trace(s, 'sync-lookup', ['lookup', 'connectionAttempt', 'connect', 'close']);
    s.on('connect', () => {
      mark('sync-lookup', 'seen-by-late-wrapper', seen);
      s.destroy();
    });
    s.on('close', () => server.close());
  });
});
