import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveMigrationsInput } from '../../../src/migrations/alembic/locate.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'locate-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text = ''): string {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('resolveMigrationsInput', () => {
  it('finds the alembic.ini at the root and resolves a relative script_location from its folder', () => {
    const ini = write('alembic.ini', '[alembic]\nscript_location = db/migrations\n');
    expect(resolveMigrationsInput(root)).toEqual({
      iniPath: ini,
      section: 'alembic',
      scriptLocation: path.join(root, 'db/migrations'),
      versionLocations: [path.join(root, 'db/migrations/versions')],
      recursive: false,
      sourceless: false,
      sysPath: [],
    });
  });

  it('finds the alembic.ini one folder below when the root has none', () => {
    write('backend/alembic.ini', '[alembic]\nscript_location = %(here)s/alembic\n');
    expect(resolveMigrationsInput(root).scriptLocation).toBe(path.join(root, 'backend/alembic'));
  });

  it('refuses to guess between several alembic.ini files one folder below, naming them', () => {
    write('a/alembic.ini', '[alembic]\nscript_location = m\n');
    write('b/alembic.ini', '[alembic]\nscript_location = m\n');
    expect(() => resolveMigrationsInput(root)).toThrow(
      /several alembic.ini files found \(a\/alembic.ini, b\/alembic.ini\)/,
    );
  });

  it('says where it looked when there is no alembic.ini', () => {
    expect(() => resolveMigrationsInput(root)).toThrow(`Could not read migrations: no alembic.ini in "${root}"`);
  });

  it('throws naming the input when the given path does not exist', () => {
    expect(() => resolveMigrationsInput(root, 'nope/alembic.ini')).toThrow('"nope/alembic.ini" not found');
  });

  it('accepts the ini file, the folder holding it, or a versions folder', () => {
    const ini = write('svc/alembic.ini', '[alembic]\nscript_location = mig\n');
    write('svc/mig/versions/a.py');
    expect(resolveMigrationsInput(root, 'svc/alembic.ini').iniPath).toBe(ini);
    expect(resolveMigrationsInput(root, 'svc').iniPath).toBe(ini);
    expect(resolveMigrationsInput(root, 'svc/mig/versions')).toMatchObject({
      iniPath: null,
      versionLocations: [path.join(root, 'svc/mig/versions')],
    });
  });

  it('splits version_locations on path_separator, preferring it over version_path_separator', () => {
    write(
      'alembic.ini',
      '[alembic]\nscript_location = m\nversion_locations = a;b c\npath_separator = ;\nversion_path_separator = space\n',
    );
    expect(resolveMigrationsInput(root).versionLocations).toEqual([path.join(root, 'a'), path.join(root, 'b c')]);
  });

  it.each([
    ['space', 'a b', ['a', 'b']],
    ['newline', '\n  a b\n  c', ['a b', 'c']],
    [':', 'a:b', ['a', 'b']],
    [';', 'a;b', ['a', 'b']],
    ['os', `a${path.delimiter}b`, ['a', 'b']],
  ])('splits version_locations with version_path_separator = %s', (sep, value, expected) => {
    write(
      'alembic.ini',
      `[alembic]\nscript_location = m\nversion_path_separator = ${sep}\nversion_locations = ${value}\n`,
    );
    expect(resolveMigrationsInput(root).versionLocations).toEqual(expected.map((p) => path.join(root, p)));
  });

  it('splits on spaces and commas when no separator is set (legacy)', () => {
    write('alembic.ini', '[alembic]\nscript_location = m\nversion_locations = %(here)s/a, %(here)s/b %(here)s/c\n');
    expect(resolveMigrationsInput(root).versionLocations).toEqual(['a', 'b', 'c'].map((p) => path.join(root, p)));
  });

  it('rejects an unknown separator naming the setting', () => {
    write('alembic.ini', '[alembic]\nscript_location = m\nversion_locations = a\npath_separator = pipe\n');
    expect(() => resolveMigrationsInput(root)).toThrow('"pipe" is not a valid path_separator');
  });

  it('reads recursive_version_locations and sourceless', () => {
    write('alembic.ini', '[alembic]\nscript_location = m\nrecursive_version_locations = true\nsourceless = true\n');
    expect(resolveMigrationsInput(root)).toMatchObject({ recursive: true, sourceless: true });
  });

  it('requires an [alembic] section with script_location', () => {
    write('alembic.ini', '[other]\nscript_location = m\n');
    expect(() => resolveMigrationsInput(root)).toThrow('has no [alembic] section');
    write('alembic.ini', '[alembic]\nfoo = m\n');
    expect(() => resolveMigrationsInput(root)).toThrow('has no script_location');
  });

  describe('layouts', () => {
    it('takes the ini folder as the scripts when the ini has no script_location (Flask-Migrate)', () => {
      write(
        'migrations/alembic.ini',
        '[alembic]\n# template used to generate migration files\n\n[loggers]\nkeys = root\n',
      );
      write('migrations/env.py', '');
      mkdirSync(path.join(root, 'migrations/versions'));
      const expected = {
        iniPath: path.join(root, 'migrations/alembic.ini'),
        scriptLocation: path.join(root, 'migrations'),
        versionLocations: [path.join(root, 'migrations/versions')],
      };
      expect(resolveMigrationsInput(root)).toMatchObject(expected);
      expect(resolveMigrationsInput(root, 'migrations')).toMatchObject(expected);
      expect(resolveMigrationsInput(root, 'migrations/alembic.ini')).toMatchObject(expected);
    });

    it('reads a named section (ini-section / --name) and lists the sections with a script_location otherwise', () => {
      write(
        'alembic.ini',
        '[alembic]\nsqlalchemy.url = x\n\n[core]\nscript_location = db/core\n\n[tenant]\nscript_location = db/tenant\nversion_locations = db/tenant/v1 db/tenant/v2\n',
      );
      expect(() => resolveMigrationsInput(root)).toThrow(
        'has no script_location in [alembic]; sections with a script_location: [core], [tenant] (choose one with ini-section, CLI --name)',
      );
      expect(resolveMigrationsInput(root, undefined, { section: 'core' })).toMatchObject({
        section: 'core',
        scriptLocation: path.join(root, 'db/core'),
        versionLocations: [path.join(root, 'db/core/versions')],
      });
      expect(resolveMigrationsInput(root, undefined, { section: 'tenant' }).versionLocations).toEqual([
        path.join(root, 'db/tenant/v1'),
        path.join(root, 'db/tenant/v2'),
      ]);
      expect(() => resolveMigrationsInput(root, undefined, { section: 'nope' })).toThrow(
        'has no [nope] section; sections with a script_location: [core], [tenant]',
      );
    });

    it('resolves script_location = package:path inside the repository, from the root or src/', () => {
      write('src/myapp/__init__.py');
      write('src/myapp/db/migrations/env.py');
      write('alembic.ini', '[alembic]\nscript_location = myapp.db:migrations\n');
      expect(resolveMigrationsInput(root).scriptLocation).toBe(path.join(root, 'src/myapp/db/migrations'));
    });

    it('names where it looked when a package:path resource is not in the repository', () => {
      write('alembic.ini', '[alembic]\nscript_location = elsewhere.pkg:migrations\n');
      expect(() => resolveMigrationsInput(root)).toThrow(
        `names the Python package elsewhere.pkg, which is not in the repository (looked in ${path.join(root, 'elsewhere/pkg')}, ${path.join(root, 'src/elsewhere/pkg')})`,
      );
    });

    it('lets version-locations (several paths, from the repository root) override the ini', () => {
      write('alembic.ini', '[alembic]\nscript_location = m\nversion_locations = m/old\n');
      expect(
        resolveMigrationsInput(root, undefined, { versionLocations: ['m/versions', 'plugins/x/versions'] })
          .versionLocations,
      ).toEqual([path.join(root, 'm/versions'), path.join(root, 'plugins/x/versions')]);
    });

    it('names the script folders it found when there is no alembic.ini', () => {
      write('migrations/env.py');
      mkdirSync(path.join(root, 'migrations/versions'));
      expect(() => resolveMigrationsInput(root)).toThrow('(script folders without an ini: migrations)');
    });
  });
});
