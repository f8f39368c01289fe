// mobile, JavaScript off: the server's HTML alone.
import { notFoundJourney } from '../../journeys/not-found';

notFoundJourney();
