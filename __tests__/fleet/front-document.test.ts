// The fleet document and its alert: one table worst first, a long fleet cut to GitHub's summary limit with a count,
// the subject within SNS's 99 characters whatever the names, the text body within SNS's limit.
import { describe, expect, it } from 'vitest';
import { fleetAlert, fleetSubject } from '../../src/fleet/fleet-alert.js';
import { buildFleetReport, summarizeTarget } from '../../src/fleet/fleet-report.js';
import type { FleetReport } from '../../src/fleet/model.js';
import { DEFAULT_MARKDOWN_MAX_BYTES, DEFAULT_TEXT_MAX_BYTES, utf8Length } from '../../src/report/limits.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fleetDocument, fleetHeadline } from '../../src/report/presentation/fleet-document.js';
import { reportFor, run } from '../report/fixtures.js';

function fleetOf(count: number, name: (i: number) => string, drifted: (i: number) => boolean): FleetReport {
  const synced = reportFor('synced');
  const behind = reportFor('behind');
  return buildFleetReport({
    now: new Date('2026-03-01T03:00:00Z'),
    run,
    config: '.schema-drift.yml',
    targets: Array.from({ length: count }, (_, i) =>
      summarizeTarget({ name: name(i), environment: 'production', entry: 'tenants' }, drifted(i) ? behind : synced, {
        location: `s3://evidence/schema-drift/production/${name(i)}/2026/03/01/2026-03-01T03-00-00Z-1.json`,
        sha256: 'b'.repeat(64),
      }),
    ),
    discovered: [],
    errors: [],
    shards: null,
  });
}

describe('fleetDocument', () => {
  it('cuts a fleet of 20,000 targets to the summary limit, worst first, saying how many rows it left out', () => {
    const fleet = fleetOf(
      20_000,
      (i) => `tenants.tenant_${String(i).padStart(5, '0')}`,
      (i) => i % 97 === 0,
    );
    const markdown = renderMarkdown(fleetDocument(fleet, { environment: 'production' }));
    expect(utf8Length(markdown)).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_BYTES);
    expect(markdown).toMatch(/… and \d+ more/);
    expect(markdown.match(/\| Target \|/g)).toHaveLength(1);
    // The first rows are the drifted ones.
    const firstRow = markdown.split('\n').find((l) => l.startsWith('| `tenants.'));
    expect(firstRow).toContain('drift (behind)');
  });

  it('headlines the counts', () => {
    const fleet = fleetOf(
      148,
      (i) => `t${i}`,
      (i) => i < 3,
    );
    expect(fleetHeadline(fleet, 'production')).toBe('production fleet: 3 of 148 targets drifted');
    expect(
      fleetHeadline(
        fleetOf(
          2,
          (i) => `t${i}`,
          () => false,
        ),
        'staging',
      ),
    ).toBe('staging fleet: all 2 targets in sync');
  });
});

describe('the fleet alert', () => {
  it('names the worst targets as room allows, within 99 printable characters', () => {
    const fleet = fleetOf(
      148,
      (i) => `tenant-${i}`,
      (i) => i < 3,
    );
    expect(fleetSubject(fleet, 'production', 'drift')).toBe(
      '[schema-drift] production fleet: 3 of 148 targets drifted: tenant-0, tenant-1, tenant-2',
    );
    const many = fleetOf(
      148,
      (i) => `tenants.acme_health_${i}`,
      (i) => i < 40,
    );
    const subject = fleetSubject(many, 'production', 'drift');
    expect(subject.length).toBeLessThanOrEqual(99);
    expect(subject).toBe('[schema-drift] production fleet: 40 of 148 targets drifted: tenants.acme_health_0 +39');
  });

  it('keeps hostile names printable and within the limit', () => {
    const fleet = fleetOf(
      5,
      (i) => `t\u202e${i}\nSubject: x${'é'.repeat(80)}`,
      () => true,
    );
    const subject = fleetSubject(fleet, `prod\u0007${'x'.repeat(200)}`, 'drift');
    expect(subject.length).toBeLessThanOrEqual(99);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
  });

  it('sends a body within the SNS limit however long the fleet, with the facts SNS dedupes on', () => {
    const fleet = fleetOf(
      20_000,
      (i) => `tenants.tenant_${i}`,
      (i) => i % 3 === 0,
    );
    const alert = fleetAlert(fleet, 'production', 'drift', 's3://evidence/x.json');
    expect(utf8Length(alert.body)).toBeLessThanOrEqual(DEFAULT_TEXT_MAX_BYTES);
    expect(alert.report).toBeNull();
    expect(alert.report === null && alert.facts.status).toBe('drift');
  });
});
