// desktop, JavaScript off: the server's HTML alone.
import { mediaJourney } from '../../journeys/media';

mediaJourney({ lang: 'fr' });
