/**
 * Markdown to HTML for networks that publish HTML articles (WordPress). markdown-it with raw HTML off:
 * anything that looks like a tag in the post is escaped, never passed through; links only to http(s)
 * and mailto (markdown-it's own `validateLink` refuses javascript:, vbscript:, file: and data: URLs).
 */
const MarkdownIt = require('markdown-it');

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

export function markdownToHtml(text: string): string {
  return String(markdown.render(text)).trim();
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
