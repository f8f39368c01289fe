// Valid HTML (issue 15): the server's page of every reader page type, in the three
// editions, passes the Nu HTML checker (vnu.jar, from npm, run on the machine's Java)
// with no error of the project's own. Leptos's hydration markers (`<!>`, which the
// checker reports as bogus comments) are the framework's and are left out by their
// message. The server's HTML is the same with JavaScript on or off: one project runs it.
import { expect, type Page, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstLink, readerPages } from './chunks';

const VNU = join(__dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

/** The checker's message for Leptos's `<!>` hydration markers. */
const LEPTOS_MARKER = /^Bogus comment\.$/;

type Message = { type: string; message: string; url: string; extract?: string };

/** The checker's errors on each page, as "address: message (extract)". */
function errorsOf(pages: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  try {
    const addressOf = new Map<string, string>();
    const files = [...pages].map(([address, html], i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, html);
      addressOf.set(file, address);
      return file;
    });
    const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--errors-only', '--exit-zero-always', ...files], {
      encoding: 'utf8', maxBuffer: 64 << 20,
    });
    if (run.error || run.status !== 0) {
      throw new Error(`the Nu checker did not run (java -jar ${VNU}): ${run.error ?? run.stderr}`);
    }
    // With --format json the report is written to standard error.
    const { messages } = JSON.parse(run.stderr) as { messages: Message[] };
    return messages
      .filter((m) => m.type === 'error' && !LEPTOS_MARKER.test(m.message))
      .map((m) => `${addressOf.get(m.url.replace(/^file:(\/\/)?/, '')) ?? m.url}: ${m.message} (${(m.extract ?? '').trim()})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every reader page type in French, and the Arabic and English pages the issue names. */
async function addresses(page: Page): Promise<string[]> {
  const french = (await readerPages(page)).map((p) => p.path);
  return [
    ...french,
    '/ar/', '/en/', '/ar/faces', '/ar/search?q=المغرب', '/en/newsletter', '/fr/no-such-page',
    await firstLink(page, '/ar/', /^\/ar\/article\/[^/?]+$/),
    await firstLink(page, '/en/', /^\/en\/article\/[^/?]+$/),
  ];
}

export function validityJourney() {
  test('every reader page type is valid HTML in the three editions', async ({ page, request }) => {
    test.setTimeout(90_000);
    const pages = new Map<string, string>();
    for (const address of await addresses(page)) {
      const response = await request.get(address);
      pages.set(address, await response.text());
    }
    expect(pages.size).toBeGreaterThan(20);
    expect(errorsOf(pages)).toEqual([]);
  });
}
