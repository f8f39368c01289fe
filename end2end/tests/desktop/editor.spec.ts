// desktop, JavaScript off: the server's HTML alone.
import { editorJourney } from '../../journeys/editor';

editorJourney();
