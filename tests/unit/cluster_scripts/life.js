const cluster = require('cluster'); const net = require('net');
if (cluster.isPrimary) {
  const log = (...a) => console.log(a.join(' '));
  log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.schedulingPolicy);
  cluster.on('setup', (s) => log('setup', typeof s.exec, JSON.stringify(s.args), s.silent));
  cluster.on('fork', (w) => log('fork', w.id, w.state));
  cluster.on('online', (w) => log('online', w.id, w.state));
  cluster.on('message', (w, m) => { log('message', w.id, JSON.stringify(m)); });
  cluster.on('listening', (w, a) => {
    log('listening', w.id, w.state, a.addressType, a.address, typeof a.port);
    const c = net.connect(a.port, '127.0.0.1');
    c.on('data', (d) => { log('data', String(d)); c.end(); });
    c.on('close', () => { w.send({ bye: 1 }); });
  });
  cluster.on('disconnect', (w) => log('disconnect', w.id, w.state, w.exitedAfterDisconnect, w.isConnected()));
  cluster.on('exit', (w, code, sig) => log('exit', w.id, code, sig, w.state, w.exitedAfterDisconnect, w.isDead(), Object.keys(cluster.workers).length));
  const w = cluster.fork({ FOO: 'bar' });
  w.on('disconnect', () => log('worker disconnect'));
  w.on('exit', (code, sig) => log('worker exit', code, sig));
  w.on('message', (m) => { if (m.hi) log('worker message', JSON.stringify(m)); });
  log('workers', Object.keys(cluster.workers).join(','), w.id, w.state);
} else {
  const log = (...a) => process.send({ log: a.join(' ') });
  net.createServer((s) => s.end('hello')).listen(0, '127.0.0.1');
  process.send({ hi: cluster.worker.id, env: process.env.FOO, uid: process.env.NODE_UNIQUE_ID === undefined, w: cluster.isWorker, p: cluster.isPrimary });
  process.on('message', (m) => { if (m.bye) cluster.worker.disconnect(); });
  cluster.worker.on('disconnect', () => console.error('child disconnect', cluster.worker.exitedAfterDisconnect, cluster.worker.state));
}
