import { describe, expect, it } from 'vitest';
import { parseIni } from '../../../src/migrations/alembic/ini.js';

describe('parseIni (configparser semantics)', () => {
  it('keeps an inline # ... as part of the value', () => {
    const ini = parseIni('[alembic]\nscript_location = migrations # the scripts\n', 'a.ini');
    expect(ini.get('alembic', 'script_location')).toBe('migrations # the scripts');
  });

  it('skips full-line # and ; comments, also between continuation lines', () => {
    const ini = parseIni('# top\n[alembic]\n; note\nversion_locations = a\n  # skipped\n  b\n', 'a.ini');
    expect(ini.get('alembic', 'version_locations')).toBe('a\nb');
  });

  it('joins indented continuation lines with newlines and keeps blank lines inside, trimming trailing ones', () => {
    const ini = parseIni('[alembic]\nversion_locations =\n    one\n\n    two\n\n\nother = x\n', 'a.ini');
    expect(ini.get('alembic', 'version_locations')).toBe('\none\n\ntwo');
    expect(ini.get('alembic', 'other')).toBe('x');
  });

  it('accepts : as a delimiter and lower-cases option names', () => {
    const ini = parseIni('[alembic]\nScript_Location: here/there\n', 'a.ini');
    expect(ini.get('alembic', 'script_location')).toBe('here/there');
  });

  it('interpolates %(here)s, other options, [DEFAULT] values and %%', () => {
    const ini = parseIni(
      '[DEFAULT]\nbase = %(here)s/db\n[alembic]\nroot = %(base)s/x\nscript_location = %(root)s/mig\npct = 100%%\n',
      'a.ini',
      { here: '/repo' },
    );
    expect(ini.get('alembic', 'script_location')).toBe('/repo/db/x/mig');
    expect(ini.get('alembic', 'pct')).toBe('100%');
  });

  it('returns undefined for a missing option and knows its sections', () => {
    const ini = parseIni('[alembic]\na = 1\n[other]\nb = 2\n', 'a.ini');
    expect(ini.get('alembic', 'b')).toBeUndefined();
    expect(ini.hasSection('other')).toBe(true);
    expect(ini.hasSection('DEFAULT')).toBe(false);
  });

  it('reads CRLF files and a UTF-8 BOM', () => {
    const ini = parseIni('\uFEFF[alembic]\r\nscript_location = m\r\n', 'a.ini');
    expect(ini.get('alembic', 'script_location')).toBe('m');
  });

  it.each([
    ['an unknown interpolation', '[alembic]\na = %(nope)s\n', 'refers to an option that does not exist'],
    ['a lone %', '[alembic]\na = 5%\n', "'%' must be followed"],
    ['a duplicate option', '[alembic]\na = 1\na = 2\n', 'option "a" appears twice'],
    ['a duplicate section', '[alembic]\n[alembic]\n', 'section [alembic] appears twice'],
    ['text before any section', 'a = 1\n', 'before the first [section]'],
  ])('throws naming the file and the problem for %s', (_, text, message) => {
    expect(() => parseIni(text, 'cfg/alembic.ini').get('alembic', 'a')).toThrow(message);
    expect(() => parseIni(text, 'cfg/alembic.ini').get('alembic', 'a')).toThrow('cfg/alembic.ini');
  });
});
