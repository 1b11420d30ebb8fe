import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, snapshotJson } from '../../src/catalog/snapshot.js';

const committed = new URL('../../examples/credentialmate/demo/expected-20250915_0900.snapshot.json', import.meta.url);

describe('snapshotJson', () => {
  const snapshot = parseSnapshot(readFileSync(committed, 'utf8'), 'expected-20250915_0900.snapshot.json');

  it('writes JSON that reads back to the same snapshot', () => {
    expect(JSON.parse(snapshotJson(snapshot))).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(parseSnapshot(snapshotJson(snapshot), 'again').fingerprint).toBe(snapshot.fingerprint);
  });

  it('puts one catalog object on each line, so snapshot files diff line by line', () => {
    const lines = snapshotJson(snapshot).split('\n');
    const objectLines = lines.filter((l) => l.startsWith('    {'));
    expect(objectLines).toHaveLength(snapshot.objects.length);
    expect(JSON.parse(objectLines[0]!.replace(/,$/, ''))).toEqual(snapshot.objects[0]);
  });

  it('is the format of the committed demo snapshot', () => {
    expect(readFileSync(committed, 'utf8')).toBe(snapshotJson(snapshot));
  });
});
