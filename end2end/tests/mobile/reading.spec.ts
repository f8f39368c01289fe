// mobile, JavaScript off: the server's HTML alone.
import { readingJourney } from '../../journeys/reading';

readingJourney();
