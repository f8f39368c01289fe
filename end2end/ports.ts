// The loopback ports of the browser tests' servers, from E2E_PORT (the test site), in
// one place for playwright.config.ts and the journeys that start or reach them.
export const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The site built from the WordPress theme test data (journeys/legacy.ts). */
export const WP_PORT = PORT + 2;
/** The mail server the test site sends to (aiosmtpd; journeys/mailbox.ts reads it). */
export const SMTP_PORT = PORT + 3;
/** Varnish in front of the test site (deploy/varnish/default.vcl; journeys/varnish.ts). */
export const VARNISH_PORT = PORT + 5;
/** A site of its own and its own Varnish, which journeys/varnish.ts stops. */
export const STOPPED_SITE_PORT = PORT + 7;
export const STOPPED_SITE_VARNISH_PORT = PORT + 8;
