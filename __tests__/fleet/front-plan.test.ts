// Which mode a run takes with a config file, and the config file's targets as every front end reads them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetMatrix, fleetModeFor, readFleetSpecs } from '../../src/fleet/fleet-plan.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fleet-plan-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fleetModeFor', () => {
  it('runs the fleet on auto when the file lists targets, outside pull requests', () => {
    expect(fleetModeFor('auto', 'schedule', true)).toBe('fleet');
    expect(fleetModeFor('auto', 'pull_request', true)).toBeNull();
    expect(fleetModeFor('auto', 'schedule', false)).toBeNull();
    expect(fleetModeFor('fleet-merge', 'workflow_dispatch', false)).toBe('fleet-merge');
  });

  it('refuses monitor with targets rather than ignoring them', () => {
    expect(() => fleetModeFor('monitor', 'schedule', true)).toThrow(
      /mode" is monitor but the config file lists targets/,
    );
    expect(fleetModeFor('monitor', 'schedule', false)).toBeNull();
  });
});

describe('readFleetSpecs', () => {
  it('reads nothing when the default file is absent, and refuses a named one that is', async () => {
    expect(await readFleetSpecs(root, undefined)).toEqual({ file: '.schema-drift.yml', specs: null });
    await expect(readFleetSpecs(root, 'missing.yml')).rejects.toThrow(/Could not read the config file "missing.yml"/);
  });

  it('refuses a config file outside the repository (the action), and reads it when not confined (the CLI)', async () => {
    await expect(readFleetSpecs(root, '../elsewhere.yml')).rejects.toThrow(/outside the repository/);
    const elsewhere = await mkdtemp(join(tmpdir(), 'fleet-plan-elsewhere-'));
    try {
      const file = join(elsewhere, 'fleet.yml');
      await writeFile(file, 'targets:\n  - name: a\n    database-url-env: X\n');
      await expect(readFleetSpecs(root, file)).rejects.toThrow(/outside the repository/);
      const read = await readFleetSpecs(root, file, { confined: false });
      // Named by its full path: `../../…` would say little in a report.
      expect(read.file).toBe(file);
      expect(read.specs?.map((s) => s.name)).toEqual(['a']);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it.each([
    ['fleet', /not "fleet"/],
    ['2026', /not all digits/],
    ['latest.json', /not ending in .json/],
    ['../x', /name/],
  ])('refuses a target named %j before anything runs', async (name, message) => {
    await writeFile(join(root, 'hostile.yml'), `targets:\n  - name: '${name}'\n    database-url-env: X\n`);
    await expect(readFleetSpecs(root, 'hostile.yml')).rejects.toThrow(message);
  });

  it('plans at most 256 jobs, one per shard', async () => {
    await writeFile(join(root, 'ok.yml'), 'targets:\n  - name: a\n    database-url-env: A\n');
    const { specs } = await readFleetSpecs(root, 'ok.yml');
    expect(JSON.parse(fleetMatrix(specs ?? [], 2))).toEqual({ include: [{ shard: '1/2' }, { shard: '2/2' }] });
    expect(JSON.parse(fleetMatrix(specs ?? [], undefined)).include).toHaveLength(4);
    expect(() => fleetMatrix(specs ?? [], 257)).toThrow(/at most 256/);
  });
});
