import campaign from '../../api/campaign/content-types/campaign/schema.json';
import event from '../../api/event/content-types/event/schema.json';
import partnership from '../../api/partnership/content-types/partnership/schema.json';
import post from '../../api/post/content-types/post/schema.json';
import kpiTarget from '../../components/campaign/kpi-target.json';
import utm from '../../components/campaign/utm.json';
import prize from '../../components/contest/prize.json';
import contestSettings from '../../components/contest/settings.json';
import deliverable from '../../components/partnership/deliverable.json';
import networkVariant from '../../components/post/network-variant.json';
import contact from '../../components/shared/contact.json';
import place from '../../components/shared/place.json';

export type SchemaAttribute = { type: string; enum?: string[] };
export type Schema = { info: { displayName: string }; attributes: Record<string, SchemaAttribute> };

/**
 * The host app's content types and components, by uid. The schema files are the truth; the unit test
 * `schema-texts.test.ts` fails when a schema on disk is missing here.
 */
export const CONTENT_TYPE_SCHEMAS: Record<string, Schema> = {
  'api::campaign.campaign': campaign,
  'api::event.event': event,
  'api::partnership.partnership': partnership,
  'api::post.post': post,
};

export const COMPONENT_SCHEMAS: Record<string, Schema> = {
  'campaign.kpi-target': kpiTarget,
  'campaign.utm': utm,
  'contest.prize': prize,
  'contest.settings': contestSettings,
  'partnership.deliverable': deliverable,
  'post.network-variant': networkVariant,
  'shared.contact': contact,
  'shared.place': place,
};
