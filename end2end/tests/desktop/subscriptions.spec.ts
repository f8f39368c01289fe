// desktop, JavaScript off: the server's HTML alone.
import { subscriptionsJourney } from '../../journeys/subscriptions';

subscriptionsJourney();
