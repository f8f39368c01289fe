// desktop and phone (one project each, one after the other), JavaScript on: a deploy
// reaches open pages through the service worker, which needs JavaScript.
import { deployJourney } from '../../journeys/deploy';

deployJourney();
