// desktop, JavaScript on: after hydration.
import { languageJourney } from '../../journeys/language';

languageJourney();
