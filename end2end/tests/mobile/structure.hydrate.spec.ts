// mobile, JavaScript on (the back office stays server-rendered forms).
import { structureJourney } from '../../journeys/structure';

structureJourney({ lang: 'ar' });
