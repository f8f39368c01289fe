// desktop, JavaScript on: after hydration (head tags survive client-side rendering).
import { metadataJourney } from '../../journeys/metadata';

metadataJourney();
