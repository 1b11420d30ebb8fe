// Writes Alembic project trees (alembic.ini, env.py, script.py.mako, versions/*.py) for the oracle tests and the
// heads benchmark: seeded random histories with branches, merges, branch labels and depends_on, every syntax form
// Alembic templates have produced, decoy assignments in docstrings/strings/bodies, stale headers and CRLF files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alembicPython } from './real-parts.js';

export { alembicUnavailable } from './real-parts.js';

export interface RevisionSpec {
  id: string;
  down: string[];
  dependsOn?: string[];
  branchLabels?: string[];
  message?: string;
}

/** The ways a revision file can spell its identifiers; all must read the same. */
export const SYNTAX_FORMS = [
  'classic',
  'annotated',
  'quoting',
  'multiline',
  'continuation',
  'semicolons',
  'concatenated',
] as const;
export type SyntaxForm = (typeof SYNTAX_FORMS)[number];

export interface TreeOptions {
  revisions: number;
  seed?: number;
  /** Probability that a revision starts a branch off an older revision. */
  branchRate?: number;
  /** Probability that a revision merges two open tips. */
  mergeRate?: number;
  /** Add a second root with a branch label that main-line revisions depend on (by label and by id). */
  labelledRoot?: boolean;
  /** Probability of a depends_on edge to an older revision. */
  dependsRate?: number;
  /** Merge every open tip at the end so the tree has one head. */
  finalMerge?: boolean;
  /** Rotate through SYNTAX_FORMS (else every file is 'classic'). */
  varySyntax?: boolean;
  decoys?: boolean;
  /** Every n-th file is written with CRLF line ends (0 = never). */
  crlfEvery?: number;
  /** Every n-th file starts with a UTF-8 BOM (0 = never). */
  bomEvery?: number;
  idStyle?: 'hex' | 'date' | 'mixed';
}

export interface GeneratedTree {
  root: string;
  iniPath: string;
  versionsDir: string;
  specs: RevisionSpec[];
  /** File name (in versionsDir) of each revision id. */
  files: Map<string, string>;
}

/** Small deterministic PRNG (mulberry32) so a failing tree can be regenerated from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes alembic.ini (with `iniExtra` lines in [alembic]), env.py and script.py.mako; returns the ini path. */
export function writeAlembicScaffold(root: string, iniExtra = ''): string {
  const script = path.join(root, 'migrations');
  mkdirSync(path.join(script, 'versions'), { recursive: true });
  const iniPath = path.join(root, 'alembic.ini');
  writeFileSync(
    iniPath,
    [
      '# generated for tests',
      '[alembic]',
      'script_location = %(here)s/migrations',
      iniExtra,
      'sqlalchemy.url = postgresql://localhost/unused',
      '',
      '[loggers]',
      'keys = root',
      '[handlers]',
      'keys = console',
      '[formatters]',
      'keys = generic',
      '[logger_root]',
      'level = WARN',
      'handlers = console',
      '[handler_console]',
      'class = StreamHandler',
      'args = (sys.stderr,)',
      'formatter = generic',
      '[formatter_generic]',
      'format = %%(levelname)s %%(message)s',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(script, 'env.py'),
    'from alembic import context\n\n\ndef run():\n    pass\n\n\nif context.is_offline_mode():\n    run()\nelse:\n    run()\n',
  );
  writeFileSync(
    path.join(script, 'script.py.mako'),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Mako template, not a JS template string
    '"""${message}\n\nRevision ID: ${up_revision}\nRevises: ${down_revision | comma,n}\n"""\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\nbranch_labels = ${repr(branch_labels)}\ndepends_on = ${repr(depends_on)}\n\n\ndef upgrade():\n    ${upgrades if upgrades else "pass"}\n\n\ndef downgrade():\n    ${downgrades if downgrades else "pass"}\n',
  );
  return iniPath;
}

function q(s: string, i: number): string {
  return i % 2 === 0 ? `'${s}'` : `"${s}"`;
}

// '' means "none" only for down_revision: Alembic turns branch_labels = '' into a label named ''.
function pyValue(ids: string[] | undefined, i: number, form: SyntaxForm, isDown = false): string {
  if (!ids || ids.length === 0) return ['None', '()', 'None', isDown ? "''" : 'None', 'None', '[]'][i % 6] as string;
  if (ids.length === 1) {
    if (form === 'multiline') return `(\n    ${q(ids[0] as string, i)},  # the parent\n)`;
    if (form === 'quoting') return `u${q(ids[0] as string, i)}`;
    return q(ids[0] as string, i);
  }
  if (form === 'multiline') return `(\n    # merge\n${ids.map((id) => `    ${q(id, i)},\n`).join('')})`;
  if (form === 'quoting') return `[${ids.map((id) => `r${q(id, i)}`).join(', ')}]`;
  return `(${ids.map((id) => q(id, i)).join(', ')})`;
}

/** The source of one revision file in the given syntax form, with decoys when asked. */
export function revisionSource(spec: RevisionSpec, form: SyntaxForm, index: number, decoys: boolean): string {
  const staleParent = decoys ? 'ffffffffffff' : spec.down.join(', ') || '<base>';
  const doc = [
    `"""${spec.message ?? `change ${spec.id}`}`,
    '',
    `Revision ID: ${decoys ? 'aaaaaaaaaaaa' : spec.id}`,
    `Revises: ${staleParent}`,
    'Create Date: 2025-12-30 19:00:00',
    ...(decoys ? ['', "revision = 'decoy0000000'", "down_revision = 'decoy0000001'"] : []),
    '"""',
  ];
  const labels = spec.branchLabels?.length ? spec.branchLabels : undefined;
  const lines: string[] = [...doc];
  if (form === 'annotated') lines.push('from typing import Sequence, Union', '');
  lines.push('from alembic import op', 'import sqlalchemy as sa', '');
  if (decoys) lines.push("# revision = 'commented0000'", '');
  const id = spec.id;
  switch (form) {
    case 'annotated':
      lines.push(
        '# revision identifiers, used by Alembic.',
        `revision: str = ${q(id, index)}`,
        `down_revision: Union[str, Sequence[str], None] = ${pyValue(spec.down, index, form, true)}`,
        `branch_labels: Union[str, Sequence[str], None] = ${pyValue(labels, index, form)}`,
        `depends_on: Union[str, Sequence[str], None] = ${pyValue(spec.dependsOn, index, form)}`,
      );
      break;
    case 'quoting':
      lines.push(
        `revision = r'''${id}'''`,
        `down_revision = ${pyValue(spec.down, index, form, true)}`,
        `branch_labels = ${pyValue(labels, index, form)}`,
        `depends_on = ${pyValue(spec.dependsOn, index, form)}`,
      );
      break;
    case 'continuation':
      lines.push(
        `revision = \\\n    ${q(id, index)}`,
        `down_revision = \\\n    ${pyValue(spec.down, index, form, true)}`,
        `branch_labels = ${pyValue(labels, index, form)}`,
        `depends_on = ${pyValue(spec.dependsOn, index, form)}`,
      );
      break;
    case 'semicolons':
      lines.push(
        `revision = ${q(id, index)}; down_revision = ${pyValue(spec.down, index, form, true)}`,
        `branch_labels = ${pyValue(labels, index, form)}; depends_on = ${pyValue(spec.dependsOn, index, form)}`,
      );
      break;
    case 'concatenated':
      lines.push(
        `revision = ${q(id.slice(0, 4), index)} ${q(id.slice(4), index)}`,
        `down_revision = ${pyValue(spec.down, index, form, true)}`,
        `branch_labels = ${pyValue(labels, index, form)}`,
        `depends_on = ${pyValue(spec.dependsOn, index, form)}`,
      );
      break;
    default:
      lines.push(
        `revision = ${q(id, index)}`,
        `down_revision = ${pyValue(spec.down, index, form, true)}`,
        `branch_labels = ${pyValue(labels, index, form)}`,
        `depends_on = ${pyValue(spec.dependsOn, index, form)}`,
      );
  }
  lines.push('', '', 'def upgrade():');
  if (decoys) {
    lines.push("    revision = 'indented0000'", '    op.execute("""', "revision = 'insql0000000'", '""")');
  }
  lines.push(`    op.execute("select '${id}'")`, '', '', 'def downgrade():', '    pass', '');
  return lines.join('\n');
}

function makeId(random: () => number, i: number, style: TreeOptions['idStyle'], used: Set<string>): string {
  const date = style === 'date' || (style === 'mixed' && i % 3 === 0);
  let id: string;
  do {
    if (date) {
      const minutes = i * 7 + Math.floor(random() * 5);
      const d = new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);
      const p = (n: number) => String(n).padStart(2, '0');
      id = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}_${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
      if (used.has(id)) id = `${id}${p(i % 100)}`;
    } else {
      id = Array.from({ length: 12 }, () => Math.floor(random() * 16).toString(16)).join('');
    }
  } while (used.has(id));
  used.add(id);
  return id;
}

/** A random history as revision specs (parents always created before children, so no cycles). */
export function generateSpecs(options: TreeOptions): RevisionSpec[] {
  const random = rng(options.seed ?? 1);
  const used = new Set<string>();
  const specs: RevisionSpec[] = [];
  const tips: string[] = [];
  const branchRate = options.branchRate ?? 0.05;
  const mergeRate = options.mergeRate ?? 0.3;
  const dependsRate = options.dependsRate ?? 0;
  let labelled: string | null = null;
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;

  for (let i = 0; i < options.revisions; i++) {
    const id = makeId(random, i, options.idStyle ?? 'hex', used);
    const spec: RevisionSpec = { id, down: [], message: `step ${i}: change ${id}` };
    if (specs.length === 0) {
      tips.push(id);
    } else if (options.labelledRoot && labelled === null && i >= 2) {
      spec.branchLabels = ['auth'];
      labelled = id;
      tips.push(id);
    } else if (tips.length > 1 && random() < mergeRate) {
      const a = tips.splice(Math.floor(random() * tips.length), 1)[0] as string;
      const b = tips.splice(Math.floor(random() * tips.length), 1)[0] as string;
      spec.down = [a, b];
      tips.push(id);
    } else if (random() < branchRate) {
      spec.down = [pick(specs).id];
      tips.push(id);
    } else {
      const t = Math.floor(random() * tips.length);
      spec.down = [tips[t] as string];
      tips[t] = id;
    }
    if (specs.length > 3 && random() < dependsRate) {
      const target = labelled && random() < 0.5 ? 'auth' : pick(specs).id;
      if (!spec.down.includes(target)) spec.dependsOn = [target];
    }
    specs.push(spec);
  }
  if (options.finalMerge && tips.length > 1) {
    const id = makeId(random, options.revisions, options.idStyle ?? 'hex', used);
    specs.push({ id, down: [...tips].sort(), message: 'merge heads' });
  }
  return specs;
}

/** Writes one revision file; returns its file name. */
export function writeRevision(
  versionsDir: string,
  spec: RevisionSpec,
  opts: { index?: number; form?: SyntaxForm; decoys?: boolean; crlf?: boolean; bom?: boolean; name?: string } = {},
): string {
  const index = opts.index ?? 0;
  let text = revisionSource(spec, opts.form ?? 'classic', index, opts.decoys ?? false);
  if (opts.crlf) text = text.replace(/\n/g, '\r\n');
  if (opts.bom) text = `\uFEFF${text}`;
  const name = opts.name ?? `${spec.id}_step_${index}.py`;
  writeFileSync(path.join(versionsDir, name), text);
  return name;
}

/** Generates a whole project tree under `root`. */
export function writeAlembicTree(root: string, options: TreeOptions, iniExtra = ''): GeneratedTree {
  const iniPath = writeAlembicScaffold(root, iniExtra);
  const versionsDir = path.join(root, 'migrations', 'versions');
  const specs = generateSpecs(options);
  const files = new Map<string, string>();
  specs.forEach((spec, index) => {
    const form = options.varySyntax ? (SYNTAX_FORMS[index % SYNTAX_FORMS.length] as SyntaxForm) : 'classic';
    const name = writeRevision(versionsDir, spec, {
      index,
      form,
      decoys: options.decoys ?? false,
      crlf: options.crlfEvery ? index % options.crlfEvery === 1 : false,
      bom: options.bomEvery ? index % options.bomEvery === 2 : false,
    });
    files.set(spec.id, name);
  });
  return { root, iniPath, versionsDir, specs, files };
}

export interface AlembicView {
  ok: boolean;
  error?: string;
  warnings: string[];
  heads: string[];
  bases: string[];
  revisions: Record<string, { down: string[]; deps: string[]; labels: string[] }>;
}

const DUMP = `
import json, sys, warnings
warnings.simplefilter("always")
out = {"ok": False, "warnings": [], "heads": [], "bases": [], "revisions": {}}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        from alembic.config import Config
        from alembic.script import ScriptDirectory
        opts = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
        cfg = Config(sys.argv[1], ini_section=opts.get("section", "alembic"))
        for key, value in opts.get("set", {}).items():
            cfg.set_main_option(key, value)
        rm = ScriptDirectory.from_config(cfg).revision_map
        out["heads"] = sorted(rm.heads)
        out["bases"] = sorted(rm.bases)
        for rev in rm._revision_map.values():
            if rev is None:
                continue
            out["revisions"][rev.revision] = {
                "down": sorted(rev._versioned_down_revisions),
                "deps": sorted(rev._resolved_dependencies),
                "labels": sorted(rev._orig_branch_labels),
            }
        out["ok"] = True
    except BaseException as e:
        out["error"] = "%s: %s" % (type(e).__name__, e)
    out["warnings"] = [str(w.message) for w in caught]
print(json.dumps(out))
`;

/** How Alembic is run for alembicView: an ini section (`-n`), main options set in code (as Flask-Migrate sets
 *  script_location, or env.py code sets version_locations), the working directory and extra PYTHONPATH entries. */
export interface AlembicRunOptions {
  section?: string;
  set?: Record<string, string>;
  cwd?: string;
  pythonPath?: string[];
}

/** Real Alembic's view of the tree: heads, bases, and each revision's parents, dependencies and labels. */
export function alembicView(iniPath: string, options: AlembicRunOptions = {}): AlembicView {
  const { cwd, pythonPath, ...opts } = options;
  const stdout = execFileSync(alembicPython, ['-c', DUMP, iniPath, JSON.stringify(opts)], {
    cwd: cwd ?? path.dirname(iniPath),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: pythonPath ? { ...process.env, PYTHONPATH: pythonPath.join(path.delimiter) } : process.env,
  });
  return JSON.parse(stdout) as AlembicView;
}
