/**
 * Comments are plain text: markup is removed on the way in, so that no API and no screen can ever
 * hand back something a browser would run, even a frontend that (wrongly) uses innerHTML.
 * "a < b", "<3" and "x > y" are kept; "<script>", "<img onerror=…>" and "<!-- -->" are not.
 */
const TAG = /<\/?[a-zA-Z][^<>]*>|<![^<>]*>|<\?[^<>]*>/g;
// What is left that a parser could still read as the start of a tag: "<script" with no ">".
const TAG_OPENING = /<(?=[a-zA-Z/!?])/g;
// Control characters other than tab and line feed, and bidi overrides that disguise text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function toPlainText(input: string): string {
  let text = input.replace(/\r\n?/g, '\n').normalize('NFC');
  let previous: string;
  do {
    previous = text;
    text = text.replace(TAG, '');
  } while (text !== previous);
  return text
    .replace(TAG_OPENING, '')
    .replace(CONTROL, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
