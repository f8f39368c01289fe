// desktop, JavaScript off: the server's HTML, checked by the Nu HTML checker.
import { validityJourney } from '../../journeys/validity';

validityJourney();
