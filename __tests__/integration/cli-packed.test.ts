// The CLI as a user installs it: `npm pack` of the committed dist/, installed into an empty folder and into a global
// prefix with the registry unreachable (the package must need no dependency), then run from the installed bin in a
// folder that holds only the user's migrations: heads, lint (libpg-query's wasm), check --pglite (PGlite's wasm and
// data files) and verify (a report the installed CLI wrote, signed through KMS as the action signs it).
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteExecutor } from '../../src/database/pglite.js';
import { KmsReportSigner } from '../../src/publish/kms-signer.js';
import { serializeSignature, signatureKey } from '../../src/publish/report-signature.js';
import { sha256Hex } from '../../src/publish/report-store.js';
import type { Report } from '../../src/report/model.js';
import { type LocalKms, startKmsServer } from '../support/kms-server.js';
import { assertValidReport } from '../support/report-schema.js';
import { ensureActionBuilt, repoRoot } from '../support/run-action.js';
import { type ProcessRun, runProcess } from '../support/run-process.js';

const run = promisify(execFile);
const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const head = '20251230_1900';

let work: string;
/** PATH and HOME only, the running node first, and npm kept off the network and off the user's own config. */
let env: Record<string, string>;
let localBin: string;
let globalBin: string;
let packed: { files: { path: string }[]; filename: string };

type CliRun = ProcessRun;

/** Runs an installed `schema-drift` from the user's project folder. */
function schemaDrift(bin: string, args: string[]): Promise<CliRun> {
  return runProcess(bin, args, { cwd: join(work, 'project'), env });
}

const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  // Not a build of its own: dist/ is packed as committed. This waits while another test file rebuilds a stale
  // dist/ (which starts by deleting it), so the pack never reads a half-written one.
  await ensureActionBuilt();
  work = await mkdtemp(join(tmpdir(), 'sda-cli-packed-'));
  env = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: join(work, 'home'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_userconfig: join(work, 'home', '.npmrc'),
  };
  await mkdir(env.HOME!, { recursive: true });
  const { stdout } = await npm(['pack', '--json', '--pack-destination', work], repoRoot);
  packed = (JSON.parse(stdout) as (typeof packed)[])[0]!;
  const tgz = join(work, packed.filename);
  await mkdir(join(work, 'app'));
  await npm(['install', tgz], join(work, 'app'));
  await npm(['install', '--global', '--prefix', join(work, 'global'), tgz], work);
  localBin = join(work, 'app', 'node_modules', '.bin', 'schema-drift');
  globalBin = join(work, 'global', 'bin', 'schema-drift');
  // The user's project: their migrations and nothing of ours.
  await cp(join(repoRoot, 'examples/credentialmate'), join(work, 'project', 'credentialmate'), { recursive: true });
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed CLI', () => {
  it('packs the CLI bundle, its wasm and data files, the JSON Schemas and the changelog, and nothing else', () => {
    const files = packed.files.map((f) => f.path);
    expect(packed.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    for (const shipped of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'SECURITY.md',
      'dist/cli/index.js',
      'dist/cli/licenses.txt',
      'dist/cli/libpg-query.wasm',
      'dist/cli/pglite.wasm',
      'dist/cli/pglite.data',
      'dist/cli/initdb.wasm',
      'docs/report.schema.json',
    ]) {
      expect(files).toContain(shipped);
    }
    expect(files.filter((f) => !f.startsWith('dist/cli/') && !f.startsWith('docs/'))).toEqual([
      'CHANGELOG.md',
      'README.md',
      'SECURITY.md',
      'package.json',
    ]);
    expect(files.filter((f) => f.startsWith('docs/')).every((f) => f.endsWith('.schema.json'))).toBe(true);
  });

  it('installs alone: no dependency is declared, and the folder holds our package only', async () => {
    const installed = JSON.parse(
      await readFile(join(work, 'app', 'node_modules', pkg.name, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(installed.dependencies).toBeUndefined();
    expect(installed.optionalDependencies).toBeUndefined();
    expect(installed.peerDependencies).toBeUndefined();
    const modules = (await readdir(join(work, 'app', 'node_modules'))).filter((n) => !n.startsWith('.'));
    expect(modules).toEqual([pkg.name]);
  });

  it.each([
    ['npm install ./x.tgz', () => localBin],
    ['npm install -g', () => globalBin],
  ])('prints its version and the heads of a migration tree (%s)', async (_how, bin) => {
    const version = await schemaDrift(bin(), ['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const heads = await schemaDrift(bin(), ['heads', '--migrations', 'credentialmate', '--json']);
    expect(heads.stderr).toBe('');
    expect(heads.code).toBe(0);
    expect(JSON.parse(heads.stdout)).toMatchObject({ heads: [head], revisions: 35, findings: [] });
  });

  it('lints the migrations with the bundled libpg-query (exit 1: the example has an error finding)', async () => {
    const lint = await schemaDrift(localBin, ['lint', '--migrations', 'credentialmate', '--all']);
    expect(lint.stderr).not.toContain('wasm');
    expect(lint.stdout).toContain('35 migrations linted:');
    expect(lint.code).toBe(1);
  });

  describe('check --pglite, then verify', () => {
    let kms: LocalKms;
    beforeAll(async () => {
      kms = await startKmsServer();
    });
    afterAll(async () => {
      await kms?.close();
    });

    it('finds the embedded production behind by 3, stores the report, and verifies its signature', async () => {
      const pglite = join(work, 'project', 'production-pglite');
      const db = await openPgliteExecutor(pglite, { create: true });
      await db.db.exec(
        await readFile(join(repoRoot, 'examples/credentialmate/demo/production-20250915_0900.sql'), 'utf8'),
      );
      await db.close();

      const check = await schemaDrift(globalBin, [
        'check',
        '--migrations',
        'credentialmate',
        '--pglite',
        'production-pglite',
        '--report-dir',
        'reports',
        '--json',
      ]);
      expect(check.stderr).not.toContain('Could not open PGlite');
      const report = JSON.parse(check.stdout) as Report;
      assertValidReport(report);
      expect(report).toMatchObject({ status: 'drift', error: null, production_version: '20250915_0900' });
      expect(report.version).toMatchObject({ state: 'behind', codebase_heads: [head] });
      expect(report.version?.pending).toHaveLength(3);
      expect(report.run.tool_version).toBe(pkg.version);
      expect(check.code).toBe(1);

      // Sign the stored report as the action does with kms-signing-key-id: its sha256, through the real KMS client.
      const reports = join(work, 'project', 'reports');
      const pointer = JSON.parse(await readFile(join(reports, 'production', 'latest.json'), 'utf8')) as {
        key: string;
      };
      const bytes = await readFile(join(reports, pointer.key));
      const signer = new KmsReportSigner(
        new KMSClient({
          region: 'us-east-1',
          endpoint: kms.endpoint,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
          maxAttempts: 1,
        }),
        kms.keyId,
      );
      const signature = await signer.sign(pointer.key, sha256Hex(bytes), 'production');
      await writeFile(join(reports, signatureKey(pointer.key)), serializeSignature(signature));
      await writeFile(join(work, 'project', 'signing.pem'), kms.publicKeyPem);

      const genuine = await schemaDrift(localBin, [
        'verify',
        join('reports', pointer.key),
        '--public-key',
        'signing.pem',
      ]);
      expect(genuine.stderr).toBe('');
      expect(genuine.stdout).toContain(`genuine: ${join(reports, pointer.key)}`);
      expect(genuine.code).toBe(0);

      // The same report with its verdict turned to synced is refused.
      const forged = join(work, 'project', 'forged.json');
      await writeFile(forged, bytes.toString('utf8').replace('"status": "drift"', '"status": "synced"'));
      expect((await readFile(forged, 'utf8')) === bytes.toString('utf8')).toBe(false);
      const altered = await schemaDrift(localBin, [
        'verify',
        'forged.json',
        '--public-key',
        'signing.pem',
        '--signature',
        join('reports', signatureKey(pointer.key)),
      ]);
      expect(altered.stderr).toContain('NOT GENUINE');
      expect(altered.code).toBe(2);
    }, 180_000);
  });
});
