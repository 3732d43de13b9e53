/**
 * Whether a parsed request body is larger (as JSON bytes) or deeper than a comment can be,
 * counted without recursion and given up as soon as a limit is passed. The Content-Length header
 * is not enough: a chunked body has none, and the body parser in front of the plugin accepts far
 * more than a comment needs.
 */
export function checkBodyShape(
  body: unknown,
  limits: { maxBytes: number; maxDepth: number }
): 'ok' | 'too-large' | 'too-deep' {
  let bytes = 0;
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') bytes += Buffer.byteLength(value) + 2;
    else if (typeof value === 'number' || typeof value === 'boolean') bytes += String(value).length;
    else if (value === null || value === undefined) bytes += 4;
    else if (typeof value === 'object') {
      if (depth >= limits.maxDepth) return 'too-deep';
      if (Array.isArray(value)) {
        bytes += 2 + value.length;
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        bytes += 2;
        for (const [key, item] of Object.entries(value)) {
          bytes += Buffer.byteLength(key) + 4;
          stack.push([item, depth + 1]);
        }
      }
    }
    if (bytes > limits.maxBytes) return 'too-large';
  }
  return 'ok';
}
