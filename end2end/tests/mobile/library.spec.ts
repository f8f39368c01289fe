// mobile, JavaScript off: the server's HTML alone.
import { libraryJourney } from '../../journeys/library';

libraryJourney({ langs: ['ar'] });
