// The tutorial's client, trapping errors with the 'error' event, as the tutorial says.
// Usage: node tutorial-client.js port host hostsFile [timeoutMs]
// Names are resolved from hostsFile only (the course's testkit/hosts), like the Java tests,
// so an unknown name fails at once and no DNS query leaves the machine.
const net = require('net');
const fs = require('fs');
const [port, host, hostsFile, timeoutMs] = process.argv.slice(2);

const known = new Map(fs.readFileSync(hostsFile, 'utf8').split('\n')
  .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
  .filter((fields) => fields.length >= 2 && net.isIPv4(fields[0]))
  .map(([address, name]) => [name, address]));
function lookup(name, options, callback) {
  const address = net.isIP(name) ? name : known.get(name);
  if (!address) {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  } else if (options.all) {
    callback(null, [{ address, family: net.isIP(address) }]);
  } else {
    callback(null, address, net.isIP(address));
  }
}

// tag::client[]
const client = net.createConnection({ port: Number(port), host, lookup }, () => {
  console.log('connected to server!');
  client.write('world!\r\n');
});
client.setTimeout(Number(timeoutMs ?? 2000), () => {
  console.log('timeout'); // no error by itself: the program decides
  client.destroy();
});
client.on('data', (data) => console.log(`data ${JSON.stringify(data.toString())}`));
client.on('end', () => console.log('end'));
client.on('error', (err) => console.log(`error ${err.code}`));
// end::client[]
