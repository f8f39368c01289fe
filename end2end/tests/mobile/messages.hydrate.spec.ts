// mobile, JavaScript on: after hydration.
import { messagesJourney } from '../../journeys/messages';

messagesJourney({ full: false, langs: ['ar'] });
