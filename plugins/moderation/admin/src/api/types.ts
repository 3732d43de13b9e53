/** What the admin API answers (server/src/services/admin.service.ts). */
export type Queue = 'pending' | 'reported' | 'approved' | 'rejected' | 'all';
export const QUEUES: Queue[] = ['pending', 'reported', 'approved', 'rejected', 'all'];

export type Match = {
  term: string;
  level: 'banned' | 'suspect';
  start: number;
  end: number;
  field: 'content' | 'authorName';
  masked?: boolean;
};
export type Finding = {
  rule: string;
  outcome: 'reject' | 'hold' | 'note';
  code: string;
  detail: string;
  matches?: Match[];
};

export type Sanction = {
  id: number;
  kind: 'warning' | 'suspension' | 'ban' | 'premoderation';
  until: string | null;
  note: string | null;
  issuedByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedByName: string | null;
  active: boolean;
};

export type History = { approved: number; pending: number; rejected: number; total: number };

export type Card = {
  id: string;
  status: 'approved' | 'pending' | 'rejected';
  target: {
    type: 'post' | 'event';
    documentId: string;
    key: string;
    title: string;
    adminPath: string | null;
  };
  parent: string | null;
  authorName: string;
  authorEmail: string;
  authorKey: string;
  content: string;
  locale: string;
  reasons: Finding[];
  report: {
    state: 'none' | 'open' | 'reviewed';
    count: number;
    score: number;
    reasons: Record<string, number>;
  };
  moderatedAt: string | null;
  moderatedBy: string | null;
  moderationNote: string | null;
  createdAt: string;
  author: { key: string; history: History; sanction: Sanction | null };
};

export type Pagination = { page: number; pageSize: number; total: number; pageCount: number };
export type QueueResponse = { data: Card[]; meta: { pagination: Pagination; counts: Record<Queue, number> } };

export type AuditEntry = {
  id: number;
  action: string;
  actorType: 'system' | 'admin' | 'public';
  actorName: string | null;
  commentDocumentId: string | null;
  authorKey: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
};

export type Author = {
  key: string;
  names: string[];
  emails: string[];
  history: History;
  sanctions: Sanction[];
  activeSanction: Sanction | null;
  recent: Omit<Card, 'author'>[];
};

export type Settings = {
  newAuthorPremoderation: boolean;
  rateLimits: { perIpPerMinute: number; perAuthorPerMinute: number };
  premoderation: { all: boolean; targets: string[] };
  rules: { order: string[]; disabled: string[] };
  words: { useDefaultLists: boolean; banned: string[]; suspect: string[]; allowed: string[] };
  links: { action: 'hold' | 'reject' | 'allow'; allowedDomains: string[] };
  shouting: { minLetters: number; maxCapitalsRatio: number };
  repetition: { maxCharacterRun: number; maxWordRun: number };
  duplicates: { windowMinutes: number; maxSameText: number };
  authorHistory: { windowDays: number; minComments: number; maxRejectedRatio: number };
  reports: { hideScore: number; weights: Record<string, number> };
  limits: { maxContentLength: number; maxAuthorNameLength: number; maxNoteLength: number };
  externalScorer: {
    enabled: boolean;
    url: string;
    timeoutMs: number;
    holdAbove: number;
    rejectAbove: number;
  };
  notifications: { debounceSeconds: number; webhookUrl: string; emails: string[]; adminUrl: string };
};
