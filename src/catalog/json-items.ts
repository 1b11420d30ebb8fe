// The items of a JSON array text, parsed one at a time. A snapshot's answer is one array of tens of thousands of small
// items; parsed whole, the tree of every item lives while the first ones are read, survives the young generation's
// collections and is copied into the old one, where it is garbage that counts towards peak memory until a full
// collection. Parsed one by one, each item dies young.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const SPACE = /^[ \t\n\r]*$/;

/**
 * Yields each element of the JSON array `text` as JSON.parse would give it; throws where JSON.parse(text) would
 * (a malformed element, separator, bracket or trailing text), naming the offset.
 */
export function* jsonArrayItems(text: string): Generator<unknown> {
  const first = text.search(/[^ \t\n\r]/);
  if (first < 0 || text.charCodeAt(first) !== 0x5b) throw new SyntaxError("the text does not start with '['");
  let depth = 0;
  let start = first + 1;
  let items = 0;
  for (let i = first + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Jump to the closing quote: one not escaped by an odd number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) throw new SyntaxError(`unterminated string at offset ${i}`);
      i = end;
    } else if (OPEN.has(c)) depth++;
    else if (depth > 0 && CLOSE.has(c)) depth--;
    else if (depth === 0 && (c === COMMA || c === 0x5d)) {
      const piece = text.slice(start, i);
      // `[]` (and `[ ]`) has no element; anywhere else an empty piece is a stray comma, which JSON.parse refuses.
      if (c === COMMA || items > 0 || !SPACE.test(piece)) {
        yield parseItem(piece, start);
        items++;
      }
      start = i + 1;
      if (c === 0x5d) {
        if (!SPACE.test(text.slice(i + 1))) throw new SyntaxError(`unexpected text after the array at offset ${i + 1}`);
        return;
      }
    }
  }
  throw new SyntaxError('unterminated array');
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
  return backslashes % 2 === 1;
}

// The parser's message quotes the text, which is the remote's: only the offset is named.
function parseItem(piece: string, offset: number): unknown {
  try {
    return JSON.parse(piece);
  } catch {
    throw new SyntaxError(`the element at offset ${offset} is not valid JSON`);
  }
}
