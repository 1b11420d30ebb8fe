// Redaction is done on the raw text rather than through `new URL()`: a password with an unencoded `@`, `/` or `#`
// is read differently by libpq, by the WHATWG parser and by people, and a URL that does not parse must still be
// shown without its secret. Where readings differ we hide the widest span any of them could take as a password.
import { redactSecrets } from '../aws/errors.js';

const MASK = '***';
const SECRET_KEYS = new Set(['password', 'sslpassword']);

/** A database URL fit to show: password (and any password=/sslpassword= query value) replaced by ***. Never throws. */
export function redactDatabaseUrl(url: string): string {
  try {
    if (typeof url !== 'string') return MASK;
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
    if (scheme) return redactUri(scheme[0], url.slice(scheme[0].length));
    if (/^\s*[A-Za-z_]+\s*=/.test(url)) return redactKeyValueDsn(url);
    if (url.trim() === '') return url;
    // Neither a URL nor a key=value string: it may be a mistyped secret, so show none of it.
    return MASK;
  } catch {
    return MASK;
  }
}

function redactUri(scheme: string, rest: string): string {
  // The last `@` is the widest reading of where credentials end (WHATWG takes the last one in the authority,
  // libpq the first before a `/`); everything between the first `:` and it may be a password.
  const at = rest.lastIndexOf('@');
  let credentials = '';
  let remainder = rest;
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    credentials = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}@` : `${userinfo}@`;
    remainder = rest.slice(at + 1);
  }
  return `${scheme}${credentials}${redactQuery(remainder)}`;
}

function redactQuery(text: string): string {
  const question = text.indexOf('?');
  if (question < 0) return text;
  const hash = text.indexOf('#', question);
  const query = hash < 0 ? text.slice(question + 1) : text.slice(question + 1, hash);
  const fragment = hash < 0 ? '' : text.slice(hash);
  const pairs = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    return isSecretKey(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=${MASK}` : pair;
  });
  return `${text.slice(0, question + 1)}${pairs.join('&')}${fragment}`;
}

function isSecretKey(rawKey: string): boolean {
  let key = rawKey.replace(/\+/g, ' ');
  try {
    key = decodeURIComponent(key);
  } catch {
    // A malformed escape: compare the raw text, as URLSearchParams would keep it.
  }
  return SECRET_KEYS.has(key.trim().toLowerCase());
}

// libpq's `key=value` form: values may be single-quoted with backslash escapes.
function redactKeyValueDsn(dsn: string): string {
  return dsn.replace(
    /(^|\s)((?:ssl)?password)(\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)/gi,
    (_match, lead: string, key: string, eq: string) => `${lead}${key}${eq}${MASK}`,
  );
}

/** The secret values a database URL carries (password, password=/sslpassword= values), raw and decoded, for scrubbing messages. */
export function databaseUrlSecrets(url: string): string[] {
  const found = new Set<string>();
  const add = (value: string): void => {
    if (value === '') return;
    found.add(value);
    for (const form of [value, value.replace(/\+/g, ' ')]) {
      try {
        found.add(decodeURIComponent(form));
      } catch {
        // Keep only the raw form of a malformed escape.
      }
    }
  };
  try {
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
    if (scheme) {
      const rest = url.slice(scheme[0].length);
      const at = rest.lastIndexOf('@');
      const userinfo = at >= 0 ? rest.slice(0, at) : '';
      const colon = userinfo.indexOf(':');
      if (colon >= 0) add(userinfo.slice(colon + 1));
      const remainder = at >= 0 ? rest.slice(at + 1) : rest;
      const question = remainder.indexOf('?');
      if (question >= 0) {
        for (const pair of remainder.slice(question + 1).split(/[&#]/)) {
          const eq = pair.indexOf('=');
          if (eq >= 0 && isSecretKey(pair.slice(0, eq))) add(pair.slice(eq + 1));
        }
      }
    } else {
      for (const match of url.matchAll(/(?:^|\s)(?:ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'?|\S*)/gi)) {
        const value = match[1] ?? '';
        add(value);
        if (value.startsWith("'")) add(value.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1'));
      }
    }
  } catch {
    // Best effort: the caller still shows only redacted URLs.
  }
  return [...found];
}

/**
 * Why a database URL cannot be read the same way by every client, or null. A password with an unencoded `/`, `?`
 * or `#` ends the authority early for the WHATWG parser that `pg` uses: the rest of the password becomes the host
 * (`ENOTFOUND <rest-of-password>`, and a DNS query carrying it) or the database name. We refuse such a URL before
 * connecting rather than send part of a secret to a resolver.
 */
export function ambiguousUrlPassword(url: string): string | null {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url);
  if (!scheme) return null;
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  if (at < 0) return null;
  const authorityEnd = rest.search(/[/?#]/);
  if (authorityEnd < 0 || authorityEnd > at) return null;
  // Without a `:` before that `@` there is no password to split (`postgres://h/db?application_name=a@b`).
  if (!rest.slice(0, at).includes(':')) return null;
  return 'its password holds an unencoded "/", "?" or "#" (percent-encode it: %2F, %3F, %23), so clients would read part of it as the host or database';
}

// Credentials written as text inside messages (a Lambda's error, a setup command's output, a driver's error).
const TEXT_PATTERNS: [RegExp, string][] = [
  // URL userinfo up to the LAST `@` of the token: a password may hold unencoded `@`, `/`, `:`.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'`<>]*:)[^\s"'`<>]*@/gi, `$1${MASK}@`],
  // JSON keys: "DB_PASSWORD": "…", "pgpassword":"…"
  [/("[\w.-]*(?:password|passwd|pwd)[\w.-]*"\s*:\s*")(?:[^"\\]|\\.)*"/gi, `$1${MASK}"`],
  // PGPASSWORD=…, password='…' (SQL doubles a quote inside), password: "…", DB_PASSWORD = …, and a quoted key not
  // written as JSON: Python's {'password': '…'}, which a Lambda's error may quote from its connect() arguments
  [
    /(\b[\w.-]*(?:password|passwd|pwd)[\w.-]*['"]?\s*[:=]\s*)('(?:[^'\\]|\\.|'')*'?|"(?:[^"\\]|\\.)*"?|[^\s,;&)}\]]+)/gi,
    `$1${MASK}`,
  ],
];

// A scheme, `://`, and everything up to whitespace or a quote: the widest span redactDatabaseUrl may need to see.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`<>]+/g;

/** Text with every URL in it shown as redactDatabaseUrl shows one: password and password= values ***. Never throws. */
export function redactUrlsInText(text: string): string {
  return String(text).replace(URL_IN_TEXT, (url) => redactDatabaseUrl(url));
}

/** Credentials written as text, by position only: URL passwords, password keys and assignments. Never throws. */
export function redactCredentialsInText(text: string): string {
  let out = String(text);
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Text fit for a log, report or alert: every known secret value replaced by ***, then anything written like a
 * credential (URL passwords, password keys, AWS keys and tokens). Never throws.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = String(text);
  // Longest first, so a password inside a URL that is also a secret does not leave the URL's other half.
  const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of values) out = out.split(secret).join(MASK);
  return redactSecrets(redactCredentialsInText(out));
}

/**
 * The passwords of a URL too plain to be masked by value everywhere (maskableByValue): they are still replaced where
 * they stand as a whole word in text another program wrote (a setup command's output, a Lambda's error), which may
 * quote the password outside any URL. A password equal to the URL's user name is left to the patterns: replacing it
 * would hide the user in every message, and such a password is no secret from anyone who reads the URL.
 */
export function plainUrlPasswords(url: string): string[] {
  const user = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^:@/]*):/.exec(url)?.[1] ?? '';
  let decodedUser = user;
  try {
    decodedUser = decodeURIComponent(user);
  } catch {
    // A malformed escape: compare the raw form only.
  }
  return databaseUrlSecrets(url).filter(
    (password) =>
      !maskableByValue(password) &&
      password.length >= MIN_SECRET_LENGTH &&
      password !== user &&
      password !== decodedUser,
  );
}

/** Text with each word of `words` replaced by *** where it stands whole (not inside a longer word or a URL scheme). */
export function redactWords(text: string, words: Iterable<string>): string {
  let out = text;
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu'), MASK);
  }
  return out;
}

/** Shorter secret values are not replaced by value: they would hide ordinary words (the patterns still apply). */
export const MIN_SECRET_LENGTH = 4;

/**
 * Whether a password is masked by value (handed to core.setSecret and replaced wherever it appears) as well as where
 * it is a password. By value, `postgres` turns every `postgresql://` in the log into `***ql://` and every user named
 * postgres into ***, and says the password to anyone who reads the masked text. So a password is masked by value only
 * when it cannot be an ordinary word: at least 8 characters, and either two kinds of character (lower case, upper
 * case, digits, others) or at least 16 characters (a passphrase). The others — `postgres`, `password`, `secret` — are
 * redacted by position only, which every place a password is printed does: URL userinfo and password=/sslpassword=
 * values (redactDatabaseUrl), and the same written inside messages (redactText's patterns, the CLI's scrubText).
 */
export function maskableByValue(password: string): boolean {
  if (password.length < 8) return false;
  if (password.length >= 16) return true;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password)).length;
  return kinds >= 2;
}
