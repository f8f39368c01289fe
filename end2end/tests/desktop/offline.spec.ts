// desktop, JavaScript off: the server's HTML alone.
import { offlineJourney } from '../../journeys/offline';

offlineJourney();
