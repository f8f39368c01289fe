// desktop, JavaScript off: the server's HTML alone.
import { facesJourney } from '../../journeys/faces';

facesJourney();
