// desktop, JavaScript on (the back office stays server-rendered forms).
import { moderationJourney } from '../../journeys/moderation';

moderationJourney();
