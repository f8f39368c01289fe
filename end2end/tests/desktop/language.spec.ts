// desktop, JavaScript off: the server's HTML alone.
import { languageJourney } from '../../journeys/language';

languageJourney();
