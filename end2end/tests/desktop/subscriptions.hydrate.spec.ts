// desktop, JavaScript on: after hydration.
import { subscriptionsJourney } from '../../journeys/subscriptions';

subscriptionsJourney();
