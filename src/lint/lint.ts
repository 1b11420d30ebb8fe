// Migration safety, in two steps so production is asked once: `findRisks` reads the migrations and applies the
// rules (pure, no database); `gradeRisks` sets each finding's severity from the sizes of the tables it touches.
import type { Severity } from '../migrations/finding.js';
import { fileIgnoreFor, type LintConfig } from './config.js';
import { type MigrationOperations, type Operation, sameTable, type TableRef, tableName } from './operation.js';
import { readMigrationOperations } from './python-reader.js';
import { RULE_BY_ID, RULES, type Rule, typeChange } from './rules.js';
import { loadSqlParser, SqlParserNotLoaded } from './sql-reader.js';
import { describeSize, type LargeTable, type TableSize, type TableSizes, tableKey } from './table-sizes.js';

/** One migration file to lint; `text` is read when the file's turn comes, so only one file is held at a time. */
export interface LintInput {
  /** Repository-relative path, forward slashes. */
  file: string;
  text: string | (() => string);
}

export interface LintOptions {
  config: LintConfig;
  /** Whether env.py sets lock_timeout; null when env.py could not be read. */
  envLockTimeout: boolean | null;
  /** YYYY-MM-DD, for ignore expiry. */
  today: string;
  /** When linting must stop (timeout-seconds): checked after each file, with the event loop let run between files. */
  deadline?: LintDeadline;
}

export interface LintDeadline {
  /** Milliseconds on `now`'s clock. */
  at: number;
  /** The input the limit comes from, for the message: `timeout-seconds (300)`. */
  what: string;
  now?: () => number;
}

/** Time ran out while linting; names the file that was being read. */
export class LintTimeoutError extends Error {
  constructor(
    readonly file: string,
    deadline: LintDeadline,
    done: number,
    total: number,
  ) {
    super(`${deadline.what} ran out while linting ${file} (${done} of ${total} migrations linted)`);
    this.name = 'LintTimeoutError';
  }
}

/** A rule that fired, before grading. */
export interface Risk {
  rule: Rule;
  message: string;
  file: string;
  line: number;
  table: TableRef | null;
}

export interface IgnoredRisk {
  rule: string;
  file: string;
  line: number;
  reason: string;
  expires: string | null;
  by: 'inline' | 'config';
}

export interface LintNote {
  kind: 'lint-unreadable' | 'expired-ignore-rule' | 'lint-ignore-invalid';
  severity: Severity;
  message: string;
  file: string;
  line?: number;
}

export interface FoundRisks {
  migrations: number;
  risks: Risk[];
  ignored: IgnoredRisk[];
  notes: LintNote[];
}

/** How a finding's severity was decided. */
export type GradedBy = 'production' | 'new-table' | 'default' | 'config';

/** A rule's finding (`rule` set) or a note on what could not be read or applied (`rule` null). */
export interface LintFinding {
  /** The rule id, or the note's kind: lint-unreadable, lint-ignore-invalid, expired-ignore-rule. */
  kind: string;
  rule: string | null;
  severity: Severity;
  message: string;
  file: string;
  line: number | null;
  table: string | null;
  rows: number | null;
  bytes: number | null;
  graded_by: GradedBy | null;
  lock: string | null;
}

/** The `lint` section of the report (docs/report.schema.json). */
export interface LintSection {
  migrations: number;
  /** Whether production sizes graded the findings, and from where or why not. */
  production: { read: true; source: string } | { read: false; reason: string };
  large_table: { rows: number | null; bytes: number | null };
  counts: Record<Severity, number>;
  /** Rule findings, then what could not be read (notices), in file and line order. */
  findings: LintFinding[];
  ignored: IgnoredRisk[];
}

/** Reads every migration and applies the rules. */
export async function findRisks(inputs: readonly LintInput[], options: LintOptions): Promise<FoundRisks> {
  const found: FoundRisks = { migrations: inputs.length, risks: [], ignored: [], notes: [] };
  const { deadline } = options;
  const now = deadline?.now ?? Date.now;
  for (const [done, input] of inputs.entries()) {
    if (deadline) {
      // Reading is synchronous: without this turn of the event loop no timer (a mode's watchdog) could fire.
      await new Promise((resolve) => setImmediate(resolve));
      if (now() >= deadline.at) throw new LintTimeoutError(input.file, deadline, done, inputs.length);
    }
    const text = typeof input.text === 'string' ? input.text : input.text();
    const checkpoint = deadline
      ? () => {
          if (now() >= deadline.at) throw new LintTimeoutError(input.file, deadline, done, inputs.length);
        }
      : undefined;
    lintOne(input, await readOperations(text, checkpoint), options, found);
    checkpoint?.();
  }
  for (const ignore of options.config.ignores) {
    if (ignore.expires !== undefined && ignore.expires < options.today) {
      found.notes.push({
        kind: 'expired-ignore-rule',
        severity: 'warning',
        message: `Lint ignore for ${ignore.rule} in "${ignore.file}" expired on ${ignore.expires} and no longer applies (reason was: ${ignore.reason})`,
        file: ignore.source,
        ...(ignore.line ? { line: ignore.line } : {}),
      });
    }
  }
  return found;
}

// The SQL parser (WebAssembly, ~15 MB and ~100 ms to load) is loaded by the first migration that has SQL to read;
// that file is read again once it is loaded, so nothing is skipped.
async function readOperations(text: string, checkpoint?: () => void): Promise<MigrationOperations> {
  try {
    return readMigrationOperations(text, checkpoint);
  } catch (error) {
    if (!(error instanceof SqlParserNotLoaded)) throw error;
    await loadSqlParser();
    return readMigrationOperations(text, checkpoint);
  }
}

function lintOne(input: LintInput, read: MigrationOperations, options: LintOptions, found: FoundRisks): void {
  const { file } = input;
  const created = read.operations.filter((o) => o.kind === 'create-table' && o.table).map((o) => o.table as TableRef);
  const isNew = (op: Operation) => op.table !== null && created.some((t) => sameTable(t, op.table as TableRef));
  for (const u of read.unreadable) {
    found.notes.push({
      kind: 'lint-unreadable',
      severity: 'notice',
      message: `Not linted: ${u.message}`,
      file,
      line: u.line,
    });
  }
  const inline = new Map(read.ignores.map((i) => [i.line, i]));
  for (const i of read.ignores) {
    const unknown = i.rules.filter((r) => r !== '*' && !RULE_BY_ID.has(r));
    const problem = !i.reason ? 'gives no reason' : unknown.length ? `names unknown rule ${unknown.join(', ')}` : '';
    if (problem) {
      found.notes.push({
        kind: 'lint-ignore-invalid',
        severity: 'warning',
        message: `The ignore comment ${problem}, so it does not apply (write \`# schema-drift: ignore[rule-id] reason\`)`,
        file,
        line: i.line - 1,
      });
      inline.delete(i.line);
    }
  }
  const add = (rule: Rule, message: string, op: Operation) => {
    if (options.config.rules.get(rule.id) === 'off') return;
    const comment = inline.get(op.callLine ?? op.line);
    if (comment && (comment.rules.includes(rule.id) || comment.rules.includes('*'))) {
      found.ignored.push({ rule: rule.id, file, line: op.line, reason: comment.reason, expires: null, by: 'inline' });
      return;
    }
    const configured = fileIgnoreFor(options.config, file, rule.id, options.today);
    if (configured) {
      const expires = configured.expires ?? null;
      found.ignored.push({ rule: rule.id, file, line: op.line, reason: configured.reason, expires, by: 'config' });
      return;
    }
    found.risks.push({ rule, message, file, line: op.line, table: op.table });
  };

  let lockTimeoutSet = options.envLockTimeout === true;
  let firstUnbounded: Operation | null = null;
  for (const op of read.operations) {
    const fresh = isNew(op);
    if (op.kind === 'set-lock-timeout') lockTimeoutSet = true;
    if (!lockTimeoutSet && !firstUnbounded && takesLock(op) && !fresh) firstUnbounded = op;
    for (const rule of RULES) {
      if (rule.exemptNewTable && fresh) continue;
      const message = rule.check(op);
      if (message !== null) add(rule, message, op);
    }
    const unknown = unknowable(op);
    if (unknown && !fresh)
      found.notes.push({ kind: 'lint-unreadable', severity: 'notice', message: unknown, file, line: op.line });
  }
  if (firstUnbounded) {
    const env = options.envLockTimeout === null ? 'env.py could not be read' : "env.py's context does not set one";
    const rule = RULE_BY_ID.get('missing-lock-timeout') as Rule;
    add(
      rule,
      `${firstUnbounded.call} waits for its lock without limit: no lock_timeout is set before it in the migration and ${env}; while it waits, every query on the table queues behind it`,
      firstUnbounded,
    );
  }
}

/** Operations that wait for a lock on an existing table (CONCURRENTLY ones wait too, but block nobody). */
function takesLock(op: Operation): boolean {
  if (op.kind === 'create-table' || op.kind === 'set-lock-timeout') return false;
  if ((op.kind === 'create-index' || op.kind === 'drop-index') && op.concurrently) return false;
  return op.table !== null || op.kind === 'drop-index';
}

/** What a rule would need to know and cannot statically: said as a notice, never guessed. */
function unknowable(op: Operation): string | null {
  if (
    (op.kind === 'create-index' || op.kind === 'drop-index') &&
    op.concurrently &&
    op.transaction === 'after-commit'
  ) {
    return `Cannot tell whether ${op.call} runs outside a transaction: after op.execute("COMMIT") it does with psycopg2, but psycopg 3 begins a new one, where PostgreSQL refuses CONCURRENTLY; \`with op.get_context().autocommit_block():\` is outside with both`;
  }
  if (op.kind === 'alter-type' && typeChange(op.from, op.to) === 'unknown') {
    return `Cannot tell whether ${op.call} of \`${op.column}\` is a safe widening or a table rewrite: the old type is not given (pass existing_type=)`;
  }
  if (op.kind === 'add-column' && op.default.kind === 'unknown') {
    return `Cannot tell whether the default ${op.default.what} of \`${op.column}\` is volatile (which would rewrite the table)`;
  }
  return null;
}

/** The tables whose production size grades the findings. */
export function risksTables(found: FoundRisks): TableRef[] {
  return found.risks.filter((r) => r.rule.graded && r.table !== null).map((r) => r.table as TableRef);
}

export interface GradeOptions {
  config: LintConfig;
  /** Sizes read from production, or why they were not. */
  production: { sizes: TableSizes; source: string } | { skipped: string };
  largeTable: LargeTable;
}

/** Sets each finding's severity from the configuration and the production sizes. */
export function gradeRisks(found: FoundRisks, options: GradeOptions): LintSection {
  const sizes = 'sizes' in options.production ? options.production.sizes : null;
  const findings: LintSection['findings'] = found.risks.map((risk) => grade(risk, sizes, options));
  for (const note of found.notes) {
    const { kind, severity, message, file, line } = note;
    const none = { table: null, rows: null, bytes: null, graded_by: null, lock: null };
    findings.push({ kind, rule: null, severity, message, file, line: line ?? null, ...none });
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  const finite = (n: number) => (Number.isFinite(n) ? n : null);
  return {
    migrations: found.migrations,
    production:
      'sizes' in options.production
        ? { read: true, source: options.production.source }
        : { read: false, reason: options.production.skipped },
    large_table: { rows: finite(options.largeTable.rows), bytes: finite(options.largeTable.bytes) },
    counts,
    findings,
    ignored: found.ignored,
  };
}

function grade(risk: Risk, sizes: TableSizes | null, options: GradeOptions): LintFinding {
  const { rule } = risk;
  const size: TableSize | undefined = risk.table && sizes ? sizes.get(tableKey(risk.table)) : undefined;
  const setting = options.config.rules.get(rule.id);
  let severity = rule.severity;
  let gradedBy: GradedBy = 'default';
  let why: string;
  if (setting === 'error' || setting === 'warning' || setting === 'notice') {
    severity = setting;
    gradedBy = 'config';
    why = `severity ${setting} set in the lint configuration`;
  } else if (!rule.graded) {
    why = size ? `in production: ${describeSize(size)}` : '';
  } else if (risk.table === null) {
    why = 'the table is not a literal, so its production size is unknown; default severity';
  } else if (sizes === null) {
    why = `production sizes not read (${'skipped' in options.production ? options.production.skipped : ''}); default severity`;
  } else if (!size) {
    severity = 'notice';
    gradedBy = 'new-table';
    why = `${tableName(risk.table)} does not exist in production yet`;
  } else {
    const large = (size.rows ?? 0) >= options.largeTable.rows || size.bytes >= options.largeTable.bytes;
    severity = large ? 'error' : 'warning';
    gradedBy = 'production';
    why = `in production: ${describeSize(size)}${large ? ' (a large table)' : ''}`;
  }
  return {
    kind: rule.id,
    rule: rule.id,
    severity,
    message: `${risk.message}${why ? ` — ${why}` : ''}. Lock: ${rule.lock}.`,
    file: risk.file,
    line: risk.line,
    table: risk.table ? tableName(risk.table) : null,
    rows: size?.rows ?? null,
    bytes: size?.bytes ?? null,
    graded_by: gradedBy,
    lock: rule.lock,
  };
}
