import contestEntry from './contest-entry';

export default {
  'contest-entry': contestEntry,
};
