// desktop, JavaScript on: after hydration.
import { notFoundJourney } from '../../journeys/not-found';

notFoundJourney();
