// mobile, JavaScript on, the back office in Arabic.
import { editorJourney } from '../../journeys/editor';

editorJourney({ full: false, lang: 'ar' });
