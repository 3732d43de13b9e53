import status from './status.controller';

export default {
  status,
};
