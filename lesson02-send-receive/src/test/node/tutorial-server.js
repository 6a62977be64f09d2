// The tutorial's server.js: greets each client with "hello", then echoes what it receives.
// Usage: node tutorial-server.js [port]   (port 0: any free port; the port bound is printed)
const net = require('net');
const port = Number(process.argv[2] ?? 8124);

// tag::server[]
const server = net.createServer((c) => {
  console.log('client connected');
  c.on('end', () => {
    console.log('client disconnected');
  });
  c.write('hello\r\n');
  c.pipe(c);
});
// end::server[]
server.on('error', (err) => {
  console.error(`cannot listen: ${err.message}`);
  process.exitCode = 2;
});
server.listen(port, '127.0.0.1', () => {
  console.log(`server bound to 127.0.0.1:${server.address().port}`);
});
