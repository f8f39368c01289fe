// desktop, JavaScript on: after hydration.
import { menuJourney } from '../../journeys/menu';

menuJourney();
