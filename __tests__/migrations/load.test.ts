import { execFileSync } from 'node:child_process';
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

describe('loadMigrationGraph: hostile files', () => {
  it('reads no link to /dev/zero, no FIFO and no file over 5 MB: each is an unreadable-revision-file finding', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
    symlinkSync('/dev/zero', path.join(root, 'migrations/versions/zero.py'));
    execFileSync('mkfifo', [path.join(root, 'migrations/versions/fifo.py')]);
    write('migrations/versions/big.py', `revision = "big"\ndown_revision = "a"\n${'#'.repeat(6 * 1024 * 1024)}\n`);
    const { graph } = await loadMigrationGraph(root);
    expect([...graph.revisions.keys()]).toEqual(['a']);
    const byFile = Object.fromEntries(graph.findings.map((f) => [f.file, f]));
    expect(byFile['migrations/versions/zero.py']).toMatchObject({
      severity: 'error',
      kind: 'unreadable-revision-file',
      message: expect.stringContaining('outside the repository'),
    });
    expect(byFile['migrations/versions/fifo.py']).toMatchObject({
      kind: 'unreadable-revision-file',
      message: expect.stringContaining('not a regular file'),
    });
    expect(byFile['migrations/versions/big.py']).toMatchObject({
      kind: 'unreadable-revision-file',
      message: expect.stringContaining('larger than 5 MB'),
    });
  });

  it('reads a link to a regular file inside the repository, not one to a file outside it', async () => {
    write('alembic.ini', INI);
    write('shared/a.py', 'revision = "a"\ndown_revision = None\n');
    mkdirSync(path.join(root, 'migrations/versions'), { recursive: true });
    symlinkSync(path.join(root, 'shared/a.py'), path.join(root, 'migrations/versions/a.py'));
    const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'b.py'), 'revision = "b"\ndown_revision = "a"\n');
    symlinkSync(path.join(outside, 'b.py'), path.join(root, 'migrations/versions/b.py'));
    try {
      const { graph } = await loadMigrationGraph(root);
      expect([...graph.revisions.keys()]).toEqual(['a']);
      expect(graph.revisions.get('a')?.file).toBe('migrations/versions/a.py');
      expect(graph.findings).toMatchObject([
        {
          kind: 'unreadable-revision-file',
          file: 'migrations/versions/b.py',
          message: expect.stringContaining('outside the repository'),
        },
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports invalid UTF-8 as unreadable-revision-file naming the file', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/a.py', 'revision = "a"\ndown_revision = None\n');
    writeFileSync(path.join(root, 'migrations/versions/b.py'), Buffer.from([0x72, 0x3d, 0xff, 0xfe, 0x0a]));
    const { graph } = await loadMigrationGraph(root);
    expect(graph.findings).toMatchObject([
      { severity: 'error', kind: 'unreadable-revision-file', file: 'migrations/versions/b.py' },
    ]);
  });

  it('points missing-parent at the down_revision line', async () => {
    write('alembic.ini', INI);
    write('migrations/versions/a.py', '"""doc"""\nrevision = "a"\n\n\ndown_revision = "gone"\n');
    const { graph } = await loadMigrationGraph(root);
    expect(graph.findings).toMatchObject([{ kind: 'missing-parent', line: 5 }]);
  });
});
