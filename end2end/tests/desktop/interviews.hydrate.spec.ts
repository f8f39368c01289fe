// desktop, JavaScript on: after hydration.
import { interviewsJourney } from '../../journeys/interviews';

interviewsJourney();
