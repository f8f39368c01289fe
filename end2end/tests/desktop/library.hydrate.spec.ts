// desktop, JavaScript on: after hydration.
import { libraryJourney } from '../../journeys/library';

libraryJourney();
