// desktop, JavaScript on: after hydration.
import { adminJourney } from '../../journeys/admin';

adminJourney();
