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
  type: string;
  documentId: string;
  locale: string;
  title: string | null;
  status: ReviewStatus;
  updatedAt: string;
  comment?: string | null;
};

/** A document under review: its type (`api::post.post` unless another type opted in), id and locale. */
type Subject = { type?: string; documentId: string; locale: string };

/** A type under review, and which of its documents take part (events: only contests). */
export type ReviewedType = { uid: string; when: { field: string; in: string[] } | null };

export type NotificationKind = 'submitted' | 'voided' | 'approved' | 'changes_requested';

export type Notification = {
  id: number;
  kind: NotificationKind;
  type: string;
  documentId: string;
  locale: string;
  title: string | null;
  actorName: string | null;
  comment: string | null;
  createdAt: string;
  read: boolean;
};

export type NotificationsPage = {
  data: Notification[];
  meta: { pagination: { page: number; pageSize: number; total: number }; unread: number };
};

export type CampaignRule = {
  campaignDocumentId: string;
  requiredApprovals: 1 | 2;
  approverRoleIds: number[];
  approverUserIds: number[];
};

export type RulesOverview = {
  defaultRequiredApprovals: number;
  campaigns: { documentId: string; name: string; rule: CampaignRule | null }[];
  roles: { id: number; name: string; code: string }[];
  users: { id: number; name: string; email: string }[];
};

/** Every call of the editorial plugin's admin API. */
export const useEditorialApi = () => {
  const { get, post, put } = useFetchClient();
  const send = useCallback(
    async (path: string, body: object) =>
      (await post<{ data: Review }>(`/${PLUGIN_ID}/review${path}`, body)).data.data,
    [post]
  );
  return useMemo(
    () => ({
      review: async ({ type, documentId, locale }: Subject) =>
        (
          await get<{ data: Review }>(`/${PLUGIN_ID}/review`, {
            params: { ...(type && { type }), documentId, locale },
          })
        ).data.data,
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
      reviewedTypes: async () => (await get<{ data: ReviewedType[] }>(`/${PLUGIN_ID}/subjects`)).data.data,
      notifications: async (params: { unread: boolean; page: number; pageSize?: number }) =>
        (
          await get<NotificationsPage>(`/${PLUGIN_ID}/notifications`, {
            params: { unread: String(params.unread), page: params.page, pageSize: params.pageSize ?? 20 },
          })
        ).data,
      markRead: async (ids: number[] | 'all') =>
        (
          await post<{ data: { marked: number; unread: number } }>(
            `/${PLUGIN_ID}/notifications/read`,
            ids === 'all' ? { all: true } : { ids }
          )
        ).data.data,
      rulesOverview: async () => (await get<{ data: RulesOverview }>(`/${PLUGIN_ID}/rules`)).data.data,
      saveRule: async ({ campaignDocumentId, ...rule }: CampaignRule) =>
        (await put<{ data: CampaignRule }>(`/${PLUGIN_ID}/rules/${campaignDocumentId}`, rule)).data.data,
    }),
    [get, post, put, send]
  );
};
