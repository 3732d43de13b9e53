import delivery from './delivery';
import deliveryAttempt from './delivery-attempt';
import directChannel from './direct-channel';
import socialAccount from './social-account';
import reply from './reply';

export default {
  'social-account': socialAccount,
  delivery,
  'delivery-attempt': deliveryAttempt,
  reply,
  'direct-channel': directChannel,
};
