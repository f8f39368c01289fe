// desktop, JavaScript on: after hydration.
import { legacyJourney } from '../../journeys/legacy';

legacyJourney();
