import { NETWORKS } from '../../providers';
import schema from './schema.json';

// The network enum is the registry's list (providers/index.ts), not a copy kept in schema.json.
export default {
  schema: {
    ...schema,
    attributes: { ...schema.attributes, network: { ...schema.attributes.network, enum: [...NETWORKS] } },
  },
};
