// desktop, JavaScript on: after hydration.
import { podcastsJourney } from '../../journeys/podcasts';

podcastsJourney();
