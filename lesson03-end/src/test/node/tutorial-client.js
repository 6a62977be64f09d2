// The tutorial's client, ending with data: it writes "world!", then end('goodbye!'), and prints
// what comes back until the server ends too.
// Usage: node tutorial-client.js port host
const net = require('net');
const [port, host] = process.argv.slice(2);

// tag::client[]
const client = net.createConnection(Number(port), host, () => {
  console.log('connected to server!');
  client.write('world!\r\n');
  client.end('goodbye!\r\n'); // the final data, then our end: a FIN
});
client.setEncoding('utf8');
client.on('data', (data) => {
  process.stdout.write(data.replace(/\r\n/g, '\n'));
});
client.on('end', () => {
  console.log('server ended the connection');
});
// end::client[]
client.on('error', (err) => {
  console.error(`connection to ${host}:${port} failed: ${err.code}`);
  process.exitCode = 2;
});
