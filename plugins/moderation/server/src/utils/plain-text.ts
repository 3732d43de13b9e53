/**
 * Comments are plain text: markup is removed on the way in, so that no API and no screen can ever
 * hand back something a browser would run, even a frontend that (wrongly) uses innerHTML.
 * "a < b", "<3" and "x > y" are kept; "<script>", "<img onerror=…>" and "<!-- -->" are not.
 *
 * It runs on every public submission, so it reads the text once: work grows with the length of
 * the text, whatever it holds (nested "<scr<script>ipt>" or 100 KB of "<<<<").
 */

// Control characters other than tab and line feed, and bidi overrides that disguise text. Removed
// first, so that "<\u0000script>" cannot turn into a tag once they are gone.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Half of a surrogate pair with no other half: not text, and some databases refuse it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

const isLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/** What may follow "<" in a tag: a letter, "/" and a letter, "!" (comments, doctype) or "?". */
const startsTag = (next: number, afterNext: number) =>
  isLetter(next) || (next === SLASH && isLetter(afterNext)) || next === BANG || next === QUESTION;

/** What an HTML parser could still read as the start of a tag once "<" is followed by it. */
const couldOpenTag = (next: number) => isLetter(next) || next === SLASH || next === BANG || next === QUESTION;

/**
 * Removes every tag ("<" + tag start + anything but "<" and ">" + ">"), including those that only
 * appear once an inner one is gone, in one pass: the text kept so far is a stack, and each ">"
 * closes the latest "<" still open after the last ">" kept. Each character is pushed and removed
 * at most once. Then drops each run of "<" that an unfinished tag would start with ("<script",
 * "<<a" with no ">").
 */
function removeMarkup(text: string): string {
  const kept = new Uint16Array(text.length);
  let length = 0;
  const openings = new Int32Array(text.length);
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LT) {
      openings[open++] = length;
      kept[length++] = code;
    } else if (code === GT && open > 0) {
      const start = openings[open - 1];
      // Past the end of what is kept, typed arrays read 0, which starts no tag.
      if (start + 1 < length && startsTag(kept[start + 1], start + 2 < length ? kept[start + 2] : 0)) {
        length = start;
        open -= 1;
      } else {
        kept[length++] = code;
        open = 0;
      }
    } else {
      kept[length++] = code;
    }
  }

  let written = 0;
  let run = 0;
  for (let i = 0; i < length; i++) {
    const code = kept[i];
    if (code === LT) {
      run += 1;
      continue;
    }
    if (run > 0 && !couldOpenTag(code)) for (; run > 0; run--) kept[written++] = LT;
    run = 0;
    kept[written++] = code;
  }
  for (; run > 0; run--) kept[written++] = LT;
  return UTF16.decode(kept.subarray(0, written));
}

const UTF16 = new TextDecoder('utf-16le');

export function toPlainText(input: string): string {
  const text = input
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, '');
  return removeMarkup(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
