// A deploy while readers have the app open, on desktop then phone (one project each,
// after all the others: it changes what every reader is served), JavaScript on: a deploy
// reaches open pages through the service worker.
import { deployJourney } from '../journeys/deploy';

deployJourney();
