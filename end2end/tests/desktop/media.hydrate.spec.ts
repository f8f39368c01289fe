// desktop, JavaScript on: the back office loads no script, so this journey runs only here.
import { mediaJourney } from '../../journeys/media';

mediaJourney({ lang: 'fr' });
