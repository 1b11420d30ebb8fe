// The one place secrets are taken out of what the action writes: the report (and so its stored objects, the
// summary and the SNS alert, all rendered from it) and, through the log writer, every line on stdout.
import { rememberSecret } from '../aws/errors.js';
import {
  databaseUrlSecrets,
  MIN_SECRET_LENGTH,
  maskableByValue,
  plainUrlPasswords,
  redactText,
  redactUrlsInText,
  redactWords,
} from '../database/redact.js';
import type { FleetReport } from '../fleet/model.js';
import type { Report } from '../report/model.js';

/** Inputs whose values are secrets: redacted by value wherever they appear, and masked in the runner's log. */
export const SECRET_INPUTS = ['database-url', 'reference-database-url', 'github-token'] as const;
/** Inputs that are connection URLs: the password and password= values inside them are secrets too. */
const URL_INPUTS = new Set<string>(['database-url', 'reference-database-url']);

export class Redactor {
  private readonly secrets = new Set<string>();
  /** URL passwords too plain to mask everywhere: replaced where they stand as a word in text other programs wrote. */
  private readonly plainPasswords = new Set<string>();

  /**
   * Every secret value an input carries: the whole value, and a URL's password in its raw and decoded forms when it
   * is unambiguous (maskableByValue); a password that is an ordinary word is redacted where it is a password, and
   * remembered so free text (errors quoting other programs) loses it where it stands as a word.
   */
  secretsOfInput(name: string, value: string): string[] {
    if (!value) return [];
    const found = [value, value.trim()];
    if (URL_INPUTS.has(name)) {
      found.push(...databaseUrlSecrets(value).filter(maskableByValue));
      for (const password of plainUrlPasswords(value)) this.plainPasswords.add(password);
    }
    return [...new Set(found)].filter((s) => s !== '');
  }

  /** Remembers a secret of this run; from now on it is replaced by *** in everything this redactor sees. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    // Also known to quoteRemote, which shortens remote texts: a secret cut in half there would escape by value here.
    rememberSecret(secret);
  }

  /** Free text (log lines, error messages): secret values and anything written like a credential. */
  text(text: string): string {
    return redactWords(redactText(text, this.secrets), this.plainPasswords);
  }

  /**
   * Rendered documents (Markdown, HTML) and report fields: secret values, and the passwords of URLs (a password too
   * plain to be a secret by value is still one there); not password keys, so a column named `password` keeps its diff.
   */
  values(text: string): string {
    let out = redactUrlsInText(text);
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  }

  /**
   * The report with every string cleared of secret values, and the texts that quote other systems (the error,
   * a section's summary when it failed, finding messages) also cleared of anything written like a credential.
   */
  report(report: Report): Report {
    const clean = deepMapStrings(report, (s) => this.values(s)) as Report;
    if (clean.error) clean.error = { ...clean.error, message: this.text(clean.error.message) };
    if (clean.version?.state === 'error')
      clean.version = { ...clean.version, summary: this.text(clean.version.summary) };
    if (clean.structure?.state === 'error') {
      clean.structure = { ...clean.structure, summary: this.text(clean.structure.summary) };
    }
    clean.findings = clean.findings.map((f) => ({ ...f, message: this.text(f.message) }));
    return clean;
  }

  /** A fleet report, cleared as a report is: its error messages and target summaries quote other systems. */
  fleet(fleet: FleetReport): FleetReport {
    const clean = deepMapStrings(fleet, (s) => this.values(s)) as FleetReport;
    clean.errors = clean.errors.map((e) => ({ ...e, message: this.text(e.message) }));
    clean.targets = clean.targets.map((t) => ({
      ...t,
      summary: t.status === 'error' ? this.text(t.summary) : t.summary,
      error: t.error === null ? null : { ...t.error, message: this.text(t.error.message) },
    }));
    return clean;
  }
}

function deepMapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => deepMapStrings(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMapStrings(v, map)]));
  }
  return value;
}
