import { stopDigests } from './bootstrap';

const destroy = () => {
  stopDigests();
};

export default destroy;
