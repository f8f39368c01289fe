// mobile, JavaScript off: the server's HTML alone.
import { interviewsJourney } from '../../journeys/interviews';

interviewsJourney({ langs: ['ar'] });
