// Every error the CLI prints passes through here, so no command can show a database password: URLs anywhere in the
// text are redacted (src/database/redact.ts), and the secrets of every URL given on the command line are also
// removed by value (an error may quote a password that is no longer part of a URL, e.g. a DNS error). stdout is left
// alone: it carries reports and diffs that are redacted where they are built, and JSON that must stay byte-exact.
import { databaseUrlSecrets, redactDatabaseUrl } from '../database/redact.js';
import type { CliIo } from './run-cli.js';

// A scheme, `://`, and everything up to whitespace or a quote: the widest span redactDatabaseUrl may need to see.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'`<>]+/g;
const URL_ARGUMENT = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:^|\s)(?:ssl)?password\s*=/i;

/** The secret values carried by URL-like command-line arguments (`--flag=URL` included). */
export function argumentSecrets(argv: readonly string[]): string[] {
  const secrets = new Set<string>();
  for (const arg of argv) {
    const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (URL_ARGUMENT.test(value)) for (const secret of databaseUrlSecrets(value)) secrets.add(secret);
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** Text with every URL redacted and, when given, every secret value replaced by ***. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(URL_IN_TEXT, (url) => redactDatabaseUrl(url));
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/** The CLI's io with stderr scrubbed. */
export function scrubbedIo(io: CliIo, argv: readonly string[]): CliIo {
  const secrets = argumentSecrets(argv);
  return { ...io, stderr: (text) => io.stderr(scrubText(text, secrets)) };
}
