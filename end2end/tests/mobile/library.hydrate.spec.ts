// mobile, JavaScript on: after hydration.
import { libraryJourney } from '../../journeys/library';

libraryJourney({ langs: ['ar'] });
