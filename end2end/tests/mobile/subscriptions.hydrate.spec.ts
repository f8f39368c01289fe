// mobile, JavaScript on: after hydration.
import { subscriptionsJourney } from '../../journeys/subscriptions';

subscriptionsJourney({ full: false, langs: ['ar'] });
