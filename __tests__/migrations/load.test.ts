import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrationGraph } from '../../src/migrations/load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'load-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text = ''): string {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const INI = '[alembic]\nscript_location = %(here)s/migrations\n';

describe('loadMigrationGraph', () => {
  it('loads *.py revisions with root-relative paths, skipping .#*, __init__* and other files', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/a_first.py', '"""first"""\nrevision = "a"\ndown_revision = None\n');
    write('migrations/versions/b_second.py', '"""second"""\nrevision = "b"\ndown_revision = "a"\n');
    write('migrations/versions/.#b_second.py', 'garbage');
    write('migrations/versions/__init__.py', '');
    write('migrations/versions/notes.txt', 'revision = "t"');
    write('migrations/versions/b_second.pyc', 'compiled');
    write('migrations/versions/sub/c.py', 'revision = "c"\ndown_revision = "b"\n');
    const { graph, location } = await loadMigrationGraph(root);
    expect(graph.heads).toEqual(['b']);
    expect([...graph.revisions.keys()].sort()).toEqual(['a', 'b']);
    expect(graph.revisions.get('b')).toMatchObject({
      file: 'migrations/versions/b_second.py',
      line: 2,
      message: 'second',
    });
    expect(graph.findings).toEqual([]);
    expect(location.recursive).toBe(false);
  });

  it('walks sub-folders when recursive_version_locations = true', async () => {
    write('alembic.ini', `${INI}recursive_version_locations = true\n`);
    write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
    write('migrations/versions/2025/b.py', 'revision = "b"\ndown_revision = "a"\n');
    write('migrations/versions/__pycache__/c.py', 'revision = "c"\ndown_revision = "b"\n');
    const { graph } = await loadMigrationGraph(root);
    expect(graph.heads).toEqual(['b']);
    expect(graph.revisions.get('b')?.file).toBe('migrations/versions/2025/b.py');
  });

  it('reads every version location and reports files without a revision as findings', async () => {
    write('alembic.ini', `${INI}version_locations = %(here)s/one %(here)s/two %(here)s/missing\n`);
    write('one/a.py', 'revision = "a"\ndown_revision = None\n');
    write('two/b.py', 'revision = "b"\ndown_revision = "a"\n');
    write('two/helpers.py', 'def helper():\n    pass\n');
    const { graph } = await loadMigrationGraph(root);
    expect(graph.heads).toEqual(['b']);
    expect(graph.findings).toMatchObject([{ kind: 'unparseable-revision-file', file: 'two/helpers.py', line: 1 }]);
  });

  it('reports compiled-only revisions when sourceless = true', async () => {
    write('alembic.ini', `${INI}sourceless = true\n`);
    write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
    write('migrations/versions/__pycache__/a.cpython-311.pyc', 'x');
    write('migrations/versions/__pycache__/b.cpython-311.pyc', 'x');
    const { graph } = await loadMigrationGraph(root);
    expect(graph.findings).toMatchObject([
      { kind: 'unparseable-revision-file', file: 'migrations/versions/__pycache__/b.cpython-311.pyc' },
    ]);
  });

  it('throws naming the input when the path is missing', async () => {
    await expect(loadMigrationGraph(root, 'db/alembic.ini')).rejects.toThrow(
      'Could not read migrations: "db/alembic.ini" not found',
    );
  });

  it('throws naming the folder when it holds no revision files', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/README', 'nothing here');
    await expect(loadMigrationGraph(root)).rejects.toThrow(
      'Could not read migrations: no revision files (*.py) in "migrations/versions"',
    );
  });

  it('throws naming the versions folder when it does not exist', async () => {
    write('alembic.ini', INI);
    await expect(loadMigrationGraph(root)).rejects.toThrow('versions folder "migrations/versions" not found');
  });

  it('reports a dangling link as an unreadable-revision-file finding naming the file, and reads the rest', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
    symlinkSync(path.join(root, 'gone.py'), path.join(root, 'migrations/versions/b.py'));
    const { graph } = await loadMigrationGraph(root);
    expect([...graph.revisions.keys()]).toEqual(['a']);
    expect(graph.findings).toMatchObject([
      { severity: 'error', kind: 'unreadable-revision-file', file: 'migrations/versions/b.py' },
    ]);
    expect(graph.findings[0]?.message).toContain('cannot be resolved (ENOENT)');
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a file it may not read (EACCES) as unreadable-revision-file',
    async () => {
      write('alembic.ini', INI);
      const file = write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
      chmodSync(file, 0);
      const { graph } = await loadMigrationGraph(root);
      expect(graph.revisions.size).toBe(0);
      expect(graph.findings).toMatchObject([
        {
          kind: 'unreadable-revision-file',
          file: 'migrations/versions/a.py',
          message: expect.stringContaining('EACCES'),
        },
      ]);
    },
  );
});
