import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeReport } from '../../src/publish/report-store.js';
import { assertValidReport, reportSchema, reportSchemaErrors } from '../support/report-schema.js';
import { allStates, hostileName, pending, reportFor, structureWith, versionSection } from './fixtures.js';

type JsonSchema = { description?: string; $ref?: string; properties?: Record<string, JsonSchema> };
const schema = reportSchema as JsonSchema & { required: string[]; $defs: Record<string, JsonSchema> };

describe('docs/report.schema.json', () => {
  it.each(allStates)('accepts the report built for the %s state', (state) => {
    assertValidReport(reportFor(state));
  });

  it('accepts error reports with null versions and with findings at file and line', () => {
    assertValidReport(
      reportFor('synced', {
        version: null,
        databaseVersions: null,
        codebaseHeads: [],
        error: { stage: 'database', message: 'password authentication failed for user "app"' },
        findings: [
          { severity: 'error', kind: 'missing-parent', message: 'x', file: 'migrations/versions/a.py', line: 4 },
          { severity: 'notice', kind: 'revision-id-too-long', message: 'y' },
        ],
      }),
    );
  });

  it('accepts a behind report within grace and a stored report with its previous_report', () => {
    const version = versionSection('behind', {
      drift: false,
      pending_grace_minutes: 120,
      pending: [pending('20251231_1800', '20251230_1900', { within_grace: true })],
    });
    const report = reportFor('behind', { version });
    assertValidReport({ ...report, previous_report: null });
    assertValidReport(
      JSON.parse(
        serializeReport({ ...report, previous_report: { key: 'production/latest.json', sha256: 'b'.repeat(64) } }),
      ),
    );
  });

  it('allows new top-level fields for later versions', () => {
    assertValidReport({ ...reportFor('synced'), html_url: 'https://example.test' });
  });

  it('rejects reports that break the contract', () => {
    const synced = reportFor('synced');
    expect(reportSchemaErrors({ ...synced, drift_detected: true })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, status: 'ok' })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, timestamp: '2025-12-31T19:05:18.123Z' })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, fingerprint: 'abc' })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, run: { ...synced.run, token: 'x' } })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, status: 'error' })).not.toEqual([]);
    expect(reportSchemaErrors({ ...synced, previous_report: { key: 'k' } })).not.toEqual([]);
    const { fingerprint: _, ...withoutFingerprint } = synced;
    expect(reportSchemaErrors(withoutFingerprint)).toEqual([
      `/ must have required property 'fingerprint' {"missingProperty":"fingerprint"}`,
    ]);
    expect(() => assertValidReport({ ...synced, findings: [{ severity: 'fatal', kind: 'x', message: '' }] })).toThrow(
      /findings\/0\/severity/,
    );
  });

  it('describes every field a report carries and requires every field the model requires', () => {
    const report = {
      ...reportFor('behind', { findings: [{ severity: 'error', kind: 'k', message: 'm', file: 'f', line: 1 }] }),
      previous_report: { key: 'k', sha256: 'c'.repeat(64) },
    };
    const described = (s: JsonSchema | undefined): boolean =>
      s?.description !== undefined ||
      (s?.$ref !== undefined && described(schema.$defs[s.$ref.replace('#/$defs/', '')]));
    for (const key of Object.keys(report)) {
      expect(described(schema.properties?.[key]), `top-level field ${key}`).toBe(true);
    }
    expect(new Set(schema.required)).toEqual(new Set(Object.keys(report).filter((k) => k !== 'previous_report')));
    const nested: [string, object][] = [
      ['versionSection', report.version!],
      ['pendingRevision', report.version!.pending[0]!],
      ['finding', report.findings[0]!],
      ['runInfo', report.run],
      ['previousReport', report.previous_report],
    ];
    for (const [def, value] of nested) {
      expect(Object.keys(schema.$defs[def]?.properties ?? {}).sort(), def).toEqual(Object.keys(value).sort());
    }
    expect(Object.keys(schema.properties?.source?.properties ?? {}).sort()).toEqual(Object.keys(report.source).sort());
  });

  it('accepts reports built with each structure state, notices and ignored entries', () => {
    const [, column] = structureWith().differences;
    for (const state of ['clean', 'drifted', 'skipped', 'error'] as const) {
      const structure = structureWith({
        state,
        notices: [
          { ...column!, attribute: 'column_order', expected: ['a', 'b'], actual: ['b', 'a'], severity: 'cosmetic' },
        ],
        ignored: [{ object: hostileName, kind: 'table', attribute: null, reason: 'vendor', expires: '2026-03-01' }],
      });
      const report = reportFor('synced', { structure });
      assertValidReport(report);
      assertValidReport(JSON.parse(serializeReport(report)));
    }
  });

  it('accepts possible_move on a difference (absent in older reports) and rejects one that is not a name', () => {
    const [grant] = structureWith().differences;
    const moved = (possible_move: unknown) =>
      reportFor('synced', {
        structure: structureWith({ differences: [{ ...grant!, kind: 'table', possible_move } as never] }),
      });
    assertValidReport(moved('archive.orders'));
    assertValidReport(moved(null));
    expect(reportSchemaErrors(moved(42)).length).toBeGreaterThan(0);
  });

  it('documents every structure field in docs/report.md', () => {
    const page = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');
    const section = (title: string) => page.slice(page.indexOf(title), page.indexOf('\n### ', page.indexOf(title) + 1));
    const structure = structureWith({
      ignored: [{ object: 'o', kind: 'table', attribute: null, reason: 'r', expires: null }],
    });
    for (const key of Object.keys(structure)) expect(section('### `structure`\n'), key).toContain(`| \`${key}\` |`);
    for (const key of Object.keys(structure.differences[0]!)) {
      expect(section('### `structure.differences[]`'), key).toContain(`| \`${key}\` |`);
    }
    for (const key of Object.keys(structure.ignored[0]!)) {
      expect(section('### `structure.ignored[]`'), key).toContain(`| \`${key}\` |`);
    }
    expect(page).toContain('### How `status` is decided');
  });
});
