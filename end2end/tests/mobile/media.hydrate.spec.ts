// mobile, JavaScript on (the back office stays server-rendered forms).
import { mediaJourney } from '../../journeys/media';

mediaJourney({ lang: 'ar' });
