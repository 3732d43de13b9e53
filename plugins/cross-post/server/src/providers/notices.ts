/**
 * What an account's inbox cannot collect, in English: what the replies service says beside each
 * notice's code (kit contracts' INBOX_NOTICES), which the queue shows in the editor's language.
 */
import type { InboxNotice } from '@porte-voix/kit/contracts';

const NOTICE_TEXTS: Record<InboxNotice, string> = {
  'bluesky.messagesRefused':
    'The app password does not allow direct messages: create one with "Allow access to your direct messages" ticked and edit the account. Replies and mentions are still collected.',
  'discord.gatewayAway':
    "Discord's gateway is not connected for this bot: direct messages are read in the conversations heard so far, and a new conversation is heard once it connects (CROSS_POST_DISCORD_GATEWAY must be on for at least one instance).",
  'discourse.messagesRefused':
    'Discourse refused to list the private messages of the account: the inbox reads the topics only. Give the API key the "All Users" or "Single User" level with read access to private messages, then reconnect the account.',
  'facebook.messagesRefused':
    "Facebook does not let this app read the Page's Messenger conversations (the pages_messaging permission is missing): reconnect the Page allowing messages. Comments are still collected.",
  'instagram.messagesRefused':
    'Instagram does not let this app read the account\'s direct messages (the instagram_business_manage_messages permission is missing, or "Allow access to messages" is off in the app\'s settings): reconnect the account allowing messages. Comments are still collected.',
  'x.searchUnavailable':
    "X's plan for this app does not include the recent search: replies that do not mention the account are not collected (mentions are). The Basic and Pro plans include it.",
  'x.messagesUnavailable':
    "X does not let this app read the account's direct messages (the dm.read permission or a plan with direct messages is missing): reconnect the account allowing direct messages. Replies and mentions are still collected.",
};

/** The notices of a page as one text, or null when there are none. */
export const noticeText = (notices: readonly InboxNotice[]): string | null =>
  notices.length > 0 ? notices.map((notice) => NOTICE_TEXTS[notice]).join(' ') : null;
