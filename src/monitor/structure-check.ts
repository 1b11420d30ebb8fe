// The structure stage of the check: the live catalog (through the same executor as the version read) against the
// expected schema — a reference database built from the migrations, a committed snapshot file, or the baseline stored
// by the previous run. Adapters come in as parameters, as in check.ts.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Snapshot } from '../catalog/model.js';
import { renameSchema, userSchemas } from '../catalog/rename-schema.js';
import { parseSnapshot, type SnapshotOptions, takeSnapshot } from '../catalog/snapshot.js';
import type { StructureConfig } from '../config/config.js';
import type { SqlExecutor } from '../database/executor.js';
import { readIgnoreRules } from '../drift/rules-file.js';
import { diffSnapshots } from '../drift/structure.js';
import type { Finding } from '../migrations/finding.js';
import type { BaselineInfo, StructureSection } from '../report/model.js';

export interface StructureDeps {
  /** Opens the reference database (a postgres URL) for the `reference` source. */
  openReference: (url: string) => Promise<SqlExecutor>;
  /** Shown instead of the reference URL; never holds a password. */
  describeReference: (url: string) => string;
  /** Runs reference-setup-command (a shell command) from the repository root. */
  runSetupCommand: (command: string) => Promise<void>;
  /** The environment's recorded baseline, and the one the previous report says was in use. */
  loadBaseline: () => Promise<LoadedBaseline>;
  /** Takes the live snapshot (default takeSnapshot): a fleet passes one that reads the catalog once for all tenants. */
  takeSnapshot?: (executor: SqlExecutor, options: SnapshotOptions) => Promise<Snapshot>;
  /** Reads snapshot-file (default: read and parse it): a fleet passes a memo, so the file is parsed once. */
  readSnapshotFile?: (path: string, shown: string) => Promise<Snapshot>;
}

export interface LoadedBaseline {
  /** The recorded baseline (its pointer checked against the snapshot bytes), or null when none was recorded. */
  stored: {
    key: string;
    location: string;
    text: string;
    fingerprint: string;
    productionVersion: string | null;
    recordedAt: string;
  } | null;
  /** The baseline the previous report compared with or recorded (its key), or null when it names none. */
  previouslyInUse: string | null;
}

export interface StructureOutcome {
  section: StructureSection;
  /** The live catalog, stored beside the report (the next run's baseline). */
  actual: Snapshot;
  findings: Finding[];
}

const SAFE_REVISION = /^[A-Za-z0-9_.]+$/;

function skipped(source: StructureSection['expected_source'], summary: string, actual: Snapshot): StructureSection {
  return {
    state: 'skipped',
    expected_source: source,
    summary,
    expected_location: null,
    expected_fingerprint: null,
    actual_fingerprint: actual.fingerprint,
    counts: { security: 0, breaking: 0, cosmetic: 0 },
    differences: [],
    notices: [],
    ignored: [],
    stats: statsOf(actual),
  };
}

const statsOf = (s: Snapshot) => ({
  queries: s.stats.queries,
  largest_response_bytes: s.stats.largest_response_bytes,
  total_response_bytes: s.stats.total_response_bytes,
});

type Expected =
  | { snapshot: Snapshot; location: string; baseline?: BaselineInfo }
  | { skip: string; baseline?: BaselineInfo };

/**
 * The stored baseline, kept until it is replaced on purpose: when none exists yet, when the production version moved
 * since it was recorded, or on `baseline: re-record`. A run that finds drift never records, so the drift stays drift
 * on every later run. A baseline the previous report used that is now missing is an error, not a fresh start.
 */
async function baselineSnapshot(
  config: StructureConfig,
  productionVersion: string | null,
  deps: StructureDeps,
): Promise<Expected> {
  const { stored, previouslyInUse } = await deps.loadBaseline();
  const comparedWith: BaselineInfo['compared_with'] = stored && {
    key: stored.key,
    fingerprint: stored.fingerprint,
    production_version: stored.productionVersion,
    recorded_at: stored.recordedAt,
  };
  const record = (reason: NonNullable<BaselineInfo['recorded']>['reason']): BaselineInfo => ({
    compared_with: comparedWith,
    recorded: { reason, production_version: productionVersion },
  });
  if (config.rerecordBaseline) {
    return {
      skip: stored
        ? `baseline re-recorded on request (baseline: re-record), replacing ${stored.fingerprint.slice(0, 12)} recorded at ${stored.recordedAt}`
        : 'baseline recorded on request (baseline: re-record); none was recorded before',
      baseline: record('re-record'),
    };
  }
  if (!stored) {
    if (previouslyInUse) {
      throw new Error(
        `the baseline the previous report used (${previouslyInUse}) is no longer recorded; ` +
          'record a new one on purpose with baseline: re-record (CLI: --baseline re-record)',
      );
    }
    return { skip: 'no baseline yet: this run records the first one', baseline: record('first') };
  }
  if (stored.productionVersion !== productionVersion) {
    return {
      skip: `the version moved from ${stored.productionVersion ?? '(none)'} to ${productionVersion ?? '(none)'} since the baseline; this run records a new one`,
      baseline: record('version-moved'),
    };
  }
  const snapshot = parseSnapshot(stored.text, stored.location);
  if (snapshot.fingerprint !== stored.fingerprint) {
    throw new Error(
      `the baseline snapshot ${stored.location} has fingerprint ${snapshot.fingerprint}, its pointer recorded ${stored.fingerprint}`,
    );
  }
  return { snapshot, location: stored.key, baseline: { compared_with: comparedWith, recorded: null } };
}

async function expectedSnapshot(
  config: StructureConfig,
  root: string,
  productionVersions: readonly string[],
  productionVersion: string | null,
  deps: StructureDeps,
): Promise<Expected> {
  switch (config.expected) {
    case 'snapshot': {
      const path = resolve(root, config.snapshotFile!);
      if (deps.readSnapshotFile) {
        return { snapshot: await deps.readSnapshotFile(path, config.snapshotFile!), location: config.snapshotFile! };
      }
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new Error(`Could not read snapshot-file "${config.snapshotFile}": ${(error as Error).message}`);
      }
      return { snapshot: parseSnapshot(text, config.snapshotFile!), location: config.snapshotFile! };
    }
    case 'baseline':
      return baselineSnapshot(config, productionVersion, deps);
    case 'reference': {
      const url = config.referenceDatabaseUrl!;
      if (config.referenceSetupCommand) {
        if (productionVersions.length === 0)
          return { skip: 'production has no applied revision to build the reference at' };
        const unsafe = productionVersions.find((v) => !SAFE_REVISION.test(v));
        if (unsafe) throw new Error(`Refusing to put revision ${JSON.stringify(unsafe)} into reference-setup-command`);
        const command = config.referenceSetupCommand.replaceAll('{revision}', productionVersions.join(' '));
        try {
          await deps.runSetupCommand(command);
        } catch (error) {
          throw new Error(`reference-setup-command failed: ${(error as Error).message}`);
        }
      }
      const reference = await deps.openReference(url);
      try {
        return { snapshot: await takeSnapshot(reference), location: deps.describeReference(url) };
      } finally {
        await reference.close().catch(() => {});
      }
    }
  }
}

/** Takes the live snapshot and compares it with the expected one; throws with a message naming what failed. */
export async function checkStructure(input: {
  config: StructureConfig;
  ignoreRulesFile?: string;
  root: string;
  executor: SqlExecutor;
  /** A tenant schema: only it is read, and it is compared under the name of the expected snapshot's one schema. */
  schema?: string;
  productionVersions: readonly string[];
  now: Date;
  deps: StructureDeps;
}): Promise<StructureOutcome> {
  const { config } = input;
  const rules = await readIgnoreRules(input.root, input.ignoreRulesFile);
  const snapshotOf = input.deps.takeSnapshot ?? takeSnapshot;
  let actual = await snapshotOf(input.executor, input.schema === undefined ? {} : { includeSchemas: [input.schema] });
  const productionVersion = input.productionVersions.length ? [...input.productionVersions].sort().join(',') : null;
  const expected = await expectedSnapshot(config, input.root, input.productionVersions, productionVersion, input.deps);
  if (input.schema !== undefined && 'snapshot' in expected) {
    const names = userSchemas(expected.snapshot);
    if (names.length !== 1) {
      throw new Error(
        `a tenant schema is compared with an expected snapshot of exactly one schema; ${expected.location} holds ${names.length}: ${names.join(', ') || '(none)'}`,
      );
    }
    actual = renameSchema(actual, input.schema, names[0] as string);
  }
  if ('skip' in expected) {
    const section = skipped(config.expected, expected.skip, actual);
    return { section: withBaseline(section, expected.baseline), actual, findings: [] };
  }

  const diff = diffSnapshots(expected.snapshot, actual, { rules, today: input.now });
  const n = diff.differences.length;
  const counted = (['security', 'breaking', 'cosmetic'] as const)
    .filter((s) => diff.counts[s] > 0)
    .map((s) => `${diff.counts[s]} ${s}`)
    .join(', ');
  const section: StructureSection = {
    state: diff.equal ? 'clean' : 'drifted',
    expected_source: config.expected,
    summary: diff.equal
      ? `no structural differences${diff.ignored.length ? ` (${diff.ignored.length} ignored by rules)` : ''}`
      : `${n} structural difference${n === 1 ? '' : 's'} (${counted})`,
    expected_location: expected.location,
    expected_fingerprint: diff.expected_fingerprint,
    actual_fingerprint: diff.actual_fingerprint,
    counts: diff.counts,
    differences: diff.differences,
    notices: diff.notices,
    ignored: diff.ignored.map((i) => ({
      object: i.difference.object,
      kind: i.difference.kind,
      attribute: i.difference.attribute,
      reason: i.rule.reason,
      expires: i.rule.expires ?? null,
    })),
    stats: statsOf(actual),
  };
  return { section: withBaseline(section, expected.baseline), actual, findings: diff.warnings };
}

const withBaseline = (section: StructureSection, baseline: BaselineInfo | undefined): StructureSection =>
  baseline ? { ...section, baseline } : section;
