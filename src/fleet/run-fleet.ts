// Runs a fleet: the config file's targets (tenants discovered), each through the one-target check of
// src/monitor/check.ts with bounded concurrency and a time limit, never stopping at the first failure. Tenant
// schemas on one executor share it: one discovery query, their version tables in a few UNION ALL queries, one catalog
// snapshot; the migrations and the expected snapshot are parsed once for every target that shares them.
// Adapters come in as parameters, as in check.ts.
import { readFile } from 'node:fs/promises';
import type { CatalogObject, Snapshot } from '../catalog/model.js';
import { buildSnapshot, parseSnapshot, takeSnapshot } from '../catalog/snapshot.js';
import { type Config, ConfigError, type DatabaseTarget, type ParseOptions, type RawInputs } from '../config/config.js';
import { targetNameProblem } from '../config/config-file.js';
import type { SqlExecutor } from '../database/executor.js';
import type { VersionTableRead } from '../database/version-table.js';
import type { AddedTimes } from '../git/added-times.js';
import { loadMigrationGraph } from '../migrations/load.js';
import { type CheckDeps, runCheck } from '../monitor/check.js';
import type { StructureDeps } from '../monitor/structure-check.js';
import { buildReport } from '../report/build.js';
import type { Report, ReportError, RunInfo } from '../report/model.js';
import { errorMessage } from '../shared/error-message.js';
import { TimeLimitError, withTimeLimit } from '../shared/time-limit.js';
import {
  type DiscoveredSchema,
  discoverDatabases,
  discoverSchemas,
  tenantTargetName,
  urlForDatabase,
} from './discover.js';
import { buildFleetReport, summarizeTarget } from './fleet-report.js';
import type { FleetRun, FleetTarget, TargetSpec } from './model.js';
import { type Shard, shardOf } from './shard.js';
import { type Environment, targetConfig } from './targets.js';
import { readTenantVersions, type TenantVersions } from './tenant-versions.js';

export const DEFAULT_CONCURRENCY = 8;

export interface FleetDeps {
  /** Repository root: paths in the config file and the reports are relative to it. */
  root: string;
  /** The config file the targets came from, as shown in the fleet report (repository-relative). */
  configFile: string;
  specs: readonly TargetSpec[];
  /** The step's raw inputs (or CLI flags): the defaults of every target. */
  inputs: RawInputs;
  /** Where database-url-env names are looked up (process.env). */
  env: Environment;
  parseOptions?: ParseOptions;
  run: RunInfo;
  now: () => Date;
  /** Opens a target's route; `config` is that target's (its own aws-region and role-to-assume). */
  openExecutor: (target: DatabaseTarget, config: Config) => Promise<SqlExecutor>;
  describeTarget: (target: DatabaseTarget) => string;
  readAddedTimes: (root: string, folders: readonly string[]) => Promise<AddedTimes>;
  /**
   * A target's reader of its previous report from its store; undefined when the target has no store, so pending-grace
   * is not enforced (as in monitor mode) rather than every pending revision counting as first seen now.
   */
  readPreviousReport?: (target: FleetTarget, config: Config) => (() => Promise<Report | null>) | undefined;
  /** The structure adapters of a target (its baseline lives under its own key); needed when structure is checked. */
  structureDeps?: (target: FleetTarget, config: Config) => StructureDeps;
  /** Targets checked at once (default 8). */
  concurrency?: number;
  /** Time limit of one target's check, discovery included (default: its timeout-seconds). */
  targetTimeoutMs?: number;
  /** Check only this slice of the fleet; every slice still lists the whole fleet in `discovered`. */
  shard?: Shard;
  /** Check only these targets (CLI --target); a name not in the fleet is a fleet error. */
  only?: readonly string[];
  log?: (line: string) => void;
  /** Reads a migration tree (default loadMigrationGraph); called once per distinct tree, whatever the fleet's size. */
  loadGraph?: typeof loadMigrationGraph;
}

type FleetError = { stage: string; message: string };

/** A target ready to check, or already decided (its config could not be read). */
interface Planned {
  target: FleetTarget;
  config: Config | ConfigError;
  /** Tenant schemas share their entry's executor and version reads. */
  group?: SchemaGroup;
}

/** One `discover: {schemas}` entry: its executor, what discovery found, and what is shared by its tenants. */
interface SchemaGroup {
  executor: SqlExecutor;
  config: Config;
  discovered: Map<string, DiscoveredSchema>;
  versions?: TenantVersions;
  catalog?: Promise<Snapshot>;
}

/** Runs every target of the fleet (or of its shard); resolves to the fleet report and each target's report. */
export async function runFleet(deps: FleetDeps): Promise<FleetRun> {
  const log = deps.log ?? (() => {});
  const errors: FleetError[] = [];
  const groups: SchemaGroup[] = [];
  try {
    const planned = await expandTargets(deps, errors, groups);
    const discovered = planned.map((p) => p.target.name);
    const selected = select(planned, deps, errors);
    log(
      `Fleet ${deps.configFile}: ${planned.length} target(s)${deps.shard ? `, shard ${deps.shard.index}/${deps.shard.count}: ${selected.length}` : ''}`,
    );
    await readGroupVersions(selected, groups);

    const shared = sharedParsing(deps.loadGraph ?? loadMigrationGraph);
    const reports = await pool(selected, deps.concurrency ?? DEFAULT_CONCURRENCY, (p) => checkTarget(p, deps, shared));
    const fleet = buildFleetReport({
      now: deps.now(),
      run: deps.run,
      config: deps.configFile,
      targets: reports.map(({ target, report }) => summarizeTarget(target, report)),
      discovered,
      errors,
      shards: deps.shard ? { count: deps.shard.count, index: deps.shard.index, merged: [] } : null,
    });
    return { fleet, reports };
  } finally {
    await Promise.all(groups.map((g) => g.executor.close().catch(() => {})));
  }
}

/** The config's targets with the discovered tenants in place of their entries; discovery failures are fleet errors. */
async function expandTargets(deps: FleetDeps, errors: FleetError[], groups: SchemaGroup[]): Promise<Planned[]> {
  const expanded = await Promise.all(
    deps.specs.map(async (spec): Promise<Planned[]> => {
      if (!spec.discover) {
        const config = configOf(deps, spec);
        return [{ target: fleetTarget(spec, spec.name, config, deps.inputs), config }];
      }
      try {
        const limit = deps.targetTimeoutMs ?? 60_000;
        return await withTimeLimit(
          `discovery of "${spec.name}" gave no answer`,
          limit,
          discover(deps, spec, groups, errors),
        );
      } catch (error) {
        errors.push({
          stage: 'discovery',
          message: `target "${spec.name}" (${spec.source}): ${errorMessage(error)}; its targets are unknown`,
        });
        return [];
      }
    }),
  );
  // Names are unique in the file; a discovered one may still meet another entry's (`a.b` + `c` vs `a` + `b.c`).
  const byName = new Map<string, Planned>();
  for (const planned of expanded.flat()) {
    const before = byName.get(planned.target.name);
    if (before) {
      errors.push({
        stage: 'config',
        message: `target name "${planned.target.name}" comes from both "${before.target.entry}" and "${planned.target.entry}"; the second is not checked`,
      });
      continue;
    }
    byName.set(planned.target.name, planned);
  }
  return [...byName.values()];
}

async function discover(
  deps: FleetDeps,
  spec: TargetSpec,
  groups: SchemaGroup[],
  errors: FleetError[],
): Promise<Planned[]> {
  // A member whose name cannot be a store key is a fleet error, not a line: every line's name is a key segment.
  const usable = (name: string, member: string): boolean => {
    const problem = targetNameProblem(name);
    if (problem) {
      errors.push({
        stage: 'discovery',
        message: `target "${spec.name}" (${spec.source}): ${JSON.stringify(member)} gives the target name "${name}", which is not usable (${problem}); it is not checked`,
      });
    }
    return problem === null;
  };
  const config = targetConfig(deps.inputs, spec, deps.env, {}, deps.parseOptions);
  const database = config.database;
  if (!database) throw new Error('no route: set database-url-env or lambda-function');
  const pattern = spec.discover as NonNullable<TargetSpec['discover']>;
  const serverUrl = database.kind === 'postgres' ? database.url : null;
  if ('databases' in pattern && serverUrl === null) {
    throw new Error(
      `discover: {databases: …} needs the database-url-env route (a server URL whose database is replaced); the ${database.kind} route reaches one database`,
    );
  }
  const executor = await deps.openExecutor(database, config);
  if ('schemas' in pattern) {
    const group: SchemaGroup = { executor, config, discovered: new Map() };
    groups.push(group);
    const found = await discoverSchemas(executor, pattern.schemas, config.versionTable);
    // A pattern that matches nothing (a typo, a wrong database) would make a fleet that checks nothing look synced.
    if (found.length === 0)
      throw new Error(`no schema LIKE ${JSON.stringify(pattern.schemas)} on ${executor.describe()}`);
    return found.flatMap((schema): Planned[] => {
      group.discovered.set(schema.schema, schema);
      const name = tenantTargetName(spec.name, schema.schema);
      if (!usable(name, schema.schema)) return [];
      // The schema is a catalog fact, not an input: any name PostgreSQL holds is read (quoted), even one that
      // version-table-schema's plain-identifier rule would refuse when written by hand.
      const tenantConfig: Config = { ...config, versionTableSchema: schema.schema };
      const target = { ...fleetTarget(spec, name, tenantConfig, deps.inputs), schema: schema.schema };
      return [{ target, config: tenantConfig, group }];
    });
  }
  try {
    const names = await discoverDatabases(executor, pattern.databases);
    if (names.length === 0)
      throw new Error(`no database LIKE ${JSON.stringify(pattern.databases)} on ${executor.describe()}`);
    return names.flatMap((db): Planned[] => {
      const name = tenantTargetName(spec.name, db);
      if (!usable(name, db)) return [];
      const dbConfig = memberConfig(deps, spec, { databaseUrl: urlForDatabase(serverUrl as string, db) });
      return [{ target: { ...fleetTarget(spec, name, dbConfig, deps.inputs), database: db }, config: dbConfig }];
    });
  } finally {
    await executor.close().catch(() => {});
  }
}

function configOf(deps: FleetDeps, spec: TargetSpec): Config | ConfigError {
  try {
    return targetConfig(deps.inputs, spec, deps.env, {}, deps.parseOptions);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    return new ConfigError(`target "${spec.name}" (${spec.source}): ${errorMessage(error)}`);
  }
}

function memberConfig(deps: FleetDeps, spec: TargetSpec, overrides: { databaseUrl?: string }): Config | ConfigError {
  try {
    return targetConfig(deps.inputs, spec, deps.env, overrides, deps.parseOptions);
  } catch (error) {
    return error instanceof ConfigError ? error : new ConfigError(errorMessage(error));
  }
}

function fleetTarget(spec: TargetSpec, name: string, config: Config | ConfigError, inputs: RawInputs): FleetTarget {
  const environment =
    config instanceof ConfigError
      ? (spec.inputs.environment ?? inputs.environment?.trim() ?? 'production') || 'production'
      : config.environment;
  return { name, environment, entry: spec.name };
}

/** The shard's and the --target filter's targets; an unknown --target name is a fleet error. */
function select(planned: Planned[], deps: FleetDeps, errors: FleetError[]): Planned[] {
  let selected = planned;
  if (deps.only && deps.only.length > 0) {
    const names = new Set(planned.map((p) => p.target.name));
    for (const name of deps.only) {
      if (!names.has(name)) errors.push({ stage: 'config', message: `target "${name}" is not in the fleet` });
    }
    const wanted = new Set(deps.only);
    selected = selected.filter((p) => wanted.has(p.target.name));
  }
  const shard = deps.shard;
  if (shard) selected = selected.filter((p) => shardOf(p.target.name, shard.count) === shard.index);
  return selected;
}

/** Each group's selected tenants' version tables, in UNION ALL chunks: no query per tenant. */
async function readGroupVersions(selected: Planned[], groups: SchemaGroup[]): Promise<void> {
  for (const group of groups) {
    const schemas = selected.flatMap((p) =>
      p.group === group && p.target.schema ? [group.discovered.get(p.target.schema) as DiscoveredSchema] : [],
    );
    group.versions = await readTenantVersions(group.executor, schemas, group.config.versionTable);
  }
}

/** Parsed once per run, shared by every target: the migration graphs and the expected snapshot files. */
interface SharedParsing {
  loadGraph: typeof loadMigrationGraph;
  readSnapshotFile: (path: string, shown: string) => Promise<Snapshot>;
}

function sharedParsing(load: typeof loadMigrationGraph): SharedParsing {
  const graphs = new Map<string, ReturnType<typeof loadMigrationGraph>>();
  const files = new Map<string, Promise<Snapshot>>();
  return {
    loadGraph: (root, migrations, options) => {
      const key = JSON.stringify([
        root,
        migrations ?? null,
        options?.section ?? null,
        options?.versionLocations ?? null,
      ]);
      let graph = graphs.get(key);
      if (!graph) {
        graph = load(root, migrations, options);
        graphs.set(key, graph);
      }
      return graph;
    },
    readSnapshotFile: (path, shown) => {
      let snapshot = files.get(path);
      if (!snapshot) {
        snapshot = readFile(path, 'utf8').then(
          (text) => parseSnapshot(text, shown),
          (error) => {
            throw new Error(`Could not read snapshot-file "${shown}": ${errorMessage(error)}`);
          },
        );
        files.set(path, snapshot);
      }
      return snapshot;
    },
  };
}

/** One target's check under its time limit; every failure becomes its `error` report. */
async function checkTarget(
  planned: Planned,
  deps: FleetDeps,
  shared: SharedParsing,
): Promise<FleetRun['reports'][number]> {
  const { target, config } = planned;
  const log = deps.log ?? (() => {});
  if (config instanceof ConfigError) {
    return { target, report: failedReport(deps, target, null, { stage: 'config', message: config.message }) };
  }
  const group = planned.group;
  const checkDeps: CheckDeps = {
    root: deps.root,
    config,
    run: deps.run,
    now: deps.now,
    openExecutor: group ? async () => borrowed(group.executor) : (database) => deps.openExecutor(database, config),
    describeTarget: deps.describeTarget,
    readAddedTimes: deps.readAddedTimes,
    readPreviousReport: deps.readPreviousReport?.(target, config),
    log: (line) => log(`[${target.name}] ${line}`),
    loadGraph: shared.loadGraph,
  };
  const structure = deps.structureDeps?.(target, config);
  if (structure) {
    checkDeps.structure = { readSnapshotFile: shared.readSnapshotFile, ...structure };
    if (group && target.schema) {
      checkDeps.structure.takeSnapshot = (_executor, options) => schemaSnapshot(group, options.includeSchemas ?? []);
    }
  }
  if (group && target.schema) {
    const schema = target.schema;
    checkDeps.tenantSchema = schema;
    checkDeps.readVersions = async (): Promise<VersionTableRead> => {
      const read = group.versions?.get(schema);
      if (read === undefined) throw new Error(`the version table of schema "${schema}" was not read`);
      if (read instanceof Error) throw read;
      return read;
    };
  }
  const limit = deps.targetTimeoutMs ?? config.timeoutSeconds * 1000;
  try {
    const outcome = await withTimeLimit(`target "${target.name}" gave no answer`, limit, runCheck(checkDeps));
    return { target, report: outcome.report, snapshot: outcome.snapshot };
  } catch (error) {
    const stage = error instanceof TimeLimitError ? 'timeout' : 'internal';
    return { target, report: failedReport(deps, target, config, { stage, message: errorMessage(error) }) };
  }
}

/** The shared executor lent to one check: its close() leaves it open for the other tenants. */
function borrowed(executor: SqlExecutor): SqlExecutor {
  return {
    query: (sql, params) => executor.query(sql, params),
    describe: () => executor.describe(),
    close: async () => {},
  };
}

/** The group's catalog read once (every schema), then cut to the tenant's: exact names, not glob patterns. */
async function schemaSnapshot(group: SchemaGroup, schemas: readonly string[]): Promise<Snapshot> {
  group.catalog ??= takeSnapshot(group.executor);
  const whole = await group.catalog;
  const wanted = new Set(schemas);
  const objects = whole.objects.filter((o: CatalogObject) => {
    if (o.kind === 'extension') return true;
    const schema = o.kind === 'default privilege' ? o.path[1] : o.path[0];
    return wanted.has(schema ?? '');
  });
  return buildSnapshot(objects, whole.server_version_num, whole.stats);
}

/** The report of a target that could not be checked at all (its config, its time limit). */
function failedReport(deps: FleetDeps, target: FleetTarget, config: Config | null, error: ReportError): Report {
  return buildReport({
    environment: target.environment,
    now: deps.now(),
    run: deps.run,
    source: {
      database: config?.database ? deps.describeTarget(config.database) : '(none)',
      migrations: config?.migrations ?? '(auto)',
      revisions: 0,
    },
    codebaseHeads: [],
    databaseVersions: null,
    version: null,
    structure: null,
    findings: [],
    error,
  });
}

/** Runs `work` over `items`, at most `limit` at once, keeping the items' order in the results. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
