// phone, JavaScript on: after hydration.
import { phoneMenuJourney } from '../../journeys/menu';

phoneMenuJourney();
