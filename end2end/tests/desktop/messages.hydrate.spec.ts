// desktop, JavaScript on: after hydration.
import { messagesJourney } from '../../journeys/messages';

messagesJourney();
