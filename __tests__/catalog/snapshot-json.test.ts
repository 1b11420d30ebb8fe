import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, parseSnapshot, snapshotJson, snapshotJsonLines } from '../../src/catalog/snapshot.js';

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

  it('streams a large snapshot in pieces of whole lines of about 64 KB, not one write per object', () => {
    const many = buildSnapshot(
      Array.from({ length: 5_000 }, (_, i) => ({
        kind: 'column' as const,
        path: ['public', `t${i % 50}`, `c${i}`],
        attrs: { type: 'text', comment: 'é "quoted"\n' },
      })),
      150000,
      snapshot.stats,
    );
    const pieces = [...snapshotJsonLines(many)];
    expect(pieces.join('')).toBe(snapshotJson(many));
    expect(JSON.parse(pieces.join('')).objects).toHaveLength(5_000);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.length).toBeLessThan(20);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(65_536 + 200);
  });

  it('is the format of the committed demo snapshot', () => {
    expect(readFileSync(committed, 'utf8')).toBe(snapshotJson(snapshot));
  });
});
