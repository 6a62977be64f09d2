// The tutorial's client, writing and reading at once: it sends each line given on the command
// line with a write of its own, prints each 'data' event as it comes, ends its side, and on
// 'end' prints everything it received.
// Usage: node tutorial-client.js port host line...
const net = require('net');
const [port, host, ...lines] = process.argv.slice(2);

// tag::client[]
const client = net.createConnection(Number(port), host, () => {
  console.log('connected to server!');
  for (const line of lines) {
    client.write(`${line}\r\n`);
  }
  client.end(); // nothing more to send; the data events go on until the server ends too
});
let received = '';
client.setEncoding('utf8'); // a decoder that keeps a character cut between two chunks
client.on('data', (data) => {
  console.log(`data event: ${Buffer.byteLength(data)} bytes`);
  received += data;
});
client.on('end', () => {
  console.log(`received ${JSON.stringify(received)}`);
  console.log('disconnected from server');
});
// end::client[]
client.on('error', (err) => {
  console.error(`cannot connect to ${host}:${port}: ${err.code}`);
  process.exitCode = 2;
});
