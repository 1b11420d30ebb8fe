// Every action input and output, once: action.yml's `inputs:`/`outputs:` blocks and the README's Inputs/Outputs
// tables are generated from this table (scripts/generate-inputs.ts), and INPUT_NAMES (what the action reads) is
// derived from it, so the three cannot disagree. Descriptions are Markdown; the generator quotes them for YAML.

/** The input groups, in the order action.yml and the README list them. */
export const INPUT_GROUPS = [
  { id: 'what-and-where', title: 'What and where', about: 'every mode' },
  { id: 'database', title: 'Database', about: 'the database to read and how to reach it' },
  { id: 'aws-identity', title: 'AWS identity', about: 'the credentials every AWS call uses' },
  { id: 'evidence-and-alerts', title: 'Evidence and alerts', about: 'where reports are kept and who is alerted' },
  { id: 'structure', title: 'Structure', about: 'the structural comparison (monitor and fleet)' },
  {
    id: 'pull-requests',
    title: 'Pull requests',
    about: 'checked only when the pull-request check runs',
  },
  { id: 'fleet', title: 'Fleet', about: 'checked only in `mode: fleet`, `fleet-plan` and `fleet-merge`' },
  { id: 'audit', title: 'Audit', about: 'checked only in `mode: audit`' },
  {
    id: 'deprecated',
    title: 'Deprecated',
    about:
      'old names that still work, with a warning naming the new one; giving both with different values is an error',
  },
] as const;

export type InputGroup = (typeof INPUT_GROUPS)[number]['id'];

/** A mode whose run alone checks an input: a bad value fails only that mode's runs. */
export type InputScope = 'pull-request' | 'fleet' | 'audit';

/** The scope of each group whose inputs one mode alone reads; the other groups are checked on every run. */
export const GROUP_SCOPES: Partial<Record<InputGroup, InputScope>> = {
  'pull-requests': 'pull-request',
  fleet: 'fleet',
  audit: 'audit',
};

export interface InputDefinition {
  name: string;
  group: Exclude<InputGroup, 'deprecated'>;
  description: string;
  /** The value applied when the input is empty, written as action.yml's `default:` unless `defaultInCode`. */
  default?: string;
  /** The README's default cell when there is no literal default (e.g. "the `alembic.ini` at the root"). */
  defaultText?: string;
  /**
   * The default is applied by parseConfig, not written in action.yml: a renamed input must be empty when only its
   * old name is given, or the runner's default would look like a second, different value.
   */
  defaultInCode?: boolean;
  /** The CLI's own spelling of this input, where it is not `--<name>` (the README says it beside the input). */
  cliFlags?: readonly string[];
}

/** An old input name that still works. */
export interface DeprecatedInput {
  name: string;
  /** The input that replaces it. */
  replacedBy: string;
  /** `rename`: the same value under the new name; `notify-on-success`: `true` adds `success` to notify-on. */
  kind: 'rename' | 'notify-on-success';
  /** action.yml's `deprecationMessage:` (the runner prints it when a workflow uses the name). */
  message: string;
  description: string;
}

export interface OutputDefinition {
  name: string;
  /** The modes that set it, for the README and the description. */
  modes: string;
  description: string;
}

export const INPUT_DEFINITIONS: readonly InputDefinition[] = [
  // What and where
  {
    name: 'migrations',
    group: 'what-and-where',
    defaultText: 'the `alembic.ini` at the repository root or one folder below',
    description:
      "An `alembic.ini`, the folder holding it (Flask-Migrate's `migrations/` too), a script folder (`env.py` beside `versions/`) or a versions folder. Several or none found is an error that lists what was found.",
  },
  {
    name: 'ini-section',
    group: 'what-and-where',
    defaultText: '`[alembic]`',
    cliFlags: ['--name'],
    description:
      "Section of the alembic.ini to read, as Alembic's `-n`/`--name`, for an ini with one section per tree.",
  },
  {
    name: 'version-locations',
    group: 'what-and-where',
    defaultText: "the ini's `version_locations`",
    description:
      'Version folders (one per line or comma-separated, from the repository root, or `package:path`) overriding the ini — for projects that set them in `env.py` code.',
  },
  {
    name: 'environment',
    group: 'what-and-where',
    default: 'production',
    description:
      "Name of the database's environment, shown in reports and alerts and used in report keys (letters, digits, `.`, `_`, `-`).",
  },
  {
    name: 'mode',
    group: 'what-and-where',
    default: 'auto',
    description:
      '`auto` (the pull-request check on `pull_request` events; otherwise the fleet when the config file lists `targets:`, monitor when it does not), `monitor`, `pull-request`, `audit` (verify the stored reports of `audit-period` and store an audit pack), `fleet` (every target of the config file, or the slice `shard` names), `fleet-plan` (output `matrix` of `shards` jobs) or `fleet-merge` (merge the slices of a matrix run and alert once). `monitor` with `targets:` in the config file is refused. `pull_request_target` is refused for the pull-request check: it would read untrusted migrations with secrets. The inputs of the Pull requests, Fleet and Audit groups are checked only when their mode runs.',
  },
  {
    name: 'fail-on',
    group: 'what-and-where',
    default: 'drift',
    description:
      'When the step fails: `drift` (drift or error), `error` (only when the state could not be determined), or `never`.',
  },
  {
    name: 'pending-grace-minutes',
    group: 'what-and-where',
    default: '0',
    defaultInCode: true,
    description:
      'Pending migrations whose files entered the branch fewer than this many minutes ago are reported but are not drift (a deploy in flight); 0 turns it off. Needs full git history (`fetch-depth: 0`) and a report store (`report-dir` or `s3-bucket`, which remembers when a migration was first seen pending); without them it is ignored with a warning. A commit dated later than the run earns no grace.',
  },
  {
    name: 'report-dir',
    group: 'what-and-where',
    defaultText: 'none (no local copy)',
    description:
      'Folder, relative to the workspace, for the JSON report and its Markdown rendering (and, with `mode: audit`, the evidence to audit when there is no `s3-bucket`). A path that resolves outside the workspace (`..`, an absolute path elsewhere, a symbolic link leading out) is refused at the config stage.',
  },
  {
    name: 'config',
    group: 'what-and-where',
    defaultText: '`.schema-drift.yml` at the repository root, when it exists',
    description:
      "The config file: ignore rules for structural differences and findings, lint settings, and the fleet's `targets:` (docs/fleet.md).",
  },
  {
    name: 'timeout-seconds',
    group: 'what-and-where',
    default: '300',
    description:
      'Seconds the whole run may take, every network call included (5–21600). A service that accepts the connection and never answers ends the run as `error` within it: the check gets the first 60 %, storing the report and sending the alert the rest, and a watchdog fails the step when it runs out. Each AWS request gets 1/20 of it (at most 30 s), each call with its retries 1/8 (at most 45 s). Pull-request mode stops linting at 80 %, with a `lint-timeout` error naming the file it was reading.',
  },
  // Database
  {
    name: 'database-url',
    group: 'database',
    description:
      '`postgres://` URL of the database to check (masked in logs). Give this or `lambda-function`. `sslmode` in the URL sets TLS as libpq does (`disable`; `prefer`/`require` encrypt without checking the certificate; `verify-ca`, `verify-full` check it, with `sslrootcert`), except that `prefer` never falls back to plain text and no `sslmode` means plain text. Every query runs in a READ ONLY transaction with `statement_timeout` 30 s and `lock_timeout` 5 s.',
  },
  {
    name: 'version-table',
    group: 'database',
    default: 'alembic_version',
    description: "Name of Alembic's version table.",
  },
  {
    name: 'version-table-schema',
    group: 'database',
    defaultText: "the database's `search_path`",
    description: 'Schema of the version table.',
  },
  {
    name: 'lambda-function',
    group: 'database',
    description: 'Name, ARN or alias ARN of the Lambda that runs SQL (the `rds-sql-api`). Give this or `database-url`.',
  },
  {
    name: 'lambda-qualifier',
    group: 'database',
    description: 'Version or alias of the Lambda function.',
  },
  {
    name: 'lambda-payload-template',
    group: 'database',
    default: '{"sql": "{{sql}}", "params": "{{params}}"}',
    description:
      'JSON request template for the Lambda; every string value that is exactly `"{{sql}}"` becomes the SQL and `"{{params}}"` the parameter array.',
  },
  {
    name: 'lambda-rows-path',
    group: 'database',
    defaultText: 'detect the shapes listed in docs/rds-sql-api.md',
    description: "Dotted path to the rows in the Lambda's response (e.g. `body.rows`).",
  },
  // AWS identity
  {
    name: 'role-to-assume',
    group: 'aws-identity',
    description:
      'ARN of the IAM role to assume through GitHub OIDC (needs `permissions: id-token: write`). Empty: the credentials already configured in the job (e.g. by `aws-actions/configure-aws-credentials`).',
  },
  {
    name: 'aws-region',
    group: 'aws-identity',
    defaultText: '`AWS_REGION` / `AWS_DEFAULT_REGION`',
    description: 'AWS region of the Lambda, bucket and topic.',
  },
  {
    name: 'role-session-name',
    group: 'aws-identity',
    defaultText: 'from the repository and run id',
    description: 'Session name for the assumed role (2–64 characters of letters, digits and `+=,.@_-`).',
  },
  {
    name: 'role-duration-seconds',
    group: 'aws-identity',
    default: '3600',
    description: "Lifetime of the assumed role's credentials, 900–43200 seconds.",
  },
  {
    name: 'audience',
    group: 'aws-identity',
    default: 'sts.amazonaws.com',
    description: 'Audience of the GitHub OIDC token.',
  },
  // Evidence and alerts
  {
    name: 's3-bucket',
    group: 'evidence-and-alerts',
    description:
      'Bucket that keeps every report (versioned and encrypted, see docs/aws-setup.md). Empty: no S3 copy. With `mode: audit`, the evidence audited.',
  },
  {
    name: 's3-prefix',
    group: 'evidence-and-alerts',
    default: 'schema-drift/',
    description: 'Key prefix for reports in the bucket.',
  },
  {
    name: 's3-kms-key-id',
    group: 'evidence-and-alerts',
    description: 'KMS key id or ARN for SSE-KMS. Empty: SSE-S3 (`AES256`).',
  },
  {
    name: 's3-object-lock-mode',
    group: 'evidence-and-alerts',
    description:
      'Object Lock retention mode for each report, `GOVERNANCE` or `COMPLIANCE` (the bucket must have Object Lock enabled). Set together with `s3-object-lock-days`.',
  },
  {
    name: 's3-object-lock-days',
    group: 'evidence-and-alerts',
    description: 'Days each report is retained under Object Lock.',
  },
  {
    name: 'kms-signing-key-id',
    group: 'evidence-and-alerts',
    description:
      "KMS asymmetric key (`ECC_NIST_P256`, `SIGN_VERIFY`) that signs each stored report's sha256 (`ECDSA_SHA_256`); the signature is stored beside the report as `.sig.json`, verifiable offline with `schema-drift verify`. Empty: reports are not signed.",
  },
  {
    name: 'sns-topic-arn',
    group: 'evidence-and-alerts',
    description: 'SNS topic that receives alerts (e.g. an email subscription). Empty: no alerts.',
  },
  {
    name: 'notify-on',
    group: 'evidence-and-alerts',
    default: 'drift,error',
    description:
      "When to alert, comma-separated: `drift`, `error`, `success` (the database is in sync, or drift cleared), `change` (only when the drift state differs from the previous report's, plus a resolved message when drift clears), or `always`. The old nightly job's `NOTIFY_ON_SUCCESS` is `drift,error,success`.",
  },
  // Structure
  {
    name: 'structure-expected',
    group: 'structure',
    default: 'none',
    description:
      'What the live catalog is compared with: `none`, `reference` (a database built from the migrations, see `reference-database-url`), `snapshot` (a committed file made with `schema-drift snapshot`), or `baseline` (the snapshot stored with the previous report; the first run records it).',
  },
  {
    name: 'reference-database-url',
    group: 'structure',
    description:
      '`postgres://` URL of the reference database built from the migrations (masked), for `structure-expected: reference`.',
  },
  {
    name: 'reference-setup-command',
    group: 'structure',
    description:
      'Shell command run from the repository root before the reference is read, with `{revision}` replaced by the production revision(s), e.g. `alembic upgrade {revision}`, so pending migrations are never structural drift.',
  },
  {
    name: 'snapshot-file',
    group: 'structure',
    description: 'The committed snapshot file, for `structure-expected: snapshot`.',
  },
  {
    name: 'baseline',
    group: 'structure',
    default: 'keep',
    description:
      "For `structure-expected: baseline`: `keep` compares with the stored baseline until the production version moves; `re-record` replaces it with this run's live catalog on purpose (after a reviewed out-of-band change).",
  },
  // Pull requests
  {
    name: 'github-token',
    group: 'pull-requests',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's own expression, evaluated by the runner
    default: '${{ github.token }}',
    description:
      'Token for the check run and the PR comment (needs `checks: write` and `pull-requests: write`). On forks and Dependabot PRs it is read-only: both are skipped and the job status carries the verdict.',
  },
  {
    name: 'check-name',
    group: 'pull-requests',
    default: 'schema-drift',
    description:
      'Name of the check run (at most 100 characters); also keys the sticky PR comment, so two jobs (say, two environments) keep separate comments.',
  },
  {
    name: 'comment',
    group: 'pull-requests',
    default: 'true',
    description: 'Post the result as one sticky PR comment, updated in place on every run (`true` or `false`).',
  },
  {
    name: 'lint-large-table',
    group: 'pull-requests',
    default: '1000000 rows or 1 GB',
    description:
      'Migration safety: a lock or rewrite on a production table above this many rows or this size is an error, below it a warning (sizes from the catalog, never rows; docs/lint-rules.md).',
  },
  // Fleet
  {
    name: 'concurrency',
    group: 'fleet',
    default: '8',
    description: 'With `mode: fleet`: targets checked at the same time (1–64).',
  },
  {
    name: 'shard',
    group: 'fleet',
    description:
      'With `mode: fleet`: `i/N`, check only slice i of N (from the `matrix` of `mode: fleet-plan`) and store the slice for `fleet-merge`; no alert and no fail-on in the slice job.',
  },
  {
    name: 'shards',
    group: 'fleet',
    defaultText: '`4` for `fleet-plan`',
    description:
      'With `mode: fleet-plan`: how many jobs the matrix has (1–256). With `mode: fleet-merge`: how many slices to expect (required when the slices are read from S3).',
  },
  {
    name: 'fleet-slices',
    cliFlags: ['--from'],
    group: 'fleet',
    defaultText: "read this run's slices from `s3-bucket`",
    description:
      'With `mode: fleet-merge`: a folder of downloaded slice artifacts (`shard-i-of-N.json` files, in subfolders too).',
  },
  // Audit
  {
    name: 'audit-period',
    cliFlags: ['--period'],
    group: 'audit',
    default: 'last-quarter',
    description: 'The period whose stored reports are verified: `last-quarter`, `last-month` or `YYYY-Qn`.',
  },
  {
    name: 'audit-schedule',
    cliFlags: ['--schedule'],
    group: 'audit',
    default: '0 3 * * *',
    description:
      'The cron the nightly checks run on (five fields, as in `on.schedule`); a scheduled run without a report is a gap.',
  },
  {
    name: 'audit-tolerance-minutes',
    cliFlags: ['--tolerance-minutes'],
    group: 'audit',
    default: '180',
    description: "How many minutes after its scheduled time a run's report may be.",
  },
  {
    name: 'audit-retention-years',
    cliFlags: ['--retention-years'],
    group: 'audit',
    default: '7',
    description: 'Object Lock retention every report must have, in years.',
  },
];

export const DEPRECATED_INPUTS: readonly DeprecatedInput[] = [
  {
    name: 'pending-grace',
    replacedBy: 'pending-grace-minutes',
    kind: 'rename',
    message: 'Use pending-grace-minutes (the same value, in minutes).',
    description: 'The old name of `pending-grace-minutes` (the same value).',
  },
  {
    name: 'notify-on-success',
    replacedBy: 'notify-on',
    kind: 'notify-on-success',
    message: 'Use notify-on with the success event, e.g. notify-on: drift,error,success.',
    description:
      '`true` adds `success` to `notify-on` (`drift,error,success` with the default). `false` with `success` in `notify-on` is an error.',
  },
];

export const OUTPUT_DEFINITIONS: readonly OutputDefinition[] = [
  { name: 'status', modes: 'every mode', description: '`synced`, `drift` or `error`.' },
  { name: 'drift-detected', modes: 'every mode', description: '`true` when status is `drift`.' },
  {
    name: 'codebase-head',
    modes: 'monitor, pull-request',
    description: "The repository's head revision (several joined with `,`).",
  },
  {
    name: 'production-version',
    modes: 'monitor, pull-request',
    description: "The database's applied revision(s), joined with `,`.",
  },
  {
    name: 'pending-count',
    modes: 'monitor, pull-request',
    description: 'Number of migrations the repository has and the database lacks.',
  },
  {
    name: 'report-path',
    modes: 'monitor, fleet, audit',
    description:
      'Path of the JSON report written under `report-dir` (in fleet modes the fleet report, with `mode: audit` the pack).',
  },
  {
    name: 'report-url',
    modes: 'monitor, fleet, audit',
    description:
      '`s3://` URL of the JSON report stored in S3 (in fleet modes the fleet report, with `mode: audit` the pack).',
  },
  {
    name: 'audit-result',
    modes: 'audit',
    description:
      '`complete`; `incomplete` (gaps, open incidents, unbound signatures), `not-started` (no run due yet) or `empty` (the schedule never runs in the period); `tampered` (evidence altered, deleted or falsely superseded); or `error` (the store could not be read, or timeout-seconds ran out).',
  },
  { name: 'targets-total', modes: 'fleet, fleet-merge', description: 'Targets in the fleet report.' },
  { name: 'targets-drifted', modes: 'fleet, fleet-merge', description: 'Targets whose status is `drift`.' },
  {
    name: 'targets-error',
    modes: 'fleet, fleet-merge',
    description: 'Targets whose state could not be determined.',
  },
  {
    name: 'matrix',
    modes: 'fleet-plan',
    description: 'JSON for `strategy.matrix`: `{"include":[{"shard":"1/4"},…]}`, at most 256 jobs.',
  },
];

/** The mode scope of an input (or of the input a deprecated name stands for); undefined = checked on every run. */
export function inputScope(name: string): InputScope | undefined {
  const replaced = DEPRECATED_INPUTS.find((d) => d.name === name)?.replacedBy ?? name;
  const group = INPUT_DEFINITIONS.find((d) => d.name === replaced)?.group;
  return group === undefined ? undefined : GROUP_SCOPES[group];
}
