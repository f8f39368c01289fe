// desktop, JavaScript on (the back office stays server-rendered forms).
import { editorJourney } from '../../journeys/editor';

editorJourney();
