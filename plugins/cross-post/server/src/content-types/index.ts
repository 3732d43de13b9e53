import delivery from './delivery';
import deliveryAttempt from './delivery-attempt';
import socialAccount from './social-account';
import reply from './reply';

export default {
  'social-account': socialAccount,
  delivery,
  'delivery-attempt': deliveryAttempt,
  reply,
};
