// mobile, JavaScript on: after hydration.
import { readingJourney } from '../../journeys/reading';

readingJourney();
