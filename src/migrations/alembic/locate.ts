// Finds the alembic.ini and reads where the revision files are, as Alembic's Config and ScriptDirectory do.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type IniFile, parseIni } from './ini.js';

export interface AlembicLocation {
  iniPath: string | null;
  /** The ini section read (Alembic's `-n`/`--name`), null without an ini. */
  section?: string | null;
  scriptLocation: string;
  versionLocations: string[];
  recursive: boolean;
  /** `sourceless = true`: Alembic also loads .pyc/.pyo files, which we cannot read statically. */
  sourceless?: boolean;
  /** Folders from the ini's `prepend_sys_path` (absolute), where imports are also looked up. */
  sysPath?: string[];
}

/** What the inputs can set beside the path: `ini-section` (`--name`) and `version-locations` (override the ini). */
export interface LocateOptions {
  section?: string;
  /** Paths relative to the repository root (or `package:path`), overriding the ini's version_locations. */
  versionLocations?: string[];
}

const DEFAULT_SECTION = 'alembic';

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

/** `input` is an alembic.ini, the folder holding it, a script folder (env.py beside versions/) or a versions folder;
 *  undefined = the alembic.ini at `root` or one folder below (clear error naming what was found when none or
 *  several). Absolute paths in the result. */
export function resolveMigrationsInput(root: string, input?: string, options: LocateOptions = {}): AlembicLocation {
  const base = path.resolve(root);
  const location = locate(base, input, options);
  if (options.versionLocations && options.versionLocations.length > 0) {
    const here = location.iniPath ? path.dirname(location.iniPath) : base;
    location.versionLocations = options.versionLocations.map((l) =>
      path.resolve(base, resourcePath(l, base, here, location.sysPath ?? [], 'version-locations')),
    );
  }
  return location;
}

function locate(base: string, input: string | undefined, options: LocateOptions): AlembicLocation {
  const section = options.section?.trim() || undefined;
  if (input === undefined || input.trim() === '') return readAlembicIni(findDefaultIni(base), section, base);
  const target = path.resolve(base, input);
  const what = kind(target);
  if (what === null) fail(`"${input}" not found (looked at ${target})`);
  if (what === 'file') return readAlembicIni(target, section, base);
  // From a folder Alembic reads the alembic.ini there (its default -c); without one the folder is the scripts.
  const ini = path.join(target, 'alembic.ini');
  if (kind(ini) === 'file') return readAlembicIni(ini, section, base);
  if (section) fail(`ini-section "${section}" was given but "${input}" holds no alembic.ini`);
  const versions = path.join(target, 'versions');
  if (kind(path.join(target, 'env.py')) === 'file' && kind(versions) === 'dir') {
    return { iniPath: null, section: null, scriptLocation: target, versionLocations: [versions], recursive: false };
  }
  return {
    iniPath: null,
    section: null,
    scriptLocation: path.dirname(target),
    versionLocations: [target],
    recursive: false,
  };
}

/** A folder laid out as Alembic scripts: env.py beside versions/ (Flask-Migrate's `migrations/`). */
function isScriptFolder(dir: string): boolean {
  return kind(path.join(dir, 'env.py')) === 'file' && kind(path.join(dir, 'versions')) === 'dir';
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
  if (found.length === 0) {
    const scripts = entries.filter((d) => isScriptFolder(path.join(base, d)));
    const hint = scripts.length > 0 ? ` (script folders without an ini: ${scripts.join(', ')})` : '';
    fail(`no alembic.ini in "${base}" or one folder below${hint}; pass the migrations input`);
  }
  if (found.length > 1) {
    const list = found.map((p) => path.relative(base, p)).join(', ');
    fail(`several alembic.ini files found (${list}); pass the migrations input to choose one`);
  }
  return found[0] as string;
}

/** Reads an alembic.ini's section (default [alembic]) into locations; `base` is the repository root, where
 *  `package:path` resources are looked up. */
export function readAlembicIni(
  iniPath: string,
  section = DEFAULT_SECTION,
  base = path.dirname(iniPath),
): AlembicLocation {
  let text: string;
  try {
    text = readFileSync(iniPath, 'utf8');
  } catch (error) {
    fail(`cannot read "${iniPath}": ${(error as Error).message}`);
  }
  const here = path.dirname(iniPath);
  let ini: IniFile;
  try {
    ini = parseIni(text, iniPath, { here });
  } catch (error) {
    fail((error as Error).message);
  }
  const option = (name: string): string | undefined => {
    try {
      return ini.get(section, name) ?? undefined;
    } catch (error) {
      fail((error as Error).message);
    }
  };
  const withScripts = ini.sectionNames().filter((s) => s !== section && ini.get(s, 'script_location'));
  const others =
    withScripts.length > 0
      ? `; sections with a script_location: ${withScripts.map((s) => `[${s}]`).join(', ')} (choose one with ini-section, CLI --name)`
      : '';
  if (!ini.hasSection(section)) fail(`"${iniPath}" has no [${section}] section${others}`);
  const sysPath = (option('prepend_sys_path') ?? '')
    .split(/, *|(?: *[ :] *)/)
    .filter((p) => p !== '')
    .map((p) => path.resolve(here, p));
  const scriptOption = option('script_location');
  let scriptLocation: string;
  if (scriptOption) {
    // Alembic resolves a relative script_location (and version_locations) from the working directory; we resolve
    // from the ini file's folder so the result does not depend on where the action or CLI is started.
    scriptLocation = path.resolve(here, resourcePath(scriptOption, base, here, sysPath, `"${iniPath}"`));
  } else if (withScripts.length === 0 && isScriptFolder(here)) {
    // Flask-Migrate writes an alembic.ini without script_location beside env.py and versions/, and passes the
    // folder to Alembic itself: the scripts are the ini's folder.
    scriptLocation = here;
  } else {
    fail(`"${iniPath}" has no script_location in [${section}]${others}`);
  }

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
      .map((l) => path.resolve(here, resourcePath(l, base, here, sysPath, `"${iniPath}"`)));
  } else {
    versionLocations = [path.join(scriptLocation, 'versions')];
  }
  return {
    iniPath,
    section,
    scriptLocation,
    versionLocations,
    recursive: option('recursive_version_locations')?.toLowerCase() === 'true',
    sourceless: option('sourceless') === 'true',
    sysPath,
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

/**
 * `package:path` names a Python package resource (Alembic's coerce_resource_to_filename): the package is looked up
 * inside the repository as Python would import it from the repository root, `src/`, the ini's folder or the ini's
 * prepend_sys_path. Anything else is returned as given.
 */
function resourcePath(value: string, base: string, here: string, sysPath: string[], from: string): string {
  if (path.isAbsolute(value) || !value.includes(':') || /^[a-zA-Z]:[\\/]/.test(value)) return value;
  const [pkg, ...rest] = value.split(':');
  const parts = (pkg as string).split('.');
  const roots = [...new Set([base, path.join(base, 'src'), here, ...sysPath])];
  const looked: string[] = [];
  for (const r of roots) {
    const dir = path.join(r, ...parts);
    looked.push(dir);
    if (kind(path.join(dir, '__init__.py')) === 'file' || kind(dir) === 'dir') {
      const found = path.join(dir, ...rest);
      if (kind(found) === null) fail(`${from}: "${value}": package ${pkg} is ${dir}, which has no "${rest.join('/')}"`);
      return found;
    }
  }
  fail(
    `${from}: "${value}" names the Python package ${pkg}, which is not in the repository (looked in ${looked.join(', ')})`,
  );
}
