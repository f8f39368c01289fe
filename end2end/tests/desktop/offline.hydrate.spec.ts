// desktop, JavaScript on: after hydration.
import { offlineJourney } from '../../journeys/offline';

offlineJourney();
