// Every journey on a desktop screen (1280 × 900). playwright.config.ts runs this file
// twice, with JavaScript off (the server's HTML alone) and on (after hydration); a
// journey tagged @javascript runs only with it on, one tagged @server-html only off.
import { test } from '@playwright/test';
import { accessibilityJourney } from '../journeys/accessibility';
import { adminJourney } from '../journeys/admin';
import { chunksJourney } from '../journeys/chunks';
import { editorJourney } from '../journeys/editor';
import { facesJourney } from '../journeys/faces';
import { interviewsJourney } from '../journeys/interviews';
import { languageJourney } from '../journeys/language';
import { legacyJourney } from '../journeys/legacy';
import { libraryJourney } from '../journeys/library';
import { mailingsJourney } from '../journeys/mailings';
import { mediaJourney } from '../journeys/media';
import { menuJourney } from '../journeys/menu';
import { messagesJourney } from '../journeys/messages';
import { metadataJourney } from '../journeys/metadata';
import { moderationJourney } from '../journeys/moderation';
import { notFoundJourney } from '../journeys/not-found';
import { offlineJourney } from '../journeys/offline';
import { podcastsJourney } from '../journeys/podcasts';
import { readingJourney } from '../journeys/reading';
import { scriptPolicyJourney } from '../journeys/script-policy';
import { searchJourney } from '../journeys/search';
import { sharingJourney } from '../journeys/sharing';
import { structureJourney } from '../journeys/structure';
import { subscriptionsJourney } from '../journeys/subscriptions';
import { validityJourney } from '../journeys/validity';
import { varnishJourney } from '../journeys/varnish';
import { JAVASCRIPT, SERVER_HTML } from '../journeys/support';

test.describe('reading', () => readingJourney());
test.describe('menu', () => menuJourney());
test.describe('language', () => languageJourney());
test.describe('search', () => searchJourney());
test.describe('faces', () => facesJourney());
test.describe('interviews', () => interviewsJourney());
test.describe('library', () => libraryJourney());
test.describe('podcasts', () => podcastsJourney());
test.describe('sharing', () => sharingJourney());
test.describe('messages', () => messagesJourney());
test.describe('subscriptions', () => subscriptionsJourney());
// Readers subscribe and read the archive with JavaScript off and on; the editor's part is
// the same server-rendered back office in both.
test.describe('newsletter issues', () => mailingsJourney());
test.describe('not found', () => notFoundJourney());
test.describe('offline', () => offlineJourney());
test.describe('metadata', () => metadataJourney());
test.describe('legacy addresses', () => legacyJourney());
test.describe('accessibility', () => accessibilityJourney());
test.describe('chunks', JAVASCRIPT, () => chunksJourney());
test.describe('script policy', JAVASCRIPT, () => scriptPolicyJourney());
test.describe('valid HTML', SERVER_HTML, () => validityJourney());
// HTTP through a real cache, and the back office through it: once, not per JavaScript.
test.describe('through Varnish', SERVER_HTML, () => varnishJourney());
// The back office in French. Its pages load no script: JavaScript off would test the same.
test.describe('back office: log in', JAVASCRIPT, () => adminJourney());
test.describe('back office: writing', JAVASCRIPT, () => editorJourney());
test.describe('back office: media', JAVASCRIPT, () => mediaJourney({ lang: 'fr' }));
test.describe('back office: moderation', JAVASCRIPT, () => moderationJourney());
test.describe('back office: structure', JAVASCRIPT, () => structureJourney({ lang: 'fr' }));
