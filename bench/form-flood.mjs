// Driver of bench/form-flood: posts RATE contact messages a second for SECONDS_
// seconds from one address, and meanwhile loads the home page every 100 ms.
const base = process.env.BASE;
const rate = Number(process.env.RATE);
const seconds = Number(process.env.SECONDS_);

const page = await (await fetch(`${base}/fr/contact`)).text();
const ticket = page.match(/name="ticket" value="([^"]+)"/)[1];
await new Promise((r) => setTimeout(r, 2500)); // past the minimum time to fill a form

const statuses = new Map();
const times = [];
const homeTimes = [];
let inFlight = [];
const start = performance.now();
let sent = 0;
const home = setInterval(async () => {
  const t = performance.now();
  const r = await fetch(`${base}/fr/`);
  await r.text();
  homeTimes.push(performance.now() - t);
}, 100);
while (performance.now() - start < seconds * 1000) {
  const due = Math.floor(((performance.now() - start) / 1000) * rate);
  while (sent < due) {
    sent++;
    const body = new URLSearchParams({
      form: 'contact', ticket, name: 'Flood', email: `flood${sent}@example.org`,
      subject: 'Hello', message: 'A message long enough to be accepted.',
    });
    const t = performance.now();
    inFlight.push(fetch(`${base}/fr/contact`, { method: 'POST', body, headers: { accept: 'application/json', 'sec-fetch-site': 'same-origin' } })
      .then(async (r) => { await r.arrayBuffer(); statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1); times.push(performance.now() - t); })
      .catch(() => statuses.set('error', (statuses.get('error') ?? 0) + 1)));
  }
  await new Promise((r) => setTimeout(r, 1));
}
await Promise.all(inFlight);
clearInterval(home);
const elapsed = (performance.now() - start) / 1000;
const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
console.log(`posted ${sent} in ${elapsed.toFixed(1)} s = ${(sent / elapsed).toFixed(0)} posts/s from one address`);
console.log(`answers: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
console.log(`answer time: median ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
console.log(`home page during the flood (${homeTimes.length} loads): median ${pct(homeTimes, 0.5).toFixed(1)} ms, p95 ${pct(homeTimes, 0.95).toFixed(1)} ms`);
