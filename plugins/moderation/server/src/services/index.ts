import settings from './settings.service';
import identity from './identity.service';
import targets from './targets.service';
import audit from './audit.service';
import sanctions from './sanctions.service';
import notifier from './notifier.service';
import externalScorer from './external-scorer.service';
import client from './client.service';
import admin from './admin.service';
import rateLimits from './rate-limits.service';
import lookup from './lookup.service';
import inbox from './inbox.service';
import answers from './answers.service';
import handling from './handling.service';
import savedReplies from './saved-replies.service';
import inboxReport from './inbox-report.service';
import savedSearches from './saved-searches.service';
import listening from './listening.service';
import listeningReport from './listening-report.service';
import mentions from './mentions.service';

export default {
  settings,
  identity,
  targets,
  audit,
  sanctions,
  notifier,
  'external-scorer': externalScorer,
  client,
  admin,
  'rate-limits': rateLimits,
  lookup,
  inbox,
  answers,
  handling,
  'saved-replies': savedReplies,
  'inbox-report': inboxReport,
  'saved-searches': savedSearches,
  listening,
  'listening-report': listeningReport,
  mentions,
};
