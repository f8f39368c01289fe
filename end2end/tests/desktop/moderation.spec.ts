// desktop, JavaScript off: the server's HTML alone.
import { moderationJourney } from '../../journeys/moderation';

moderationJourney();
