// docs/fleet.md stays true to action.yml: every input or output it names exists (or is a config-file key or a mode),
// and every fleet input and output is documented there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGET_INPUT_KEYS } from '../../src/config/config-file.js';
import { loadActionMetadata } from '../support/action-metadata.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const action = loadActionMetadata();

/** The names declared under `inputs:` or `outputs:` in action.yml (read by the strict YAML loader). */
function declared(block: 'inputs' | 'outputs'): Set<string> {
  return new Set(Object.keys(action[block]));
}

const fleetDoc = read('docs/fleet.md');
const named = [...new Set([...fleetDoc.matchAll(/`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?::[^`]*)?`/g)].map((m) => m[1]!))];
const modes = ['fleet-plan', 'fleet-merge', 'pull-request'];
const fileKeys = ['database-url-env', ...TARGET_INPUT_KEYS];

describe('docs/fleet.md', () => {
  it('names only inputs, outputs, modes and config-file keys that exist', () => {
    const inputs = declared('inputs');
    const outputs = declared('outputs');
    expect(named.length).toBeGreaterThan(10);
    const unknown = named.filter(
      (n) => !inputs.has(n) && !outputs.has(n) && !modes.includes(n) && !fileKeys.includes(n),
    );
    expect(unknown).toEqual([]);
  });

  it('documents every fleet input and output', () => {
    for (const name of [
      'concurrency',
      'shard',
      'shards',
      'fleet-slices',
      'targets-total',
      'targets-drifted',
      'targets-error',
      'matrix',
    ]) {
      expect(fleetDoc, name).toContain(`\`${name}`);
    }
  });
});
