// Real-world agreement (a dev tool, not a test): on local checkouts of public Alembic projects, compares our graph
// with real Alembic's and prints one row per tree: revisions, heads (ours / Alembic), parent-map agreement (down
// revisions + depends_on + branch labels per revision), error findings, and the whole-process time of our built CLI
// `heads` against `alembic heads`.
//
//   npx tsx bench/real-world.ts [DIR]        DIR (default $REALWORLD_DIR or /work/realworld) holds one checkout per
//                                            project, named as below; missing ones are skipped. Build first.
//
// Alembic imports every revision file, and those import the project and its dependencies, which are not installed
// here: a stub importer (below, Python) gives any module that cannot be imported as a permissive stub, so revision
// files load; a project module is imported for real when it can be. Alembic's result is therefore exact for literal
// identifiers and for constants from project modules that import cleanly with stubs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alembicPython } from '../__tests__/support/real-parts.js';

interface Tree {
  name: string;
  /** Checkout folder under DIR. */
  project: string;
  /** Our `--migrations` (relative to the checkout). */
  migrations: string;
  section?: string;
  /** Our `--version-locations` and Alembic's version_locations (relative to the checkout), or a function listing them. */
  versionLocations?: (root: string) => string[];
  /** Alembic: the ini (relative; null = an empty Config), the folder it runs in, and main options set in code. */
  alembic: { ini: string | null; cwd?: string; scriptLocation?: string; pythonPath?: string[] };
}

const sub = (dir: string) => (root: string) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((release) =>
      readdirSync(path.join(root, dir, release.name), { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== '__pycache__')
        .map((branch) => `${dir}/${release.name}/${branch.name}`),
    )
    .filter((d) => !d.endsWith('__pycache__'))
    .sort();

const TREES: Tree[] = [
  {
    name: 'CTFd',
    project: 'CTFd',
    migrations: 'migrations',
    alembic: { ini: 'migrations/alembic.ini', scriptLocation: 'migrations' },
  },
  {
    name: 'redash',
    project: 'redash',
    migrations: 'migrations',
    alembic: { ini: 'migrations/alembic.ini', scriptLocation: 'migrations' },
  },
  {
    name: 'indico',
    project: 'indico',
    migrations: 'indico/migrations',
    alembic: { ini: 'indico/migrations/alembic.ini', scriptLocation: 'indico/migrations' },
  },
  {
    name: 'dispatch [core]',
    project: 'dispatch',
    migrations: 'src/dispatch/alembic.ini',
    section: 'core',
    alembic: { ini: 'src/dispatch/alembic.ini', pythonPath: ['src'] },
  },
  {
    name: 'dispatch [tenant]',
    project: 'dispatch',
    migrations: 'src/dispatch/alembic.ini',
    section: 'tenant',
    alembic: { ini: 'src/dispatch/alembic.ini', pythonPath: ['src'] },
  },
  ...['postgresql', 'sqlite'].map(
    (dialect): Tree => ({
      name: `prefect (${dialect})`,
      project: 'prefect',
      migrations: 'src/prefect/server/database/alembic.ini',
      versionLocations: () => [`src/prefect/server/database/_migrations/versions/${dialect}`],
      alembic: { ini: 'src/prefect/server/database/alembic.ini', pythonPath: ['src'] },
    }),
  ),
  {
    name: 'aiida-core',
    project: 'aiida-core',
    migrations: 'src/aiida/storage/psql_dos/migrations',
    alembic: { ini: null, scriptLocation: 'src/aiida/storage/psql_dos/migrations', pythonPath: ['src'] },
  },
  {
    name: 'warehouse',
    project: 'warehouse',
    migrations: 'warehouse/migrations',
    alembic: { ini: null, scriptLocation: 'warehouse/migrations' },
  },
  { name: 'quay', project: 'quay', migrations: 'alembic.ini', alembic: { ini: 'alembic.ini' } },
  {
    name: 'neutron',
    project: 'neutron',
    migrations: 'neutron/db/migration/alembic.ini',
    versionLocations: (root) => [
      'neutron/db/migration/alembic_migrations/versions',
      ...sub('neutron/db/migration/alembic_migrations/versions')(root),
    ],
    alembic: { ini: 'neutron/db/migration/alembic.ini' },
  },
  {
    name: 'polar',
    project: 'polar',
    migrations: 'server/alembic.ini',
    alembic: { ini: 'server/alembic.ini', cwd: 'server' },
  },
  { name: 'mealie', project: 'mealie', migrations: 'alembic.ini', alembic: { ini: 'alembic.ini' } },
];

// The stub importer and the two Python programs: one dumps the revision map, one runs `alembic heads`.
const STUBS = `
import sys, types, importlib.abc, importlib.machinery
class _AnyBase:
    def __init__(self, *a, **k): pass
    def __init_subclass__(cls, **k): pass
    def __getattr__(self, name): return _Anything()
class _Stub(types.ModuleType):
    __path__ = []
    def __getattr__(self, name):
        if name in ('__version__', '__build_date__', '__development_base_path__'):
            return '0'
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return _Anything()
    def __call__(self, *a, **k): return _Anything()
    def __mro_entries__(self, bases): return (_AnyBase,)
class _Anything:
    def __init__(self, *a, **k): pass
    def __call__(self, *a, **k): return _Anything()
    def __getattr__(self, name): return _Anything()
    def __mro_entries__(self, bases): return (_AnyBase,)
    def __iter__(self): return iter(())
    def __len__(self): return 0
    def __getitem__(self, k): return _Anything()
    def __or__(self, o): return _Anything()
    __ror__ = __or__
    def __bool__(self): return False
class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        return importlib.machinery.ModuleSpec(name, self, is_package=True)
    def create_module(self, spec): return _Stub(spec.name)
    def exec_module(self, module): pass
sys.meta_path.append(_Finder())
_real_import = __builtins__.__import__ if hasattr(__builtins__, '__import__') else __import__
def _import(name, globals=None, locals=None, fromlist=(), level=0):
    try:
        return _real_import(name, globals, locals, fromlist, level)
    except Exception:
        if level:
            raise
        for key in [k for k in sys.modules if k == name or k.startswith(name + '.')]:
            sys.modules.pop(key, None)
        module = _Stub(name)
        # Keep a project package's real folder, so importlib.resources and its submodules still resolve.
        spec = importlib.machinery.PathFinder.find_spec(name.split('.')[0]) if '.' not in name else None
        module.__spec__ = spec or importlib.machinery.ModuleSpec(name, None, is_package=True)
        if spec and spec.submodule_search_locations:
            module.__path__ = list(spec.submodule_search_locations)
        sys.modules[name] = module
        return module
import builtins
builtins.__import__ = _import
import json, os
# A name a star import from a stub did not bind: give it as a stub and load the file again.
import alembic.util, alembic.script.base
_load = alembic.util.load_python_file
def _load_with_names(dir_, filename):
    for _ in range(100):
        try:
            return _load(dir_, filename)
        except NameError as e:
            if not getattr(e, 'name', None) or hasattr(builtins, e.name):
                raise
            setattr(builtins, e.name, _Anything())
    return _load(dir_, filename)
alembic.util.load_python_file = _load_with_names
alembic.script.base.util.load_python_file = _load_with_names
from alembic.config import Config
opts = json.loads(sys.argv[1])
for p in opts.get('pythonPath', []):
    sys.path.insert(0, p)
sys.path.insert(0, os.getcwd())
cfg = Config(opts['ini'], ini_section=opts.get('section') or 'alembic') if opts.get('ini') else Config()
for key, value in opts.get('set', {}).items():
    cfg.set_main_option(key, value)
`;

const DUMP = `${STUBS}
from alembic.script import ScriptDirectory
out = {"revisions": {}}
try:
    rm = ScriptDirectory.from_config(cfg).revision_map
    out["heads"] = sorted(rm.heads)
    for rev in rm._revision_map.values():
        if rev is None:
            continue
        out["revisions"][rev.revision] = {"down": sorted(rev._versioned_down_revisions), "deps": sorted(rev._resolved_dependencies), "labels": sorted(rev._orig_branch_labels)}
except BaseException as e:
    out["error"] = "%s: %s" % (type(e).__name__, e)
print(json.dumps(out))
`;

const HEADS = `${STUBS}
from alembic import command
command.heads(cfg)
`;

interface Graph {
  heads: string[];
  revisions: Record<string, { down: string[]; deps: string[]; labels: string[] }>;
  error?: string;
}

/** A stubbed project that loops on import must not stall the whole table. */
const PYTHON_TIMEOUT_MS = 120_000;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function best<T>(runs: number, f: () => T): { value: T; ms: number } {
  let fastest = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = f();
    fastest = Math.min(fastest, ms(t0));
  }
  return { value: value as T, ms: fastest };
}

function run(): void {
  const dir = path.resolve(process.argv[2] ?? process.env.REALWORLD_DIR ?? '/work/realworld');
  const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli/index.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  const rows: string[][] = [
    [
      'tree',
      'revisions ours/Alembic',
      'heads ours/Alembic',
      'same heads',
      'parent agreement',
      'error findings',
      'ours ms',
      'alembic heads ms',
    ],
  ];
  console.log(`| ${rows[0]?.join(' | ')} |`);
  const only = process.env.REALWORLD_ONLY;
  for (const tree of TREES) {
    const root = path.join(dir, tree.project);
    if (!existsSync(root) || (only && !tree.name.startsWith(only))) continue;
    const before = rows.length;
    measure(tree, root, cli, rows);
    for (const row of rows.slice(before)) console.log(`| ${row.join(' | ')} |`);
  }
}

function measure(tree: Tree, root: string, cli: string, rows: string[][]): void {
  {
    const locations = tree.versionLocations?.(root);
    const args = ['heads', '--migrations', tree.migrations, '--json'];
    if (tree.section) args.push('--name', tree.section);
    if (locations) args.push('--version-locations', locations.join(','));
    const ours = best(3, () =>
      spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
    if (ours.value.status !== 0) {
      rows.push([tree.name, `ours failed: ${ours.value.stderr.trim().slice(0, 160)}`]);
      return;
    }
    const ourResult = JSON.parse(ours.value.stdout) as {
      heads: string[];
      revisions: number;
      findings: { severity: string; kind: string; message: string }[];
    };
    const set: Record<string, string> = {};
    if (tree.alembic.scriptLocation) set.script_location = path.join(root, tree.alembic.scriptLocation);
    if (locations) set.version_locations = locations.map((l) => path.join(root, l)).join(' ');
    const opts = {
      ini: tree.alembic.ini ? path.join(root, tree.alembic.ini) : null,
      section: tree.section,
      set,
      pythonPath: (tree.alembic.pythonPath ?? []).map((p) => path.join(root, p)),
    };
    const cwd = path.join(root, tree.alembic.cwd ?? '');
    const dump = spawnSync(alembicPython, ['-c', DUMP, JSON.stringify(opts)], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: PYTHON_TIMEOUT_MS,
    });
    let alembic: Graph;
    try {
      alembic = JSON.parse(dump.stdout.trim().split('\n').at(-1) ?? '') as Graph;
    } catch {
      rows.push([tree.name, `alembic failed: ${dump.stderr.trim().split('\n').at(-1)}`]);
      return;
    }
    if (alembic.error) {
      rows.push([tree.name, `alembic refused: ${alembic.error.slice(0, 160)}`]);
      return;
    }
    const heads = best(2, () =>
      spawnSync(alembicPython, ['-c', HEADS, JSON.stringify(opts)], {
        cwd,
        encoding: 'utf8',
        timeout: PYTHON_TIMEOUT_MS,
      }),
    );

    // Our full graph in process, to compare revision by revision.
    const ids = Object.keys(alembic.revisions);
    const oursGraph = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        OUR_DUMP,
        JSON.stringify({ root, migrations: tree.migrations, section: tree.section, locations }),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28, cwd: path.dirname(cli) },
    );
    const ourRevisions = JSON.parse(oursGraph.stdout || '{}') as Graph['revisions'];
    const agree = ids.filter((id) => JSON.stringify(ourRevisions[id]) === JSON.stringify(alembic.revisions[id])).length;
    const errors = ourResult.findings.filter((f) => f.severity === 'error' && f.kind !== 'multiple-heads');
    rows.push([
      tree.name,
      `${ourResult.revisions}/${ids.length}`,
      `${ourResult.heads.length}/${alembic.heads.length}`,
      JSON.stringify(ourResult.heads) === JSON.stringify(alembic.heads) ? 'yes' : 'NO',
      `${agree}/${ids.length} (${((100 * agree) / Math.max(ids.length, 1)).toFixed(1)}%)`,
      errors.length === 0 ? '0' : `${errors.length}: ${[...new Set(errors.map((e) => e.kind))].join(', ')}`,
      ours.ms.toFixed(0),
      heads.value.status === 0 ? heads.ms.toFixed(0) : `failed (${heads.ms.toFixed(0)})`,
    ]);
    if (process.env.REALWORLD_VERBOSE) {
      for (const id of ids.filter((i) => JSON.stringify(ourRevisions[i]) !== JSON.stringify(alembic.revisions[i]))) {
        console.log(
          `  ${tree.name} ${id}: ours ${JSON.stringify(ourRevisions[id])} alembic ${JSON.stringify(alembic.revisions[id])}`,
        );
      }
      for (const e of errors) console.log(`  ${tree.name} ${e.kind}: ${e.message}`);
    }
  }
}

/** Prints our revision map as Alembic's dump does (run in a child so the CLI timing above stays cold). */
const OUR_DUMP = `
const { loadMigrationGraph } = await import(${JSON.stringify(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/migrations/load.ts'))});
const o = JSON.parse(process.argv.at(-1));
const { graph } = await loadMigrationGraph(o.root, o.migrations, { section: o.section, versionLocations: o.locations });
const out = {};
for (const r of graph.revisions.values()) out[r.id] = { down: [...r.downRevisions].sort(), deps: [...r.dependsOn].sort(), labels: [...r.branchLabels].sort() };
console.log(JSON.stringify(out));
`;

run();
