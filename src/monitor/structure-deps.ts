// The adapters the structure check needs, shared by the action and the CLI: the reference database, the setup
// command that builds it, and the baseline kept by the evidence store.
import { spawn } from 'node:child_process';
import { openPostgresExecutor } from '../database/postgres.js';
import { redactDatabaseUrl, redactText } from '../database/redact.js';
import { type ReportStore, snapshotKey } from '../publish/report-store.js';
import type { StructureDeps } from './structure-check.js';

const SETUP_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs a shell command from `cwd`, streaming its output to `log`; rejects with its exit code and last output. The
 * output is redacted here (URL passwords, PGPASSWORD=…): setup scripts echo connection strings, and the tail ends
 * up in the report's error.
 */
export function runShellCommand(command: string, cwd: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Whole lines only, per stream: a password cut between two chunks would escape the patterns.
    const tail: string[] = [];
    const emit = (line: string) => {
      if (!line.trim()) return;
      const clean = redactText(line);
      log(clean);
      tail.push(clean.length > 400 ? `${clean.slice(0, 400)}…` : clean);
      if (tail.length > 5) tail.shift();
    };
    const collector = () => {
      let partial = '';
      return {
        data: (chunk: Buffer) => {
          const lines = (partial + chunk.toString('utf8')).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) emit(line);
        },
        flush: () => {
          emit(partial);
          partial = '';
        },
      };
    };
    const out = collector();
    const err = collector();
    child.stdout.on('data', out.data);
    child.stderr.on('data', err.data);
    const timer = setTimeout(() => child.kill('SIGKILL'), SETUP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      out.flush();
      err.flush();
      if (code === 0) resolve();
      else reject(new Error(`exit ${code ?? signal}: ${tail.join(' | ')}`));
    });
  });
}

export function structureDeps(options: {
  root: string;
  environment: string;
  /** The evidence store whose latest snapshot is the baseline; undefined when reports are not kept. */
  store?: ReportStore;
  log: (line: string) => void;
}): StructureDeps {
  return {
    openReference: (url) => openPostgresExecutor(url),
    describeReference: redactDatabaseUrl,
    runSetupCommand: (command) => runShellCommand(command, options.root, options.log),
    loadBaseline: async () => {
      const store = options.store;
      if (!store) throw new Error('structure-expected "baseline" needs a report store: set s3-bucket or report-dir');
      const stored = await store.baseline(options.environment);
      const previous = await store.latest(options.environment);
      const used = previous?.report.structure?.baseline;
      // The key the previous run compared with, or the snapshot it recorded beside its own report.
      const previouslyInUse = used?.recorded ? snapshotKey(previous?.key ?? '') : (used?.compared_with?.key ?? null);
      return { stored, previouslyInUse };
    },
  };
}
