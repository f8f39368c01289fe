// desktop, JavaScript off: the server's HTML alone.
import { searchJourney } from '../../journeys/search';

searchJourney();
