// desktop, JavaScript off: the server's HTML alone.
import { menuJourney } from '../../journeys/menu';

menuJourney();
