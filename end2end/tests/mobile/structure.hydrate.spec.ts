// mobile, JavaScript on: the back office loads no script, so this journey runs only here.
import { structureJourney } from '../../journeys/structure';

structureJourney({ lang: 'ar' });
