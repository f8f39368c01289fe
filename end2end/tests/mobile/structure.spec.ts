// mobile, JavaScript off: the server's HTML alone.
import { structureJourney } from '../../journeys/structure';

structureJourney({ lang: 'ar' });
