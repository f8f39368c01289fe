// phone, JavaScript on: after hydration.
import { accessibilityJourney } from '../../journeys/accessibility';

accessibilityJourney();
