'use strict';
/**
 * Development and test email provider: nothing leaves the machine. Each message becomes one JSON
 * file in the outbox folder (`providerOptions.dir`, default `.tmp/outbox`), so a developer can read
 * what would have been sent and a test can assert on it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');

const REQUIRED = ['to', 'subject'];

module.exports = {
  init(providerOptions = {}, settings = {}) {
    const dir = path.resolve(process.env.EMAIL_OUTBOX_DIR || providerOptions.dir || '.tmp/outbox');
    return {
      async send(options) {
        const missing = REQUIRED.filter((field) => !options || !options[field]);
        if (missing.length > 0) {
          throw new Error(`Email not sent: missing ${missing.join(', ')}`);
        }
        if (!options.text && !options.html) {
          throw new Error('Email not sent: give it a text or an html body');
        }
        const message = {
          id: randomUUID(),
          date: new Date().toISOString(),
          from: options.from || settings.defaultFrom,
          replyTo: options.replyTo || settings.defaultReplyTo,
          to: options.to,
          cc: options.cc,
          bcc: options.bcc,
          subject: options.subject,
          text: options.text,
          html: options.html,
        };
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${message.date.replace(/[:.]/g, '-')}-${message.id}.json`);
        fs.writeFileSync(file, JSON.stringify(message, null, 2));
        return message;
      },
    };
  },
};
