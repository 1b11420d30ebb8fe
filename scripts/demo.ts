// `npm run demo`: the main job on the embedded demo. An embedded PGlite database stands in for production: it is
// built from the SQL real Alembic emits for the example credentialmate project at 20250915_0900 (three revisions
// behind its head), then an index is dropped by hand, as during an incident. The real CLI check runs against it,
// with the structure compared to the committed snapshot of that revision; it prints its summary and writes the
// report (JSON, Markdown, HTML) to reports/demo/. Drift is the expected finding here, so only an error fails the demo.
// `npm run demo -- --built` runs the shipped CLI (dist/cli/index.js, after `npm run build`) instead of the sources.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, runCli } from '../src/cli/run-cli.js';
import { openPgliteExecutor } from '../src/database/pglite.js';

const root = resolve(import.meta.dirname, '..');
const demo = 'examples/credentialmate/demo';
const dataDir = mkdtempSync(join(tmpdir(), 'schema-drift-demo-'));

try {
  const production = await openPgliteExecutor(dataDir, { create: true });
  // `alembic upgrade 20250915_0900 --sql`: the schema and the version table as a deploy to that revision left them.
  await production.db.exec(readFileSync(join(root, demo, 'production-20250915_0900.sql'), 'utf8'));
  // The out-of-band change the structure check must find.
  await production.db.exec('DROP INDEX audit_log_created_at_idx');
  await production.close();
  console.log(`Demo production database: embedded PGlite in ${dataDir}`);
  console.log('  built by Alembic\'s SQL for 20250915_0900, then "DROP INDEX audit_log_created_at_idx" by hand\n');

  const args = [
    'check',
    '--migrations',
    'examples/credentialmate',
    '--pglite',
    dataDir,
    '--environment',
    'demo',
    '--structure-expected',
    'snapshot',
    '--snapshot-file',
    `${demo}/expected-20250915_0900.snapshot.json`,
    '--report-dir',
    'reports',
  ];
  const code = process.argv.includes('--built')
    ? builtCli(args)
    : await runCli(args, {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        cwd: root,
        env: {},
      });
  console.log(
    code === EXIT.drift
      ? '\nExit code 1 (drift): the expected finding of this demo — production is behind the repository, and an index is missing.'
      : `\nExit code ${code}.`,
  );
  process.exitCode = code === EXIT.error ? 1 : 0;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Runs the built CLI as a user would, with only PATH and HOME from this environment. */
function builtCli(args: string[]): number {
  const cli = join(root, 'dist', 'cli', 'index.js');
  console.log(`Running the built CLI: node ${cli}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? root },
  });
  if (result.error) throw result.error;
  return result.status ?? EXIT.error;
}
