// desktop, JavaScript on: the back office loads no script, so this journey runs only here.
import { moderationJourney } from '../../journeys/moderation';

moderationJourney();
