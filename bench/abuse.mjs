// Driver of bench/abuse: one flood against a running server while a reader, from its
// own address, connections and thread (bench/abuse-reader.mjs), loads the home page and
// an article every 50 ms.
// Usage: node bench/abuse.mjs login|sitemaps|cards|mixed BASE SECONDS [CONNECTIONS]
import autocannon from 'autocannon';
import http from 'node:http';
import { Worker } from 'node:worker_threads';

const [mode, base, secondsArg, connectionsArg] = process.argv.slice(2);
const seconds = Number(secondsArg);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET or POST on `agent`'s connections: status, Location, milliseconds. */
function request(agent, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(base + path, { agent, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location ?? '', ms: performance.now() - started }));
    });
    req.on('error', (err) => resolve({ status: err.code ?? 'error', location: '', ms: performance.now() - started }));
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.end(body);
  });
}

const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN; };
const tally = (answers) => { const m = new Map(); for (const a of answers) m.set(a, (m.get(a) ?? 0) + 1); return [...m].map(([k, v]) => `${k}: ${v}`).join(', '); };

const article = (await (async () => {
  const html = await new Promise((resolve) => http.get(`${base}/fr/`, (res) => { let t = ''; res.on('data', (d) => (t += d)); res.on('end', () => resolve(t)); }));
  return html.match(/href="(\/fr\/article\/[^"]+)"/)[1];
})());

async function whileReading(flood) {
  // The reader (bench/abuse-reader.mjs, its own thread) is being served before the
  // flood begins, as readers are when one comes.
  const reader = new Worker(new URL('./abuse-reader.mjs', import.meta.url), { workerData: { base, article } });
  const read = new Promise((resolve, reject) => { reader.once('message', resolve); reader.once('error', reject); });
  await sleep(1000);
  const started = performance.now();
  const report = await flood();
  reader.postMessage('stop');
  const { times, statuses } = await read;
  await reader.terminate();
  console.log(`  ${report}`);
  console.log(`  in ${((performance.now() - started) / 1000).toFixed(1)} s; the reader (${times.length} pages: ${tally(statuses)}): median ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`);
}

/** `workers` loops sending `next(n)` until the deadline; the answers. */
async function flood(workers, agent, next) {
  const deadline = performance.now() + seconds * 1000;
  const answers = [];
  let n = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (performance.now() < deadline) answers.push(await next(n++, agent));
  }));
  return answers;
}

const FROM_SITE = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };

if (mode === 'login') {
  console.log(`log-in flood: 1,000 posts a second for ${seconds} s from one IPv6 /64, at an editor's account`);
  await whileReading(async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const answers = [];
    const inFlight = [];
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * 1000);
      while (sent < due) {
        const from = `2001:db8:ab:cd:${(sent % 65536).toString(16)}::1`;
        sent++;
        inFlight.push(request(agent, '/admin/login', {
          method: 'POST',
          headers: { ...FROM_SITE, 'x-forwarded-for': from },
          body: 'email=editor%40bench.example&password=a+guess+at+the+password',
        }).then((a) => answers.push(a.status === 303 ? a.location.match(/error=(\w+)/)?.[1] ?? a.location : a.status)));
      }
      await sleep(1);
    }
    await Promise.all(inFlight);
    const right = 'email=editor%40bench.example&password=bench+passphrase+2026';
    const owner = await request(agent, '/admin/login', { method: 'POST', headers: { ...FROM_SITE, 'x-forwarded-for': '198.51.100.77' }, body: right });
    const flooder = await request(agent, '/admin/login', { method: 'POST', headers: { ...FROM_SITE, 'x-forwarded-for': '2001:db8:ab:cd::99' }, body: right });
    return `${sent} posts: ${tally(answers)}\n  then the editor from elsewhere: ${owner.location === '/admin' ? 'logged in (account not locked)' : `REFUSED (${owner.location})`}; the right password from the flooding /64: ${flooder.location}`;
  });
} else if (mode === 'sitemaps') {
  console.log(`sitemap flood: 100 connections for ${seconds} s, each request from its own address, past the server's copy`);
  const index = await new Promise((resolve) => http.get(`${base}/sitemap.xml`, (res) => { let t = ''; res.on('data', (d) => (t += d)); res.on('end', () => resolve(t)); }));
  const files = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  await whileReading(async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const answers = await flood(100, agent, (n) => request(agent, `${files[n % files.length]}?n=${n}`, { headers: { 'x-forwarded-for': `198.18.${(n >> 8) & 255}.${n & 255}` } }));
    return `${files.length} sitemap files, ${answers.length} requests: ${tally(answers.map((a) => a.status))}; median ${pct(answers.map((a) => a.ms), 0.5).toFixed(0)} ms`;
  });
} else if (mode === 'cards') {
  console.log(`share-card flood: 100 connections for ${seconds} s on the cards of 400 new 4000×3000 pictures`);
  await whileReading(async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const answers = await flood(100, agent, (n) => request(agent, `/og/bench/picture-${n % 400}.png`));
    return `${answers.length} requests: ${tally(answers.map((a) => a.status))} (307: the default card at once)`;
  });
} else if (mode === 'mixed') {
  const connections = Number(connectionsArg);
  console.log(`mixed load: ${connections} connections for ${seconds} s on an article, the home page and a search`);
  await whileReading(async () => {
    const result = await new Promise((resolve, reject) => autocannon({
      url: base,
      connections,
      duration: seconds,
      timeout: 30,
      requests: [{ path: article }, { path: '/fr/' }, { path: '/fr/search?q=migration' }],
    }, (err, res) => (err ? reject(err) : resolve(res))));
    return `${result.requests.total} answers (${result.requests.average} a second): 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; latency median ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
  });
} else {
  throw new Error(`unknown flood ${mode}`);
}
