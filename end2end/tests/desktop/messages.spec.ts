// desktop, JavaScript off: the server's HTML alone.
import { messagesJourney } from '../../journeys/messages';

messagesJourney();
