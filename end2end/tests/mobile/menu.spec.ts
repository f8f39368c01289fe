// phone, JavaScript off: the server's HTML alone.
import { phoneMenuJourney } from '../../journeys/menu';

phoneMenuJourney();
