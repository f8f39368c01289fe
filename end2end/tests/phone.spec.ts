// The journeys on a phone (390 × 844, touch): every reader journey, those that go
// through each edition in turn in Arabic only (the layout that differs on a phone —
// collapsed menu, one column, mirrored — rather than every edition again). Run by
// playwright.config.ts with JavaScript off and on; a group tagged @javascript only on.
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
import { issueArchiveJourney } from '../journeys/mailings';
import { mediaJourney } from '../journeys/media';
import { phoneMenuJourney } from '../journeys/menu';
import { messagesJourney } from '../journeys/messages';
import { notFoundJourney } from '../journeys/not-found';
import { offlineJourney } from '../journeys/offline';
import { podcastsJourney } from '../journeys/podcasts';
import { readingJourney } from '../journeys/reading';
import { searchJourney } from '../journeys/search';
import { sharingJourney } from '../journeys/sharing';
import { structureJourney } from '../journeys/structure';
import { subscriptionsJourney } from '../journeys/subscriptions';
import { JAVASCRIPT } from '../journeys/support';

test.describe('reading', () => readingJourney());
test.describe('menu', () => phoneMenuJourney());
test.describe('language', () => languageJourney());
test.describe('search', () => searchJourney());
test.describe('faces', () => facesJourney({ langs: ['ar'] }));
test.describe('interviews', () => interviewsJourney({ langs: ['ar'] }));
test.describe('library', () => libraryJourney({ langs: ['ar'] }));
test.describe('podcasts', () => podcastsJourney({ langs: ['ar'] }));
test.describe('sharing', () => sharingJourney());
test.describe('messages', () => messagesJourney({ full: false, langs: ['ar'] }));
test.describe('subscriptions', () => subscriptionsJourney({ full: false, langs: ['ar'] }));
test.describe('newsletter archive', () => issueArchiveJourney({ langs: ['ar'] }));
test.describe('not found', () => notFoundJourney());
test.describe('offline', () => offlineJourney());
test.describe('legacy addresses', () => legacyJourney());
test.describe('accessibility', () => accessibilityJourney());
test.describe('chunks', JAVASCRIPT, () => chunksJourney());
// The back office in Arabic. Its pages load no script: JavaScript off would test the same.
test.describe('back office: log in', JAVASCRIPT, () => adminJourney({ langs: ['ar'] }));
test.describe('back office: writing', JAVASCRIPT, () => editorJourney({ full: false, lang: 'ar' }));
test.describe('back office: media', JAVASCRIPT, () => mediaJourney({ lang: 'ar' }));
test.describe('back office: structure', JAVASCRIPT, () => structureJourney({ lang: 'ar' }));
