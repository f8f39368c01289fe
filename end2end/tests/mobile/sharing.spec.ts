// mobile, JavaScript off: the server's HTML alone.
import { sharingJourney } from '../../journeys/sharing';

sharingJourney();
