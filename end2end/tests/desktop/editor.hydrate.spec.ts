// desktop, JavaScript on: the back office loads no script, so this journey runs only here.
import { editorJourney } from '../../journeys/editor';

editorJourney();
