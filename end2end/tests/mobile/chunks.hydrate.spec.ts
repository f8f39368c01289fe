// mobile, JavaScript on: after hydration.
import { chunksJourney } from '../../journeys/chunks';

chunksJourney();
