// desktop, JavaScript on: after hydration.
import { facesJourney } from '../../journeys/faces';

facesJourney();
