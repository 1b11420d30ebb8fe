// The version check pipeline shared by the action and the CLI: migrations + database facts → verdict → report.
// Adapters come in as parameters, so this file touches neither @actions/* nor the AWS SDK. Every stage's failure
// becomes an `error` report here — never a thrown exception, never `synced`.
import { relative } from 'node:path';
import type { Snapshot } from '../catalog/model.js';
import type { Config, DatabaseTarget } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import { readVersionTable, type VersionTableRead } from '../database/version-table.js';
import { type DecidingFindings, decidingFindings } from '../drift/deciding-findings.js';
import { readFindingRules } from '../drift/rules-file.js';
import { decideVersion, firstSeenFrom, futureCommitFindings } from '../drift/version.js';
import type { AddedTimes } from '../git/added-times.js';
import type { Finding } from '../migrations/finding.js';
import { type MigrationGraph, withoutFiles } from '../migrations/graph.js';
import { loadMigrationGraph } from '../migrations/load.js';
import { buildReport } from '../report/build.js';
import type { Report, ReportError, RunInfo, StructureSection, VersionSection } from '../report/model.js';
import { checkStructure, type StructureDeps } from './structure-check.js';

export interface CheckDeps {
  /** Repository root: file paths in the report are relative to it. */
  root: string;
  config: Config;
  run: RunInfo;
  now: () => Date;
  openExecutor: (target: DatabaseTarget) => Promise<SqlExecutor>;
  /** Shown in the report for the database when it could not even be opened. */
  describeTarget: (target: DatabaseTarget) => string;
  readAddedTimes: (root: string, folders: readonly string[]) => Promise<AddedTimes>;
  /**
   * The environment's previous report from the first report store (null when there is none yet), which records when
   * each pending revision was first seen; absent when no store is configured, so pending-grace cannot be enforced.
   */
  readPreviousReport?: () => Promise<Report | null>;
  /** Needed only when config.structure is set. */
  structure?: StructureDeps;
  log?: (line: string) => void;
  /** Reads the migrations (default loadMigrationGraph): a fleet passes a memo, so targets sharing a tree parse it once. */
  loadGraph?: typeof loadMigrationGraph;
  /**
   * Reads the applied revisions (default: readVersionTable through the executor): a fleet passes the rows it read for
   * many tenant schemas in one query, so no tenant costs a query (or a Lambda invocation) of its own.
   */
  readVersions?: () => Promise<VersionTableRead>;
  /** A discovered tenant schema: the structure check reads only it, named as the expected snapshot's one schema. */
  tenantSchema?: string;
}

export interface CheckOutcome {
  report: Report;
  graph: MigrationGraph | null;
  /** The live catalog snapshot when the structure check read one (stored as the next run's baseline). */
  snapshot: Snapshot | null;
}

class StageError extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(message);
  }
}

async function stage<T>(name: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StageError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // An adapter may name a more precise stage (e.g. credentials while opening the Lambda route).
    const tagged = (error as { stage?: unknown }).stage;
    throw new StageError(
      typeof tagged === 'string' ? tagged : name,
      message.startsWith('Could not') ? message : `${what}: ${message}`,
    );
  }
}

/** Runs the version check; resolves to a report in every case. */
export async function runCheck(deps: CheckDeps): Promise<CheckOutcome> {
  const { config, root } = deps;
  const log = deps.log ?? (() => {});
  let graph: MigrationGraph | null = null;
  let migrationsSource = config.migrations ?? '(auto)';
  let databaseSource = config.database ? deps.describeTarget(config.database) : '(none)';
  let applied: VersionTableRead | null = null;
  let version: VersionSection | null = null;
  let structure: StructureSection | null = null;
  let snapshot: Snapshot | null = null;
  let executor: SqlExecutor | null = null;
  let error: ReportError | null = null;
  const findings: Finding[] = [];

  try {
    const loaded = await stage('migrations', 'Could not read migrations', () =>
      (deps.loadGraph ?? loadMigrationGraph)(root, config.migrations, {
        section: config.iniSection,
        versionLocations: config.versionLocations,
      }),
    );
    graph = loaded.graph;
    const shown = (p: string) => relative(root, p).split('\\').join('/') || '.';
    migrationsSource = loaded.location.iniPath
      ? shown(loaded.location.iniPath)
      : loaded.location.versionLocations.map(shown).join(', ');
    log(`Read ${graph.revisions.size} revisions; heads: ${graph.heads.join(', ') || '(none)'}`);
    const graphFindings = graph.findings;
    let gate: DecidingFindings;
    try {
      const rules = await stage('config', 'Could not read ignore rules', () =>
        readFindingRules(root, config.ignoreRulesFile),
      );
      gate = decidingFindings(graphFindings, rules, deps.now());
      // A file a rule lets past counts as absent: its revision (perhaps with fields we could not read) is not decided on.
      const waivedFiles = new Set(gate.ignored.flatMap((i) => (i.finding.file ? [i.finding.file] : [])));
      const decidedGraph = withoutFiles(graph, waivedFiles);
      if (decidedGraph !== graph) {
        graph = decidedGraph;
        gate = decidingFindings(graph.findings, rules, deps.now());
      }
    } catch (caught) {
      findings.push(...graphFindings);
      throw caught;
    }
    findings.push(...gate.shown, ...gate.warnings);

    const target = config.database;
    if (!target) throw new StageError('config', 'No database to check: set database-url or lambda-function');
    executor = await stage('database', `Could not open ${databaseSource}`, () => deps.openExecutor(target));
    databaseSource = executor.describe();
    const opened = executor;
    applied = await stage('database', `Could not read the version table from ${databaseSource}`, () =>
      deps.readVersions
        ? deps.readVersions()
        : readVersionTable(opened, { table: config.versionTable, schema: config.versionTableSchema }),
    );
    log(
      `Database ${databaseSource}: ${applied.exists ? applied.versions.join(', ') || '(empty)' : '(no version table)'}`,
    );

    const currentGraph = graph;
    const appliedVersions = applied;
    version = await stage('version', 'Could not decide the version state', async () => {
      const now = deps.now();
      const grace =
        config.pendingGraceMinutes > 0 ? await graceFacts(deps, root, loaded.location.versionLocations) : null;
      if (grace?.unavailable) {
        findings.push({
          severity: 'warning',
          kind: 'pending-grace-unavailable',
          message: `pending-grace is ignored: ${grace.unavailable}`,
        });
      }
      const decided = decideVersion(currentGraph, appliedVersions, {
        pendingGraceMinutes: config.pendingGraceMinutes,
        now,
        addedAt: grace?.addedAt ?? new Map(),
        firstSeenPending: grace?.firstSeen ?? new Map(),
        graceEnforceable: grace !== null && grace.unavailable === null,
        decidingFindings: gate.deciding,
        ignoredFindings: gate.ignored,
      });
      if (grace) findings.push(...futureCommitFindings(decided, now, grace.commits));
      return decided;
    });
    if (version.state === 'error') error = versionError(version.summary, gate);

    if (config.structure && error === null) {
      const structureConfig = config.structure;
      if (!deps.structure) throw new StageError('structure', 'The structure check is not available here');
      const structureDeps = deps.structure;
      const versions = appliedVersions.versions;
      try {
        const outcome = await stage('structure', 'Could not check the structure', () =>
          checkStructure({
            config: structureConfig,
            ignoreRulesFile: config.ignoreRulesFile,
            root,
            executor: opened,
            schema: deps.tenantSchema,
            productionVersions: versions,
            now: deps.now(),
            deps: structureDeps,
          }),
        );
        structure = outcome.section;
        snapshot = outcome.actual;
        findings.push(...outcome.findings);
        log(`Structure (${structureConfig.expected}): ${structure.summary}`);
      } catch (caught) {
        structure = failedStructure(
          structureConfig.expected,
          caught instanceof Error ? caught.message : String(caught),
        );
        throw caught;
      }
    }
  } catch (caught) {
    error =
      caught instanceof StageError
        ? { stage: caught.stage, message: caught.message }
        : { stage: 'internal', message: caught instanceof Error ? caught.message : String(caught) };
  } finally {
    await executor?.close().catch(() => {});
  }

  const report = buildReport({
    environment: config.environment,
    now: deps.now(),
    run: deps.run,
    source: { database: databaseSource, migrations: migrationsSource, revisions: graph?.revisions.size ?? 0 },
    codebaseHeads: graph?.heads ?? [],
    databaseVersions: applied ? applied.versions : null,
    version,
    structure,
    findings,
    error,
  });
  return { report, graph, snapshot };
}

// A deciding graph finding is a migrations failure, whatever the database said.
function versionError(summary: string, gate: DecidingFindings): ReportError {
  return { stage: gate.deciding.length > 0 ? 'migrations' : 'version', message: summary };
}

interface GraceFacts {
  addedAt: Map<string, Date>;
  commits: Map<string, string>;
  firstSeen: Map<string, Date>;
  /** Why grace cannot be given (no git history, no record of earlier runs), or null. */
  unavailable: string | null;
}

/** What pending-grace rests on: git's added times, and when earlier runs first saw each revision pending. */
async function graceFacts(deps: CheckDeps, root: string, folders: readonly string[]): Promise<GraceFacts> {
  const added = await deps.readAddedTimes(root, folders);
  const facts: GraceFacts = {
    addedAt: added.times,
    commits: added.commits,
    firstSeen: new Map(),
    unavailable: added.unavailable,
  };
  if (facts.unavailable) return facts;
  if (!deps.readPreviousReport) {
    facts.unavailable =
      'no report store keeps the previous report (set report-dir or s3-bucket), so the time a migration was first seen pending cannot be enforced';
    return facts;
  }
  try {
    const record = firstSeenFrom(await deps.readPreviousReport());
    facts.firstSeen = record.firstSeen;
    facts.unavailable = record.unavailable;
  } catch (error) {
    facts.unavailable = `the previous report could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  return facts;
}

function failedStructure(source: StructureSection['expected_source'], message: string): StructureSection {
  return {
    state: 'error',
    expected_source: source,
    summary: `the structure could not be checked: ${message}`,
    expected_location: null,
    expected_fingerprint: null,
    actual_fingerprint: null,
    counts: { security: 0, breaking: 0, cosmetic: 0 },
    differences: [],
    notices: [],
    ignored: [],
    stats: null,
  };
}
