// Action inputs and CLI flags → one validated Config. Both front ends pass the same kebab-case names, so the
// defaults and the checks live here once. Every error names the input and repeats the bad value.
import { z } from 'zod';
import { cronTimes } from '../audit/cron.js';
import { MAX_SHARDS, parseShard } from '../fleet/shard.js';
import { type LargeTable, parseLargeTable } from '../lint/table-sizes.js';
import { parseNotifyOn } from '../publish/notify-policy.js';
import { errorMessage } from '../shared/error-message.js';
import { normalizePrefix, validateBucketName, validateTopicArn } from './aws-names.js';
import { ConfigError } from './config-error.js';
import { resolveDeprecatedInputs } from './deprecated-inputs.js';
import { type InputScope, inputScope } from './input-definitions.js';
import { checkReportDir } from './report-dir.js';

export { ConfigError } from './config-error.js';
export { DATABASE_INPUTS } from './inputs.js';

export type RawInputs = Readonly<Record<string, string | undefined>>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'lambda'; functionName: string; qualifier?: string; payloadTemplate?: string; rowsPath?: string }
  | { kind: 'pglite'; dir: string };

export interface StructureConfig {
  expected: 'reference' | 'snapshot' | 'baseline';
  referenceDatabaseUrl?: string;
  referenceSetupCommand?: string;
  snapshotFile?: string;
  /** `re-record`: this run's live catalog replaces the stored baseline on purpose (structure-expected baseline). */
  rerecordBaseline: boolean;
}

/** The pull-request check's inputs (issue 5). */
export interface PullRequestInputs {
  /** auto | monitor | pull-request; resolveMode checks it against the event. */
  mode: string;
  githubToken: string;
  checkName: string;
  comment: boolean;
  /** `lint-large-table`: above this many rows or bytes a migration-safety finding is an error. */
  lintLargeTable: LargeTable;
}

export interface Config {
  migrations?: string;
  /** Section of the alembic.ini to read (Alembic's `-n`); undefined = [alembic]. */
  iniSection?: string;
  /** Version folders overriding the ini's version_locations (paths from the repository root). */
  versionLocations?: string[];
  environment: string;
  failOn: 'drift' | 'error' | 'never';
  pendingGraceMinutes: number;
  reportDir?: string;
  versionTable: string;
  versionTableSchema?: string;
  /** Undefined when no database input was given (a lint-only run); `check` requires one. */
  database?: DatabaseTarget;
  aws: {
    region?: string;
    roleToAssume?: string;
    roleSessionName?: string;
    roleDurationSeconds: number;
    audience: string;
  };
  s3?: {
    bucket: string;
    prefix: string;
    kmsKeyId?: string;
    objectLockMode?: 'GOVERNANCE' | 'COMPLIANCE';
    objectLockDays?: number;
  };
  sns?: { topicArn: string; notifyOn: string; notifyOnSuccess: boolean };
  /** KMS key that signs each stored report's sha256 (input kms-signing-key-id). */
  kmsSigningKeyId?: string;
  /** mode: audit — the period, the schedule the checks run on, the tolerance and the retention required. */
  audit: { period: string; schedule: string; toleranceMinutes: number; retentionYears: number };
  /** Undefined when structure-expected is empty or `none`. */
  structure?: StructureConfig;
  /** Ignore rules file (input `config`); undefined = `.schema-drift.yml` at the root if present. */
  ignoreRulesFile?: string;
  pullRequest: PullRequestInputs;
  /** Input `timeout-seconds`: the whole run, every network call included, ends within it. */
  timeoutSeconds: number;
  /** The fleet inputs (docs/fleet.md): how many targets at once, this job's slice, the plan's shard count. */
  fleet: FleetInputs;
  /** One line per deprecated input name used (old and new name): the caller shows them as warnings. */
  warnings?: readonly string[];
  /**
   * With `deferModeInputs`: the first bad input of each mode's own group (pull-request, fleet, audit), held back so
   * that only a run of that mode fails on it (checkModeInputs); its fields carry the defaults meanwhile.
   */
  modeInputErrors?: Partial<Record<InputScope, ConfigError>>;
}

export interface FleetInputs {
  /** Input `concurrency`: targets checked at the same time (default 8). */
  concurrency: number;
  /** Input `shard` ("i/N"): this job checks slice i of N; undefined = the whole fleet. */
  shard?: { index: number; count: number };
  /** Input `shards`: how many shards `mode: fleet-plan` lays out, and `fleet-merge` expects (no default). */
  shards?: number;
  /** Input `fleet-slices`: a folder of downloaded slice reports for `mode: fleet-merge` (instead of S3). */
  slices?: string;
}

/** action.yml's default of `lint-large-table`. */
export const LINT_LARGE_TABLE_DEFAULT = '1000000 rows or 1 GB';

export interface ParseOptions {
  /** The action's workspace (GITHUB_WORKSPACE): `report-dir` must resolve inside it, symlinks followed. */
  workspace?: string;
  /**
   * Hold back a bad value of an input only one mode reads (the Pull requests, Fleet and Audit groups) until that
   * mode runs: the action resolves its mode after reading the inputs, then calls checkModeInputs. Without it (the
   * CLI, which knows its command) every input is checked at once.
   */
  deferModeInputs?: boolean;
}

/** The modes a run can take; the fleet's three share the Fleet group. */
export type RunMode = 'monitor' | 'pull-request' | 'audit' | 'fleet' | 'fleet-plan' | 'fleet-merge';

/** Throws the held-back ConfigError of the mode that runs (see ParseOptions.deferModeInputs). */
export function checkModeInputs(config: Config, mode: RunMode): void {
  const scope: InputScope | undefined = mode.startsWith('fleet')
    ? 'fleet'
    : mode === 'monitor'
      ? undefined
      : (mode as InputScope);
  const error = scope === undefined ? undefined : config.modeInputErrors?.[scope];
  if (error) throw error;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

const field = {
  text: z.string().trim(),
  largeTable: z.string().transform((value, ctx): LargeTable => {
    try {
      return parseLargeTable(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'rows and/or a size, like "1000000 rows or 1 GB"' });
      return z.NEVER;
    }
  }),
  environment: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, ".", "_" or "-", at most 63, starting alphanumeric'),
  identifier: z.string().trim().regex(identifier, 'a plain SQL identifier (letters, digits, "_", "$"; at most 63)'),
  minutes: z
    .string()
    .trim()
    .regex(/^\d+$/, 'a whole number of minutes')
    .transform(Number)
    .pipe(z.number().max(525_600, 'at most 525600 (a year)')),
  seconds: z
    .string()
    .trim()
    .regex(/^\d+$/, 'a whole number of seconds')
    .transform(Number)
    .pipe(z.number().min(900, 'at least 900').max(43_200, 'at most 43200')),
  days: z
    .string()
    .trim()
    .regex(/^[1-9]\d*$/, 'a positive whole number of days')
    .transform(Number)
    .pipe(z.number().max(36_500, 'at most 36500')),
  boolean: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false'], 'true or false'))
    .transform((v) => v === 'true'),
  timeoutSeconds: z
    .string()
    .trim()
    .regex(/^\d+$/, 'a whole number of seconds')
    .transform(Number)
    // Below 5 s there is no time left to store the report and alert; GitHub ends any job after 6 hours.
    .pipe(z.number().min(5, 'at least 5').max(21_600, 'at most 21600 (6 hours)')),
  databaseUrl: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL'),
  count: (max: number) =>
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'a whole number')
      .transform(Number)
      .pipe(z.number().min(1, 'at least 1').max(max, `at most ${max}`)),
};

function read<T>(raw: RawInputs, name: string, schema: z.ZodType<T>, fallback?: string): T | undefined {
  const value = raw[name]?.trim() ? raw[name] : fallback;
  if (value === undefined || value === '') return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const shown = name.endsWith('database-url') ? '(hidden: it may hold a password)' : JSON.stringify(value);
  const issue = parsed.error.issues[0];
  // A checker's own words (checkedBy) already say what is wrong; zod's say what was expected.
  const plain = issue?.code === 'custom' && (issue.params as { plain?: boolean } | undefined)?.plain === true;
  const reason = plain ? issue.message : `expected ${issue?.message ?? 'a valid value'}`;
  throw new ConfigError(`Invalid input "${name}": ${shown} — ${reason}`, [name]);
}

/** A zod schema from a checker that throws with its own wording (shared with the adapters that check again). */
function checkedBy<T>(check: (value: string) => T): z.ZodType<T> {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      try {
        return check(value);
      } catch (error) {
        // The checkers name the input themselves ("Invalid s3-prefix "/x": ..."); keep only the reason.
        ctx.addIssue({
          code: 'custom',
          message: errorMessage(error).replace(/^Invalid [^:]*: /, ''),
          params: { plain: true },
        });
        return z.NEVER;
      }
    }) as unknown as z.ZodType<T>;
}

/** Validates the raw inputs; throws ConfigError naming the first bad input. */
export function parseConfig(inputs: RawInputs, options: ParseOptions = {}): Config {
  const { raw, warnings, givenAs } = resolveDeprecatedInputs(inputs);
  try {
    return parseResolved(raw, warnings, options);
  } catch (error) {
    // A bad value given under an old name is reported under the name the user wrote.
    const old = error instanceof ConfigError ? error.inputs.map((name) => givenAs[name]).find(Boolean) : undefined;
    if (!(error instanceof ConfigError) || old === undefined) throw error;
    const current = error.inputs.find((name) => givenAs[name] === old) as string;
    throw new ConfigError(
      `${error.message.replaceAll(`"${current}"`, `"${old}"`)} ("${old}" is the deprecated name of "${current}")`,
      [old, ...error.inputs],
    );
  }
}

function parseResolved(raw: RawInputs, warnings: readonly string[], options: ParseOptions): Config {
  const modeInputErrors: Partial<Record<InputScope, ConfigError>> = {};
  // An input of one mode's group: a bad value is held for that mode, and its default stands in meanwhile.
  const get = <T>(name: string, schema: z.ZodType<T>, fallback?: string): T | undefined => {
    const scope = inputScope(name);
    if (scope === undefined) return read(raw, name, schema, fallback);
    try {
      return read(raw, name, schema, fallback);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      modeInputErrors[scope] ??= error;
      return read({}, name, schema, fallback);
    }
  };
  const text = (name: string, fallback?: string) => get(name, field.text, fallback);
  const databaseUrl = read(raw, 'database-url', field.databaseUrl);
  const lambdaFunction = text('lambda-function');
  const pgliteDir = text('pglite');
  const targets = [databaseUrl && 'database-url', lambdaFunction && 'lambda-function', pgliteDir && 'pglite'];
  const given = targets.filter(Boolean);
  if (given.length > 1) {
    throw new ConfigError(`Give one database, not ${given.map((n) => `"${n}"`).join(' and ')}`, given as string[]);
  }

  let database: DatabaseTarget | undefined;
  if (databaseUrl) database = { kind: 'postgres', url: databaseUrl };
  else if (lambdaFunction) {
    database = {
      kind: 'lambda',
      functionName: lambdaFunction,
      qualifier: text('lambda-qualifier'),
      payloadTemplate: text('lambda-payload-template'),
      rowsPath: text('lambda-rows-path'),
    };
  } else if (pgliteDir) database = { kind: 'pglite', dir: pgliteDir };

  const bucket = read(raw, 's3-bucket', checkedBy(validateBucketName));
  const lockMode = read(
    raw,
    's3-object-lock-mode',
    z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(['GOVERNANCE', 'COMPLIANCE'], 'GOVERNANCE or COMPLIANCE')),
  );
  const lockDays = read(raw, 's3-object-lock-days', field.days);
  if ((lockMode === undefined) !== (lockDays === undefined)) {
    throw new ConfigError('Inputs "s3-object-lock-mode" and "s3-object-lock-days" go together: set both or neither', [
      's3-object-lock-mode',
      's3-object-lock-days',
    ]);
  }
  if (!bucket && (lockMode || text('s3-kms-key-id'))) {
    throw new ConfigError('Inputs "s3-kms-key-id" and "s3-object-lock-*" need "s3-bucket"', [
      's3-kms-key-id',
      's3-object-lock-mode',
      's3-object-lock-days',
    ]);
  }
  const kmsSigningKeyId = read(
    raw,
    'kms-signing-key-id',
    z
      .string()
      .trim()
      .regex(
        /^(arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[\w/+=,.@-]+|alias\/[\w/+=,.@-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/,
        'a KMS key id, key ARN, alias name (alias/…) or alias ARN',
      ),
  );
  if (kmsSigningKeyId && !bucket && !text('report-dir')) {
    throw new ConfigError('Input "kms-signing-key-id" signs stored reports: it needs "s3-bucket" or "report-dir"', [
      'kms-signing-key-id',
    ]);
  }
  const audit = {
    period: get(
      'audit-period',
      z
        .string()
        .trim()
        .regex(/^(last-quarter|last-month|\d{4}-Q[1-4])$/, 'last-quarter, last-month or YYYY-Qn (e.g. 2026-Q3)'),
      'last-quarter',
    )!,
    schedule: get(
      'audit-schedule',
      z
        .string()
        .trim()
        .refine((value) => {
          try {
            cronTimes(value, new Date(0), new Date(0));
            return true;
          } catch {
            return false;
          }
        }, 'a five-field cron expression, as in on.schedule (e.g. "0 3 * * *")'),
      '0 3 * * *',
    )!,
    toleranceMinutes: get('audit-tolerance-minutes', field.minutes, '180')!,
    retentionYears: get(
      'audit-retention-years',
      z
        .string()
        .trim()
        .regex(/^\d+$/, 'a whole number of years')
        .transform(Number)
        .pipe(z.number().max(100, 'at most 100')),
      '7',
    )!,
  };
  const prefix = read(raw, 's3-prefix', checkedBy(normalizePrefix), 'schema-drift/')!;
  const topicArn = read(raw, 'sns-topic-arn', checkedBy(validateTopicArn));
  // Read even when unused, so a typo is reported before it matters. A deprecated notify-on-success: true is
  // already folded in as the `success` event (deprecated-inputs.ts).
  const notifyOn = read(
    raw,
    'notify-on',
    checkedBy((v) => {
      parseNotifyOn(v);
      return v;
    }),
    'drift,error',
  )!;

  const expected = read(
    raw,
    'structure-expected',
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['none', 'reference', 'snapshot', 'baseline'], 'none, reference, snapshot or baseline')),
    'none',
  )!;
  const referenceDatabaseUrl = read(raw, 'reference-database-url', field.databaseUrl);
  const snapshotFile = text('snapshot-file');
  if (expected === 'reference' && !referenceDatabaseUrl) {
    throw new ConfigError('Input "structure-expected" is "reference": set "reference-database-url" too', [
      'structure-expected',
    ]);
  }
  if (expected === 'snapshot' && !snapshotFile) {
    throw new ConfigError('Input "structure-expected" is "snapshot": set "snapshot-file" too', ['structure-expected']);
  }
  const baseline = read(
    raw,
    'baseline',
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['keep', 're-record'], 'keep or re-record')),
    'keep',
  )!;
  if (baseline === 're-record' && expected !== 'baseline') {
    throw new ConfigError(`Input "baseline" is "re-record": it needs "structure-expected" baseline, not "${expected}"`);
  }
  const structure: StructureConfig | undefined =
    expected === 'none'
      ? undefined
      : {
          expected,
          referenceDatabaseUrl,
          referenceSetupCommand: text('reference-setup-command'),
          snapshotFile,
          rerecordBaseline: baseline === 're-record',
        };

  const environment = read(raw, 'environment', field.environment, 'production')!;
  const fleet: FleetInputs = {
    concurrency: get('concurrency', field.count(64), '8')!,
    shard: get('shard', checkedBy(parseShard)),
    shards: get('shards', field.count(MAX_SHARDS)),
    slices: text('fleet-slices'),
  };
  const reportDir = text('report-dir');
  if (reportDir !== undefined && options.workspace !== undefined) {
    try {
      checkReportDir(reportDir, options.workspace, environment);
    } catch (error) {
      throw new ConfigError(`Invalid input "report-dir": ${JSON.stringify(reportDir)} — ${errorMessage(error)}`, [
        'report-dir',
      ]);
    }
  }

  const config: Config = {
    migrations: text('migrations'),
    iniSection: text('ini-section'),
    versionLocations: text('version-locations')
      ?.split(/[\n,]/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    environment,
    failOn: read(
      raw,
      'fail-on',
      z
        .string()
        .trim()
        .pipe(z.enum(['drift', 'error', 'never'], 'drift, error or never')),
      'drift',
    )!,
    pendingGraceMinutes: read(raw, 'pending-grace-minutes', field.minutes, '0')!,
    reportDir,
    versionTable: read(raw, 'version-table', field.identifier, 'alembic_version')!,
    versionTableSchema: read(raw, 'version-table-schema', field.identifier),
    database,
    aws: {
      region: text('aws-region'),
      roleToAssume: read(
        raw,
        'role-to-assume',
        z
          .string()
          .trim()
          .regex(
            /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
            'an IAM role ARN (arn:aws:iam::123456789012:role/name)',
          ),
      ),
      roleSessionName: read(
        raw,
        'role-session-name',
        z
          .string()
          .trim()
          .regex(/^[\w+=,.@-]{2,64}$/, '2–64 characters of letters, digits and _+=,.@-'),
      ),
      roleDurationSeconds: read(raw, 'role-duration-seconds', field.seconds, '3600')!,
      audience: text('audience', 'sts.amazonaws.com')!,
    },
    s3: bucket
      ? {
          bucket,
          prefix,
          kmsKeyId: text('s3-kms-key-id'),
          objectLockMode: lockMode,
          objectLockDays: lockDays,
        }
      : undefined,
    sns: topicArn
      ? {
          topicArn,
          notifyOn,
          notifyOnSuccess: parseNotifyOn(notifyOn).has('success'),
        }
      : undefined,
    kmsSigningKeyId,
    audit,
    structure,
    ignoreRulesFile: text('config'),
    pullRequest: {
      mode: read(
        raw,
        'mode',
        z
          .string()
          .trim()
          .pipe(
            z.enum(
              ['auto', 'monitor', 'pull-request', 'audit', 'fleet', 'fleet-plan', 'fleet-merge'],
              'auto, monitor, pull-request, audit, fleet, fleet-plan or fleet-merge',
            ),
          ),
        'auto',
      )!,
      githubToken: text('github-token') ?? '',
      checkName: get('check-name', z.string().trim().max(100, 'at most 100 characters'), 'schema-drift')!,
      comment: get('comment', field.boolean, 'true')!,
      lintLargeTable: get('lint-large-table', field.largeTable, LINT_LARGE_TABLE_DEFAULT)!,
    },
    timeoutSeconds: read(raw, 'timeout-seconds', field.timeoutSeconds, '300')!,
    fleet,
    warnings,
    modeInputErrors,
  };
  const held = Object.values(modeInputErrors)[0];
  if (held && !options.deferModeInputs) throw held;
  return config;
}
