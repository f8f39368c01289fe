// mobile, JavaScript off: the server's HTML alone.
import { adminJourney } from '../../journeys/admin';

adminJourney({ langs: ['ar'] });
