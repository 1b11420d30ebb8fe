// Every error the CLI prints passes through here, so no command can show a database password: URLs anywhere in the
// text are redacted (src/database/redact.ts), and the unambiguous secrets of every URL given on the command line are
// also removed by value (an error may quote a password that is no longer part of a URL, e.g. a DNS error). stdout is left
// alone: it carries reports and diffs that are redacted where they are built, and JSON that must stay byte-exact.
import {
  databaseUrlSecrets,
  maskableByValue,
  plainUrlPasswords,
  redactCredentialsInText,
  redactUrlsInText,
  redactWords,
} from '../database/redact.js';
import type { CliIo } from './run-cli.js';

const URL_ARGUMENT = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:^|\s)(?:ssl)?password\s*=/i;

/** The secret values carried by URL-like command-line arguments (`--flag=URL` included). */
export function argumentSecrets(argv: readonly string[]): string[] {
  const secrets = new Set<string>();
  for (const arg of argv) {
    const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (!URL_ARGUMENT.test(value)) continue;
    // A password that is an ordinary word (`postgres`) is redacted where it is a password, not wherever the word is.
    for (const secret of databaseUrlSecrets(value)) if (maskableByValue(secret)) secrets.add(secret);
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** Text with every URL and written credential redacted and, when given, every secret value replaced by ***. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  // By position first: a password too plain to be removed by value (`postgres`) is removed where it is a password.
  let out = redactCredentialsInText(redactUrlsInText(text));
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/** The CLI's io with stderr scrubbed; a URL's plain password also where it stands as a word (plainUrlPasswords). */
export function scrubbedIo(io: CliIo, argv: readonly string[]): CliIo {
  const secrets = argumentSecrets(argv);
  const words = argv.flatMap((arg) => {
    const value = /^--[\w-]+=/.test(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
    return URL_ARGUMENT.test(value) ? plainUrlPasswords(value) : [];
  });
  return { ...io, stderr: (text) => io.stderr(redactWords(scrubText(text, secrets), words)) };
}
