// Load on the main reader pages of a running demo server (bench/throughput): for each
// page, a 3 s warm-up then 15 s of 16 connections, printing requests per second and
// latency percentiles. Any non-2xx answer fails the benchmark: a fast error page is
// not a fast site.
import autocannon from 'autocannon';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/throughput.mjs BASE_URL');

async function firstLink(path, pattern) {
  const html = await (await fetch(base + path)).text();
  const found = html.match(pattern);
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found[1];
}

const article = await firstLink('/fr/section/actualites', /href="(\/fr\/article\/[^"]+)"/);
const pages = [
  ['article', article, {}],
  ['home', '/fr/', {}],
  ['home (Arabic)', '/ar/', {}],
  ['section', '/fr/section/actualites', {}],
  ['search', '/fr/search?q=migration', {}],
];

function run(url, duration, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 16, duration, headers }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

// A browser or cache that holds the article asks again with its ETag (issue 17): the
// server renders the page to compare, and answers 304 without the body. A server
// without ETags answers 200 with the whole page.
const held = (await fetch(base + article)).headers.get('etag');
pages.push(['article (held)', article, held ? { 'if-none-match': held } : {}]);

console.log('page             req/s   p50 ms   p99 ms');
for (const [name, path, headers] of pages) {
  await run(base + path, 3, headers);
  const r = await run(base + path, 15, headers);
  // A 304 is the right answer to a held page; anything else but a 200 fails.
  const bad = r.errors + r['4xx'] + r['5xx'] + (headers['if-none-match'] ? 0 : r['3xx']);
  if (bad > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  console.log(
    `${name.padEnd(15)} ${r.requests.average.toFixed(0).padStart(6)} ${String(r.latency.p50).padStart(8)} ${String(r.latency.p99).padStart(8)}`,
  );
}
