// desktop, JavaScript off: the server's HTML alone.
import { metadataJourney } from '../../journeys/metadata';

metadataJourney();
