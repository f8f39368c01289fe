// phone, JavaScript off: the server's HTML alone.
import { accessibilityJourney } from '../../journeys/accessibility';

accessibilityJourney();
