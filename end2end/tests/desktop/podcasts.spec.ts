// desktop, JavaScript off: the server's HTML alone.
import { podcastsJourney } from '../../journeys/podcasts';

podcastsJourney();
