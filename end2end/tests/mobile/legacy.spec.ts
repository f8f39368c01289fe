// mobile, JavaScript off: the server's HTML alone.
import { legacyJourney } from '../../journeys/legacy';

legacyJourney();
