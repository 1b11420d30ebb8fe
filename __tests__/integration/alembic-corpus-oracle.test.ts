// The real-world corpus: small trees written by us that reproduce the layouts and idioms public Alembic projects use
// (Flask-Migrate folders, one ini section per tree, package resources, version locations set in code, chained and
// tuple assignments, names and constants imported from the project's own package, module-level if/try), each read
// by us and by real Alembic: heads, bases, the full parent map, branch labels and depends_on must be equal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocateOptions } from '../../src/migrations/alembic/locate.js';
import type { MigrationGraph } from '../../src/migrations/graph.js';
import { loadMigrationGraph } from '../../src/migrations/load.js';
import {
  type AlembicRunOptions,
  type AlembicView,
  alembicUnavailable,
  alembicView,
  writeAlembicScaffold,
} from '../support/alembic-tree.js';

const skip = alembicUnavailable() !== null;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempRoot(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'alembic-corpus-'));
  dirs.push(d);
  return d;
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}

function ourView(graph: MigrationGraph): Pick<AlembicView, 'heads' | 'bases' | 'revisions'> {
  const revisions: AlembicView['revisions'] = {};
  for (const r of graph.revisions.values()) {
    revisions[r.id] = {
      down: [...r.downRevisions].sort(),
      deps: [...r.dependsOn].sort(),
      labels: [...r.branchLabels].sort(),
    };
  }
  return { heads: graph.heads, bases: graph.bases, revisions };
}

async function agree(
  root: string,
  iniPath: string,
  alembicOptions: AlembicRunOptions = {},
  input?: string,
  ours: LocateOptions = {},
): Promise<MigrationGraph> {
  const alembic = alembicView(iniPath, alembicOptions);
  expect(alembic.error).toBeUndefined();
  const { graph } = await loadMigrationGraph(root, input, ours);
  expect(graph.findings.filter((f) => f.kind !== 'multiple-heads')).toEqual([]);
  expect(ourView(graph)).toEqual({ heads: alembic.heads, bases: alembic.bases, revisions: alembic.revisions });
  expect(graph.revisions.size).toBeGreaterThan(0);
  return graph;
}

const BASE = 'revision = "a1"\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n';

describe.skipIf(skip)('idioms read as real Alembic reads them', () => {
  it.each([
    ['chained assignment', 'revision = "b2"\ndown_revision = "a1"\nbranch_labels = depends_on = None\n'],
    ['chained assignment of the id', 'revision = REV = "b2"\ndown_revision = PARENT = "a1"\n'],
    ['names bound earlier', 'PARENT = "a1"\nREV = "b2"\nrevision = REV\ndown_revision = PARENT\n'],
    ['constant f-strings and str()', 'P = "a1"\nrevision = f"b2"\ndown_revision = f"{P}"\ndepends_on = str("a1")\n'],
    ['tuple unpacking', 'revision, down_revision = "b2", "a1"\n(branch_labels, depends_on) = (("lab",), None)\n'],
    [
      'module-level if/elif/else with decidable conditions',
      'DEBUG = False\nif DEBUG:\n    revision = "zz"\nelif not DEBUG:\n    revision = "b2"\nelse:\n    revision = "yy"\n' +
        'if True: down_revision = "a1"\n',
    ],
    [
      'a try body that cannot fail, with else and finally',
      'try:\n    revision = "b2"\nexcept Exception:\n    revision = "zz"\nelse:\n    down_revision = "a1"\n' +
        'finally:\n    depends_on = None\n',
    ],
    [
      'a later assignment winning and decoys in function bodies',
      'revision = "zz"\nrevision = "b2"\ndown_revision = "a1"\ndef upgrade():\n    revision = "qq"\n' +
        'class X:\n    down_revision = "qq"\n',
    ],
    ['implicit concatenation and `+`', 'revision = "b" "2"\ndown_revision = "a" + "1"\n'],
    [
      'typing.TYPE_CHECKING guards',
      'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    revision = "zz"\nelse:\n    revision = "b2"\ndown_revision = "a1"\n',
    ],
  ])('%s', async (_name, source) => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root);
    write(root, { 'migrations/versions/a1.py': BASE, 'migrations/versions/b2.py': source });
    const graph = await agree(root, ini);
    expect(graph.revisions.has('b2')).toBe(true);
  });

  it('follows constants imported from the project package, one level deep (neutron and aiida style)', async () => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root);
    write(root, {
      'proj/__init__.py': '',
      'proj/db/__init__.py': '',
      'proj/db/cli.py':
        '"""CLI helpers."""\nimport os\n\nEXPAND_BRANCH = "expand"\nCONTRACT_BRANCH = "contract"\nBASE = "a1"\n\ndef main():\n    pass\n',
      'migrations/versions/a1.py': BASE,
      'migrations/versions/e1.py':
        'from proj.db import cli\nrevision = "e1"\ndown_revision = cli.BASE\nbranch_labels = (cli.EXPAND_BRANCH,)\n',
      'migrations/versions/c1.py':
        'from proj.db.cli import CONTRACT_BRANCH as C, BASE\nrevision = "c1"\ndown_revision = BASE\nbranch_labels = (C,)\ndepends_on = ("e1",)\n',
      'migrations/versions/e2.py':
        'import proj.db.cli as m\nrevision = "e2"\ndown_revision = "e1"\nbranch_labels = None\ndepends_on = None\n',
      'migrations/versions/c2.py': 'import proj.db.cli\nrevision = "c2"\ndown_revision = "c1"\n',
    });
    const graph = await agree(root, ini);
    expect(graph.revisions.get('e1')?.branchLabels).toEqual(['expand']);
    expect(graph.revisions.get('c1')?.branchLabels).toEqual(['contract']);
  });
});

describe.skipIf(skip)('layouts read as real Alembic reads them', () => {
  it('Flask-Migrate: an alembic.ini without script_location beside env.py and versions/', async () => {
    const root = tempRoot();
    const scaffold = writeAlembicScaffold(path.join(root, 'tmp'));
    write(root, {
      'migrations/alembic.ini':
        '# A generic, single database configuration.\n\n[alembic]\n# template used to generate migration files\n# file_template = %%(rev)s_%%(slug)s\n\n[loggers]\nkeys = root\n\n[handlers]\nkeys =\n\n[formatters]\nkeys =\n\n[logger_root]\nlevel = WARN\nhandlers =\n',
      'migrations/env.py': 'pass\n',
      'migrations/versions/a1.py': BASE,
      'migrations/versions/b2.py': 'revision = "b2"\ndown_revision = "a1"\n',
    });
    rmSync(path.dirname(scaffold), { recursive: true });
    const ini = path.join(root, 'migrations/alembic.ini');
    // Flask-Migrate passes its folder to Alembic as script_location.
    const alembic = { set: { script_location: path.join(root, 'migrations') } };
    await agree(root, ini, alembic);
    await agree(root, ini, alembic, 'migrations');
    await agree(root, ini, alembic, 'migrations/alembic.ini');
  });

  it('named sections (Alembic -n): one tree per section', async () => {
    const root = tempRoot();
    write(root, {
      'alembic.ini':
        '[alembic]\nsqlalchemy.url = sqlite://\n\n[core]\nscript_location = %(here)s/db/core\n\n[tenant]\nscript_location = %(here)s/db/tenant\n',
      'db/core/env.py': 'pass\n',
      'db/core/versions/a1.py': BASE,
      'db/core/versions/b2.py': 'revision = "b2"\ndown_revision = "a1"\n',
      'db/tenant/env.py': 'pass\n',
      'db/tenant/versions/t1.py': 'revision = "t1"\ndown_revision = None\n',
    });
    const ini = path.join(root, 'alembic.ini');
    const core = await agree(root, ini, { section: 'core' }, undefined, { section: 'core' });
    expect(core.heads).toEqual(['b2']);
    const tenant = await agree(root, ini, { section: 'tenant' }, undefined, { section: 'tenant' });
    expect(tenant.heads).toEqual(['t1']);
    await expect(loadMigrationGraph(root)).rejects.toThrow('sections with a script_location: [core], [tenant]');
  });

  it('script_location = package:path, the package under src/ (prefect style)', async () => {
    const root = tempRoot();
    write(root, {
      'alembic.ini': '[alembic]\nscript_location = myapp.db:migrations\n',
      'src/myapp/__init__.py': '',
      'src/myapp/db/__init__.py': '',
      'src/myapp/db/migrations/env.py': 'pass\n',
      'src/myapp/db/migrations/versions/a1.py': BASE,
      'src/myapp/db/migrations/versions/b2.py': 'revision = "b2"\ndown_revision = "a1"\n',
    });
    await agree(root, path.join(root, 'alembic.ini'), { pythonPath: [path.join(root, 'src')] });
  });

  it('version-locations given as an input, as env.py code sets them', async () => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root);
    write(root, {
      'migrations/versions/a1.py': BASE,
      'plugins/x/versions/x1.py': 'revision = "x1"\ndown_revision = "a1"\n',
    });
    const locations = ['migrations/versions', 'plugins/x/versions'];
    await agree(
      root,
      ini,
      { set: { version_locations: locations.map((l) => path.join(root, l)).join(' ') } },
      undefined,
      {
        versionLocations: locations,
      },
    );
  });

  it('the built CLI reads a named section with --name, as `alembic -n` does', () => {
    const cli = path.resolve('dist/cli/index.js');
    const root = tempRoot();
    write(root, {
      'alembic.ini': '[core]\nscript_location = %(here)s/db/core\n',
      'db/core/env.py': 'pass\n',
      'db/core/versions/a1.py': BASE,
    });
    const out = spawnSync(process.execPath, [cli, 'heads', '--name', 'core', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({ heads: ['a1'], revisions: 1 });
    const alembic = spawnSync('/usr/bin/python3', ['-m', 'alembic', '-n', 'core', 'heads'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(alembic.stdout.trim().split(/\s+/)[0]).toBe('a1');
  });
});

describe.skipIf(skip)('trees Alembic refuses: an error finding with the reason Python gives', () => {
  it.each([
    ['a def without its colon', 'def upgrade()\n    pass\n', "SyntaxError: expected ':'", 7, 'SyntaxError'],
    [
      'a merge-conflict marker',
      'def upgrade():\n    pass\n<<<<<<< HEAD\n    pass\n=======\n    op.drop_table("x")\n>>>>>>> theirs\n',
      'SyntaxError: a merge-conflict marker',
      9,
      'SyntaxError',
    ],
    ['an unexpected indent', 'x = 1\n    y = 2\n', 'IndentationError: unexpected indent', 8, 'IndentationError'],
    ['a bracket never closed', 'def upgrade():\n    op.execute((\n', 'never closed', 8, 'SyntaxError'],
  ])('%s later in the file', async (_name, tail, reason, line, pythonError) => {
    const root = tempRoot();
    const ini = writeAlembicScaffold(root);
    write(root, {
      'migrations/versions/a1.py': BASE,
      'migrations/versions/b2.py': `"""b2"""\nfrom alembic import op\nrevision = "b2"\ndown_revision = "a1"\n\n\n${tail}`,
    });
    const alembic = alembicView(ini);
    expect(alembic.error).toContain(pythonError);
    const { graph } = await loadMigrationGraph(root);
    expect(graph.findings).toMatchObject([
      { severity: 'error', kind: 'unparseable-revision-file', file: 'migrations/versions/b2.py', line },
    ]);
    expect(graph.findings[0]?.message).toContain(reason);
    // The revision itself is still in the graph: the finding, not a missing file, decides the verdict.
    expect(graph.revisions.has('b2')).toBe(true);
  });
});
