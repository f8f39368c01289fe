// mobile, JavaScript on: after hydration.
import { facesJourney } from '../../journeys/faces';

facesJourney({ langs: ['ar'] });
