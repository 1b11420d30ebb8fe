// Finds the alembic.ini and reads where the revision files are, as Alembic's Config and ScriptDirectory do.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseIni } from './ini.js';

export interface AlembicLocation {
  iniPath: string | null;
  scriptLocation: string;
  versionLocations: string[];
  recursive: boolean;
  /** `sourceless = true`: Alembic also loads .pyc/.pyo files, which we cannot read statically. */
  sourceless?: boolean;
}

const SECTION = 'alembic';

function fail(message: string): never {
  throw new Error(`Could not read migrations: ${message}`);
}

function kind(p: string): 'file' | 'dir' | null {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    fail(`cannot access "${p}": ${(error as Error).message}`);
  }
}

/** `input` is an alembic.ini, the folder holding it, or a versions folder; undefined = the alembic.ini at `root` or one
 *  folder below (clear error naming what was found when none or several). Absolute paths in the result. */
export function resolveMigrationsInput(root: string, input?: string): AlembicLocation {
  const base = path.resolve(root);
  if (input === undefined || input.trim() === '') return readAlembicIni(findDefaultIni(base));
  const target = path.resolve(base, input);
  const what = kind(target);
  if (what === null) fail(`"${input}" not found (looked at ${target})`);
  if (what === 'file') return readAlembicIni(target);
  const ini = path.join(target, 'alembic.ini');
  if (kind(ini) === 'file') return readAlembicIni(ini);
  // A script_location folder (env.py beside versions/) given without its ini.
  const versions = path.join(target, 'versions');
  if (kind(path.join(target, 'env.py')) === 'file' && kind(versions) === 'dir') {
    return { iniPath: null, scriptLocation: target, versionLocations: [versions], recursive: false };
  }
  return { iniPath: null, scriptLocation: path.dirname(target), versionLocations: [target], recursive: false };
}

function findDefaultIni(base: string): string {
  const atRoot = path.join(base, 'alembic.ini');
  if (kind(atRoot) === 'file') return atRoot;
  let entries: string[];
  try {
    entries = readdirSync(base, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => e.name)
      .sort();
  } catch (error) {
    fail(`cannot list "${base}": ${(error as Error).message}`);
  }
  const found = entries.map((d) => path.join(base, d, 'alembic.ini')).filter((p) => kind(p) === 'file');
  if (found.length === 0) fail(`no alembic.ini in "${base}" or one folder below; pass the migrations input`);
  if (found.length > 1) {
    const list = found.map((p) => path.relative(base, p)).join(', ');
    fail(`several alembic.ini files found (${list}); pass the migrations input to choose one`);
  }
  return found[0] as string;
}

/** Reads an alembic.ini's [alembic] section into locations. */
export function readAlembicIni(iniPath: string): AlembicLocation {
  let text: string;
  try {
    text = readFileSync(iniPath, 'utf8');
  } catch (error) {
    fail(`cannot read "${iniPath}": ${(error as Error).message}`);
  }
  const here = path.dirname(iniPath);
  let ini: ReturnType<typeof parseIni>;
  try {
    ini = parseIni(text, iniPath, { here });
  } catch (error) {
    fail((error as Error).message);
  }
  if (!ini.hasSection(SECTION)) fail(`"${iniPath}" has no [${SECTION}] section`);
  const option = (name: string): string | undefined => {
    try {
      return ini.get(SECTION, name) ?? undefined;
    } catch (error) {
      fail((error as Error).message);
    }
  };
  const scriptOption = option('script_location');
  if (!scriptOption) fail(`"${iniPath}" has no script_location in [${SECTION}]`);
  // Alembic resolves a relative script_location (and version_locations) from the working directory; we resolve
  // from the ini file's folder so the result does not depend on where the action or CLI is started.
  const scriptLocation = path.resolve(here, resourcePath(scriptOption, iniPath));

  const locationsOption = option('version_locations');
  let versionLocations: string[];
  if (locationsOption) {
    versionLocations = splitLocations(
      locationsOption,
      option('path_separator'),
      option('version_path_separator'),
      iniPath,
    )
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => path.resolve(here, resourcePath(l, iniPath)));
  } else {
    versionLocations = [path.join(scriptLocation, 'versions')];
  }
  return {
    iniPath,
    scriptLocation,
    versionLocations,
    recursive: option('recursive_version_locations')?.toLowerCase() === 'true',
    sourceless: option('sourceless') === 'true',
  };
}

const SEPARATORS: Record<string, string> = { space: ' ', newline: '\n', os: path.delimiter, ':': ':', ';': ';' };

/** Alembic ≥ 1.16 reads `path_separator` first, then the older `version_path_separator`; neither = legacy split. */
function splitLocations(value: string, pathSep: string | undefined, legacySep: string | undefined, iniPath: string) {
  const setting = pathSep !== undefined ? 'path_separator' : 'version_path_separator';
  const chosen = pathSep ?? legacySep;
  if (chosen === undefined) return value.split(/, *| +/);
  const sep = SEPARATORS[chosen];
  if (sep === undefined) {
    fail(`"${iniPath}": "${chosen}" is not a valid ${setting}; expected space, newline, os, ':' or ';'`);
  }
  return value.split(sep);
}

/** `package:path` names a Python package resource; we can only follow it when the package folder is beside the ini. */
function resourcePath(value: string, iniPath: string): string {
  if (path.isAbsolute(value) || !value.includes(':') || /^[a-zA-Z]:[\\/]/.test(value)) return value;
  const [pkg, ...rest] = value.split(':');
  const guess = path.join(path.dirname(iniPath), ...(pkg as string).split('.'), ...rest);
  if (kind(guess) === null) {
    fail(`"${iniPath}": "${value}" is a Python package resource and "${guess}" does not exist`);
  }
  return guess;
}
