import { useCallback, useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

import { PLUGIN_ID } from '../pluginId';

export type ReviewStatus = 'draft' | 'in_review' | 'approved';

export type TextChange = { field: string; before: string | null; after: string | null };

export type HistoryEntry = {
  id: number;
  action: string;
  actorName: string | null;
  reason: string | null;
  variant: string | null;
  contentHash: string | null;
  details: { changes?: TextChange[]; approvals?: number; required?: number; url?: string | null } | null;
  createdAt: string;
};

export type Review = {
  documentId: string;
  locale: string;
  title: string | null;
  status: ReviewStatus;
  hash: string;
  accountIds: number[];
  lastEditor: string | null;
  ownVersion: boolean;
  submittedBy: string | null;
  approvals: { id: number | null; name: string; at: string }[];
  requiredApprovals: number;
  approvedHash: string | null;
  actions: { submit: boolean; approve: boolean; requestChanges: boolean; revert: boolean; comment: boolean };
  history: HistoryEntry[];
};

export type InboxItem = {
  documentId: string;
  locale: string;
  title: string | null;
  status: ReviewStatus;
  updatedAt: string;
  comment?: string | null;
};

type Subject = { documentId: string; locale: string };

/** Every call of the editorial plugin's admin API. */
export const useEditorialApi = () => {
  const { get, post } = useFetchClient();
  const send = useCallback(
    async (path: string, body: object) =>
      (await post<{ data: Review }>(`/${PLUGIN_ID}/review${path}`, body)).data.data,
    [post]
  );
  return useMemo(
    () => ({
      review: async ({ documentId, locale }: Subject) =>
        (await get<{ data: Review }>(`/${PLUGIN_ID}/review`, { params: { documentId, locale } })).data.data,
      submit: (subject: Subject) => send('/submit', subject),
      approve: (subject: Subject, hash: string) => send('/approve', { ...subject, hash }),
      requestChanges: (subject: Subject, comment: string, variant: string | null) =>
        send('/request-changes', { ...subject, comment, variant }),
      revert: (subject: Subject) => send('/revert', subject),
      comment: (subject: Subject, text: string, variant: string | null) =>
        send('/comments', { ...subject, text, variant }),
      inbox: async () =>
        (await get<{ data: { waiting: InboxItem[]; sentBack: InboxItem[] } }>(`/${PLUGIN_ID}/inbox`)).data
          .data,
    }),
    [get, send]
  );
};
