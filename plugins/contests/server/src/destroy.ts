import { stopSweeps } from './bootstrap';

const destroy = () => {
  stopSweeps();
};

export default destroy;
