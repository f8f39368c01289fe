// The reader of bench/abuse, in a thread of its own (a worker): the home page and an
// article every 50 ms from its own address and connections, until told to stop. Its
// own event loop, so that a flood of thousands of sockets driven by the main thread
// cannot delay the reader's requests on the client side and pass for a slow server.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { base, article } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let stopping = false;
parentPort.on('message', () => { stopping = true; });

/** GET `path` on the reader's connections: status and milliseconds. */
function get(path) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(base + path, { agent, headers: { 'x-forwarded-for': '192.0.2.200' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.on('error', (err) => resolve({ status: err.code ?? 'error', ms: performance.now() - started }));
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.end();
  });
}

const times = [];
const statuses = [];
while (!stopping) {
  for (const path of ['/fr/', article]) {
    const { status, ms } = await get(path);
    times.push(ms);
    statuses.push(status);
  }
  await sleep(50);
}
parentPort.postMessage({ times, statuses });
