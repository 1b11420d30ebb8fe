// Reports built from the real graph and version verdict (not hand-made sections) must match the documented schema
// and render within limits, for every state the verdict can reach.
import { describe, expect, it } from 'vitest';
import { decideVersion } from '../../src/drift/version.js';
import { buildGraph } from '../../src/migrations/graph.js';
import type { Revision } from '../../src/migrations/revision.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { VersionState } from '../../src/report/model.js';
import { reportDocument } from '../../src/report/presentation/report-document.js';
import { headline } from '../../src/report/presentation/wording.js';
import { renderText } from '../../src/report/text.js';
import { assertValidReport } from '../support/report-schema.js';
import { fixedNow, run, source } from './fixtures.js';

function revision(id: string, down: string[]): Revision {
  return {
    id,
    downRevisions: down,
    dependsOn: [],
    branchLabels: [],
    file: `migrations/versions/${id}.py`,
    line: 5,
    message: `Revision ${id}`,
  };
}

const linear = [revision('r1', []), revision('r2', ['r1']), revision('r3', ['r2']), revision('r4', ['r3'])];
const forked = [...linear, revision('side', ['r2'])];

const cases: [VersionState, Revision[], { exists: boolean; versions: string[] }][] = [
  ['synced', linear, { exists: true, versions: ['r4'] }],
  ['behind', linear, { exists: true, versions: ['r2'] }],
  ['ahead', linear, { exists: true, versions: ['r9'] }],
  ['branched', forked, { exists: true, versions: ['r4'] }],
  ['uninitialized', linear, { exists: false, versions: [] }],
  ['uninitialized', linear, { exists: true, versions: [] }],
  ['error', [revision('a', ['b']), revision('b', ['a'])], { exists: true, versions: ['a'] }],
];

describe('reports built from real verdicts', () => {
  it.each(cases)('validate against the schema and render for the %s state', (state, revisions, applied) => {
    const graph = buildGraph(revisions);
    const version = decideVersion(
      graph,
      { ...applied, qualifiedName: 'public.alembic_version' },
      { pendingGraceMinutes: 0, now: fixedNow, addedAt: new Map() },
    );
    expect(version.state).toBe(state);
    const report = buildReport({
      environment: 'production',
      now: fixedNow,
      run,
      source,
      codebaseHeads: graph.heads,
      databaseVersions: applied.versions,
      version,
      findings: graph.findings,
      error: state === 'error' ? { stage: 'version', message: version.summary } : null,
    });
    assertValidReport(report);
    expect(report.status).toBe(state === 'synced' ? 'synced' : state === 'error' ? 'error' : 'drift');
    expect(renderMarkdown(reportDocument(report))).toContain(headline(report).split(':')[0]!);
    expect(renderText(reportDocument(report))).toContain(`Fingerprint: ${report.fingerprint}`);
  });
});
