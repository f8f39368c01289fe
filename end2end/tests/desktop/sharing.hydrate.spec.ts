// desktop, JavaScript on: after hydration.
import { sharingJourney } from '../../journeys/sharing';

sharingJourney();
