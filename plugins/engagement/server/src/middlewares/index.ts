import trackedLinks from './tracked-links';

export default { ...trackedLinks };
