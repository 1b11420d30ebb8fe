// `npm run demo`: the main job on the embedded demo. An embedded PGlite database stands in for production, stamped
// three revisions behind the example credentialmate project; the real CLI check runs against it, prints its summary
// and writes the report to reports/demo/. Drift is the expected finding here, so only an error fails the demo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, runCli } from '../src/cli/run-cli.js';
import { openPgliteExecutor } from '../src/database/pglite.js';

const root = resolve(import.meta.dirname, '..');
const production = '20250915_0900';
const dataDir = mkdtempSync(join(tmpdir(), 'schema-drift-demo-'));

try {
  const seeded = await openPgliteExecutor(dataDir);
  await seeded.db.exec(`
    CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
    INSERT INTO alembic_version (version_num) VALUES ('${production}');
  `);
  await seeded.close();
  console.log(`Demo database: embedded PGlite in ${dataDir}, stamped at ${production}\n`);

  const code = await runCli(
    [
      'check',
      '--migrations',
      'examples/credentialmate',
      '--pglite',
      dataDir,
      '--environment',
      'demo',
      '--report-dir',
      'reports',
    ],
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: root, env: {} },
  );
  console.log(
    code === EXIT.drift
      ? '\nExit code 1 (drift): the expected finding of this demo — production is behind the repository.'
      : `\nExit code ${code}.`,
  );
  process.exitCode = code === EXIT.error ? 1 : 0;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
