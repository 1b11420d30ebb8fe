// Redaction is done on the raw text rather than through `new URL()`: a password with an unencoded `@`, `/` or `#`
// is read differently by libpq, by the WHATWG parser and by people, and a URL that does not parse must still be
// shown without its secret. Where readings differ we hide the widest span any of them could take as a password.

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
