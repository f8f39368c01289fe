// The script policy (issue 18): on every reader page type, in French and Arabic, and on
// the back office's door, the browser reports no Content-Security-Policy violation
// while the page loads and hydrates (the policy names each inline script by its hash:
// server/src/http/script_policy). And a script slipped into a page does not run.
import { expect, test, type Page } from '@playwright/test';
import { readerPages } from './chunks';
import { hydrated } from './support';

/** Collects the violations the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) seen.push(`${page.url()}: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (line: string) => void }).reportViolation(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return seen;
}

export function scriptPolicyJourney() {
  for (const lang of ['fr', 'ar'] as const) {
    test(`${lang}: no page type breaks the script policy, hydrated`, async ({ page }, info) => {
      test.skip(!hydrated(info), 'the hydrated pages run the scripts the policy allows');
      test.setTimeout(120_000);
      const pages = await readerPages(page, lang);
      const violations = await watchViolations(page);
      for (const { path } of [...pages, { path: `/admin/login?lang=${lang}` }]) {
        const response = await page.goto(path);
        expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
        if (!path.startsWith('/admin')) await page.waitForSelector('html[data-hydrated="true"]');
        // Lazy chunks and the service worker's first fetches.
        await page.waitForLoadState('networkidle');
      }
      expect(violations).toEqual([]);
    });
  }

  test('a script slipped into a page does not run', async ({ page }, info) => {
    test.skip(!hydrated(info), 'needs JavaScript');
    const violations = await watchViolations(page);
    await page.goto('/fr/');
    await page.waitForSelector('html[data-hydrated="true"]');
    // What an injection in the server's HTML would add: an inline script of its own.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });
}
