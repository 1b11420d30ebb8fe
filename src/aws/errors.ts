// Turning AWS and Lambda failures into one-line messages that are safe to print.

const remembered = new Set<string>();

/** Remembers a secret of this run (as core.setSecret does for logs) so redactSecrets removes it from messages. */
export function rememberSecret(secret: string): void {
  // Very short values would redact ordinary words.
  if (secret.length >= 8) remembered.add(secret);
}

const patterns: [RegExp, string][] = [
  // URL userinfo passwords: postgres://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@'],
  // key=value, and "key": "value" as in JSON, for credential-like keys
  [
    /(\b(?:password|passwd|pwd|secret|secret_?access_?key|session_?token|security_?token|token|api_?key)=)[^\s"',;&]+/gi,
    '$1***',
  ],
  [
    /("(?:password|passwd|pwd|secret|secretAccessKey|secret_access_key|sessionToken|session_token|token|apiKey|api_key|authorization)"\s*:\s*")[^"]*/gi,
    '$1***',
  ],
  [/\b(Bearer\s+)[\w.~+/=-]+/g, '$1***'],
  // JWTs (OIDC tokens)
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '***'],
  // AWS access key ids
  [/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '***'],
  // Long mixed-case base64 runs: secret access keys (40 chars) and session tokens. Lower-case hex (sha256) is kept.
  [
    /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[a-z])(?=[A-Za-z0-9/+=]*\d)[A-Za-z0-9/+=]{40,}/g,
    '***',
  ],
];

/** Removes remembered secrets and anything that looks like a credential from text meant for logs or reports. */
export function redactSecrets(text: string, extra: Iterable<string> = []): string {
  let out = text;
  for (const secret of [...remembered, ...extra]) {
    if (secret.length >= 8) out = out.split(secret).join('***');
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** Trims and shortens text quoted from a remote service, so one bad answer cannot flood a log. */
export function quoteRemote(text: string, limit = 500): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  const safe = redactSecrets(oneLine);
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}

/** "Name: message" for an SDK or Node error, redacted and trimmed. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? error.name : '';
    const code = (error as { code?: unknown }).code;
    const message = quoteRemote(error.message || String(code ?? ''));
    const label = name || (typeof code === 'string' ? code : '');
    if (!label) return message;
    return message.startsWith(label) ? message : `${label}: ${message}`;
  }
  return quoteRemote(String(error));
}
