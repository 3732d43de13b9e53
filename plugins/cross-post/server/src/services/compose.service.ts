/**
 * What a delivery publishes: the post in the account's language (falling back to the default
 * locale), the network's variant when there is one, hashtags, and the link with the campaign's UTM
 * parameters.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import axios from 'axios';

import type { Credentials, NetworkId, OutgoingImage, OutgoingPost } from '../providers';
import { fitMedia } from '../media/fit-media';
import { previewMedia } from '../media/preview-media';
import type { MediaMemo } from '../media/media-memo';
import { PLUGIN_ID } from '../plugin-id';
import { downloadedSource, fileSource } from '../utils/media-source';

const POST_UID = 'api::post.post';

export type PostSnapshot = {
  documentId: string;
  locale: string;
  title: string;
  body: string;
  link: string | null;
  hashtags: string[];
  variants: { network: string; text: string; link?: string | null }[];
  media: { url: string; mime: string; size?: number; name: string; alternativeText?: string | null }[];
  campaign: {
    documentId: string;
    slug?: string;
    utm?: Record<string, string | null> | null;
    hashtags?: string[];
  } | null;
};

/** Adds utm_* parameters the link does not already have. */
export function withUtm(link: string, utm: Record<string, string | null | undefined>): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  for (const [name, value] of Object.entries(utm)) {
    if (value && !url.searchParams.has(`utm_${name}`)) url.searchParams.set(`utm_${name}`, value);
  }
  return url.toString();
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** Whether `text` already has `tag` as a whole tag (case-insensitive): plain search, the tag is user text, never a pattern. */
export function containsHashtag(text: string, tag: string): boolean {
  const haystack = text.toLowerCase();
  const needle = tag.toLowerCase();
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const next = haystack.slice(at + needle.length).charAt(0);
    if (!next || !WORD_CHARACTER.test(next)) return true;
  }
  return false;
}

/** The text one network gets, from a post already loaded in the right locale. */
export function composeText(post: PostSnapshot, network: NetworkId): { text: string; link: string | null } {
  const variant = post.variants.find((v) => v.network === network);
  let text = (variant?.text ?? post.body ?? '').trim();
  const baseLink = variant?.link || post.link;
  const utm = post.campaign?.utm ?? {};
  const link = baseLink
    ? withUtm(baseLink, {
        source: utm.source || network,
        medium: utm.medium || 'social',
        campaign: utm.campaign || post.campaign?.slug,
        term: utm.term,
        content: utm.content,
      })
    : null;
  const tags = [...(post.hashtags ?? []), ...(post.campaign?.hashtags ?? [])]
    .map((tag) => `#${String(tag).replace(/^#/, '')}`)
    .filter((tag, i, all) => all.indexOf(tag) === i && !containsHashtag(text, tag));
  if (tags.length > 0) text = `${text}\n\n${tags.join(' ')}`;
  if (link && !(baseLink && text.includes(baseLink))) text = `${text}\n\n${link}`;
  // A function, so that `$&` or `$'` in a link is not read as a replacement pattern.
  else if (link && baseLink) text = text.replace(baseLink, () => link);
  return { text, link };
}

/** A post document (or the approved snapshot of one) as compose reads it. */
export function postSnapshotOf(documentId: string, post: any, fallbackLocale: string): PostSnapshot {
  return {
    documentId,
    locale: post.locale ?? fallbackLocale,
    title: post.title ?? '',
    body: post.body ?? '',
    link: post.link ?? null,
    hashtags: Array.isArray(post.hashtags) ? post.hashtags : [],
    variants: post.variants ?? [],
    media: post.media ?? [],
    campaign: post.campaign
      ? {
          documentId: post.campaign.documentId,
          slug: post.campaign.slug,
          utm: post.campaign.utm ?? null,
          hashtags: Array.isArray(post.campaign.hashtags) ? post.campaign.hashtags : [],
        }
      : null,
  };
}

const composeService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function defaultLocale(): Promise<string> {
    try {
      return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'fr';
    } catch {
      return 'fr';
    }
  }

  async function findPost(documentId: string, locale: string) {
    return strapi.documents(POST_UID as any).findOne({
      documentId,
      locale,
      populate: { variants: true, media: true, campaign: { populate: { utm: true } } } as any,
    });
  }

  function publicUrl(): string | undefined {
    const configured = strapi.plugin(PLUGIN_ID).config('publicUrl') as string | undefined;
    const server = strapi.config.get('server.url') as string | undefined;
    return configured || (server && /^https?:\/\//.test(server) ? server : undefined);
  }

  function imageOf(media: PostSnapshot['media'][number]): OutgoingImage {
    const base = publicUrl();
    const isLocal = media.url.startsWith('/');
    return {
      filename: media.name,
      mimeType: media.mime,
      alt: media.alternativeText ?? '',
      // Strapi stores sizes in kB.
      size: media.size ? Math.round(media.size * 1000) : undefined,
      publicUrl: isLocal ? (base ? `${base.replace(/\/$/, '')}${media.url}` : undefined) : media.url,
      async load() {
        if (isLocal) return readFile(path.join(strapi.dirs.static.public, media.url));
        const { data } = await axios.get(media.url, { responseType: 'arraybuffer', timeout: 15_000 });
        return Buffer.from(data);
      },
      open() {
        return isLocal
          ? fileSource(path.join(strapi.dirs.static.public, media.url))
          : downloadedSource(media.url);
      },
    };
  }

  return {
    /**
     * The post's images made to fit the network (formats, bytes, aspect, width), with what changed
     * and why: what is sent, and what the preview shows.
     */
    fitMedia(outgoing: OutgoingPost, network: NetworkId, settings: Credentials, memo?: MediaMemo) {
      return fitMedia(
        outgoing,
        network,
        settings,
        { publicDir: strapi.dirs.static.public, publicBase: publicUrl() },
        memo
      );
    },

    /**
     * What the side panel shows of a fitted post's files: a small picture of each image, its size.
     * A preview of several accounts passes one memo (`mediaMemo()`) here and to `fitMedia`.
     */
    previewMedia(fitted: OutgoingPost, memo?: MediaMemo) {
      return previewMedia(fitted, memo);
    },

    /** The post in `language` when it exists, else in the default locale; null when the post is gone. */
    async loadPost(documentId: string, language?: string | null): Promise<PostSnapshot | null> {
      const fallback = await defaultLocale();
      const found =
        (language ? await findPost(documentId, language) : null) ?? (await findPost(documentId, fallback));
      if (!found) return null;
      return postSnapshotOf(documentId, found as any, fallback);
    },

    outgoing(post: PostSnapshot, network: NetworkId, createdAt: Date): OutgoingPost {
      const { text, link } = composeText(post, network);
      // One object per medium: `images` and `media` share them (an image is fitted once).
      const media = post.media
        .filter((m) => m.mime?.startsWith('image/') || m.mime?.startsWith('video/'))
        .map(imageOf);
      return {
        title: post.title,
        text,
        link,
        images: media.filter((m) => m.mimeType.startsWith('image/')),
        media,
        language: post.locale,
        createdAt,
      };
    },
  };
};

export type ComposeService = ReturnType<typeof composeService>;
export default composeService;
