import status from './status.service';

export default {
  status,
};
