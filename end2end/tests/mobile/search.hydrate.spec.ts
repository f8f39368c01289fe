// mobile, JavaScript on: after hydration.
import { searchJourney } from '../../journeys/search';

searchJourney();
