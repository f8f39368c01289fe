// mobile, JavaScript off: the server's HTML alone, the back office in Arabic.
import { editorJourney } from '../../journeys/editor';

editorJourney({ full: false, lang: 'ar' });
