/**
 * Saved searches: what listening looks for (our brand's names and hashtags, or a competitor's, for
 * share of voice), what to leave out, in which languages, and where (networks' searches through one
 * of cross-post's accounts, RSS and Atom feeds). Each search has one listening source per place it
 * runs; editing a search keeps the cursor of every source it keeps.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  listeningSourcesRepository,
  type ListeningSourceWish,
} from '../repositories/listening-sources.repository';
import { savedSearchesRepository, type SavedSearchRow } from '../repositories/saved-searches.repository';
import type { SavedSearchInput } from '../validators/listening.validators';
import type { Actor } from './audit.service';
import { crossPostSearch } from './listening/cross-post-search';

/** Enough for a brand, its products, people and competitors. */
const MAX_SAVED_SEARCHES = 100;

export const feedKeyOf = (url: string) => `feed:${createHash('sha1').update(url).digest('hex').slice(0, 32)}`;

const toPublic = (row: SavedSearchRow, sources: any[] = []) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  terms: row.terms ?? [],
  exclusions: row.exclusions ?? [],
  languages: row.languages ?? [],
  networks: row.networks ?? [],
  feeds: row.feeds ?? [],
  enabled: Boolean(row.enabled),
  updatedByName: row.updatedByName ?? null,
  updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
  sources: sources.map((source) => ({
    key: source.sourceKey,
    network: source.network,
    accountId: source.accountId ?? null,
    feedUrl: source.feedUrl ?? null,
    lastCollectedAt: source.lastCollectedAt ? new Date(source.lastCollectedAt).toISOString() : null,
    nextRunAt: source.nextRunAt ? new Date(source.nextRunAt).toISOString() : null,
    collectedCount: Number(source.collectedCount ?? 0),
    lastError: source.lastError ?? null,
    lastErrorKind: source.lastError ? (source.lastErrorKind ?? 'failed') : null,
    notAvailable: Boolean(source.notAvailable),
  })),
});

const savedSearchesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = savedSearchesRepository(strapi);
  const sources = listeningSourcesRepository(strapi);

  async function existing(id: number) {
    const row = await repository.findById(id);
    if (!row)
      throw new errors.NotFoundError(`No saved search has the id ${id}.`, {
        reason: 'saved_search_not_found',
      });
    return row;
  }

  async function uniqueName(name: string, id?: number) {
    const other = await repository.idByName(name);
    if (other !== null && other !== id)
      throw new errors.ValidationError(`name: a saved search is already called "${name}".`, {
        reason: 'invalid_input',
        field: 'name',
        issues: [{ path: 'name', message: 'already used by another saved search' }],
      });
  }

  /** Where the search runs: the first account of each network chosen (cross-post's), and each feed. */
  async function wishesOf(input: SavedSearchInput): Promise<ListeningSourceWish[]> {
    const accounts = await crossPostSearch(strapi).accounts();
    const missing = input.networks.filter((network) => !accounts.some((a) => a.network === network));
    if (missing.length > 0)
      throw new errors.ValidationError(
        `networks: no connected ${missing.join(', ')} account can search: connect one under Cross-post → Accounts, or leave ${missing.length > 1 ? 'these networks' : 'this network'} out.`,
        {
          reason: 'invalid_input',
          field: 'networks',
          issues: [{ path: 'networks', message: `no account for ${missing.join(', ')}` }],
        }
      );
    return [
      ...input.networks.map((network) => ({
        sourceKey: network,
        network,
        accountId: accounts.find((a) => a.network === network)!.accountId,
        feedUrl: null,
      })),
      ...input.feeds.map((url) => ({
        sourceKey: feedKeyOf(url),
        network: 'rss',
        accountId: null,
        feedUrl: url,
      })),
    ];
  }

  const rowOf = (input: SavedSearchInput, actor: Actor) => ({
    name: input.name,
    kind: input.kind,
    terms: input.terms,
    exclusions: input.exclusions,
    languages: input.languages,
    networks: input.networks,
    feeds: input.feeds,
    enabled: input.enabled,
    updatedByName: actor.name ?? null,
  });

  async function withSources(rows: SavedSearchRow[]) {
    const all = await sources.listOf(rows.map((row) => row.id));
    return rows.map((row) =>
      toPublic(
        row,
        all.filter((s) => Number(s.searchId) === row.id)
      )
    );
  }

  return {
    async list() {
      return withSources(await repository.list());
    },

    async findOne(id: number) {
      return (await withSources([await existing(id)]))[0];
    },

    async create(input: SavedSearchInput, actor: Actor) {
      if ((await repository.count()) >= MAX_SAVED_SEARCHES)
        throw new errors.ApplicationError(
          `There are already ${MAX_SAVED_SEARCHES} saved searches: delete some before adding more.`,
          { reason: 'too_many_saved_searches' }
        );
      await uniqueName(input.name);
      const wishes = await wishesOf(input);
      const row = await repository.create(rowOf(input, actor));
      await sources.sync(row.id, wishes);
      return this.findOne(row.id);
    },

    async update(id: number, input: SavedSearchInput, actor: Actor) {
      await existing(id);
      await uniqueName(input.name, id);
      const wishes = await wishesOf(input);
      await repository.update(id, rowOf(input, actor));
      await sources.sync(id, wishes);
      return this.findOne(id);
    },

    /** The search and its sources go; the mentions it found stay in the queue. */
    async remove(id: number) {
      const row = await existing(id);
      await sources.deleteOfSearch(id);
      await repository.delete(id);
      return toPublic(row);
    },
  };
};

export default savedSearchesService;
