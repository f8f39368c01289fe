// Browser tests: Debian chromium driven by Playwright (never a downloaded browser).
// The matrix is here: the journeys of tests/desktop.spec.ts and tests/phone.spec.ts each
// run with JavaScript off (the server's HTML alone) and on (after hydration), except
// groups tagged @javascript (JavaScript on only) or @server-html (off only).
import { defineConfig, devices } from '@playwright/test';
import { availableParallelism } from 'node:os';

import { PORT, SMTP_PORT, VARNISH_PORT, WP_PORT } from './ports';

// The site built from the WordPress theme test data (journeys/legacy.ts, support.ts).
const WXR = '../shared/data/wordpress/themeunittestdata.wordpress.xml';
// The mail server the test site sends to (SMTP_PORT) is aiosmtpd (installed by
// scripts/setup), which writes what it accepts to a Maildir that journeys/mailbox.ts reads.
const SERVER = process.env.E2E_SERVER ?? 'target/release/server';
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  },
};
const desktop = { ...chromium, viewport: { width: 1280, height: 900 } };
const phone = {
  ...chromium,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices['Pixel 7'].userAgent,
};
const serverHtmlOnly = { javaScriptEnabled: false };

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two at least: Playwright's default (half the cores) is one on a 2-core machine, and
  // the journeys spend part of their time waiting (mail, schedules) rather than computing.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: 0,
  reporter: [['list']],
  // No traces: recording one for every test (to keep those of failures) cost a fifth of
  // the run's time, and CI keeps no files. To see a failure step by step, run that
  // journey again with `--trace on` and open it with `npx playwright show-trace`.
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'off' },
  projects: [
    { name: 'desktop', testMatch: 'desktop.spec.ts', grepInvert: /@javascript/, use: { ...desktop, ...serverHtmlOnly } },
    { name: 'desktop-hydrate', testMatch: 'desktop.spec.ts', grepInvert: /@server-html/, use: desktop },
    { name: 'mobile', testMatch: 'phone.spec.ts', grepInvert: /@javascript/, use: { ...phone, ...serverHtmlOnly } },
    { name: 'mobile-hydrate', testMatch: 'phone.spec.ts', grepInvert: /@server-html/, use: phone },
    // A deploy changes what every reader is served: after all the rest, one size at a time.
    { name: 'deploy-desktop-hydrate', testMatch: 'deploy.spec.ts', use: desktop, dependencies: ['desktop', 'desktop-hydrate', 'mobile', 'mobile-hydrate'] },
    { name: 'deploy-mobile-hydrate', testMatch: 'deploy.spec.ts', use: phone, dependencies: ['deploy-desktop-hydrate'] },
  ],
  // A fresh demo database for every run, served by the release binary; and a second
  // site made only of the WordPress theme test data, imported with `server import-wxr`
  // (the legacy-addresses journey).
  webServer: [{
    command: `rm -rf target/e2e-mail && exec python3 -m aiosmtpd -n -l 127.0.0.1:${SMTP_PORT} -c aiosmtpd.handlers.Mailbox target/e2e-mail`,
    cwd: '..',
    port: SMTP_PORT,
    timeout: 30_000,
    reuseExistingServer: false,
  }, {
    // The back office's first administrator (journeys/admin.ts) made as a deployer would,
    // and an editor and an author for the writing journey (journeys/editor.ts).
    command: `rm -rf target/e2e && ${SERVER} create-admin admin@ccme.example && ` +
      `${SERVER} create-account editor@ccme.example editor && ${SERVER} create-account author@ccme.example author && exec ${SERVER}`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/fr/`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      // E2E_DATABASE_URL: the same site on another database (scripts/test runs some
      // journeys again on a fresh PostgreSQL database; the issue-19 backend).
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'sqlite://target/e2e/site.db',
      // E2E_DATABASE_READ_URLS: that PostgreSQL database's read replicas (scripts/test
      // gives it one: readers are then served by the replica).
      DATABASE_READ_URLS: process.env.E2E_DATABASE_READ_URLS ?? '',
      MEDIA_DIR: 'target/e2e/media',
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
      SITE_URL: `http://127.0.0.1:${PORT}`,
      RUST_LOG: 'warn',
      // Forms: each test posts from its own address (X-Forwarded-For, see
      // journeys/mailbox.ts), a person needs 1 s, and 6 posts a minute trip the limit.
      TRUST_PROXY: 'true',
      FORM_MIN_SECONDS: '1',
      FORM_RATE_PER_MINUTE: '6',
      // Every browser of the run searches from 127.0.0.1: the per-address budget on
      // search, feeds and sitemaps (proved in server/src/http/costly) would meet them.
      COSTLY_READS_PER_MINUTE: '5000',
      MAIL_POLL_MS: '250',
      ADMIN_PASSWORD: 'e2e admin passphrase',
      // The Varnish below, told what to forget when content changes.
      CACHE_PURGE_URLS: `http://127.0.0.1:${VARNISH_PORT}/`,
    },
  }, {
    // Varnish in front of the test site, configured as deployed (deploy/varnish) but for
    // the site's port (journeys/varnish.ts reads through it; scripts/setup installs it).
    command: `scripts/varnish-in-front ${PORT} ${VARNISH_PORT} target/e2e-varnish`,
    cwd: '..',
    port: VARNISH_PORT,
    timeout: 30_000,
    reuseExistingServer: false,
  }, {
    command: `rm -rf target/e2e-wp && mkdir -p target/e2e-wp && if [ -f ${WXR} ]; then ${SERVER} import-wxr ${WXR} > target/e2e-wp/import.log; fi && exec ${SERVER}`,
    cwd: '..',
    url: `http://127.0.0.1:${WP_PORT}/robots.txt`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: 'sqlite://target/e2e-wp/site.db',
      MEDIA_DIR: 'target/e2e-wp/media',
      MAIL_OUTBOX: 'target/e2e-wp/outbox',
      LEPTOS_SITE_ADDR: `127.0.0.1:${WP_PORT}`,
      SITE_URL: `http://127.0.0.1:${WP_PORT}`,
      SEED_DEMO: 'false',
      RUST_LOG: 'warn',
    },
  }],
});
