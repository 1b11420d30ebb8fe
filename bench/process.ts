// Fresh-process measurements shared by the benchmarks: wall time and peak RSS of `node args...`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';
// Without GNU time, a preloaded hook reports the child's own peak RSS as it exits.
const RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nBENCH_RSS_KB "+process.resourceUsage().maxRSS+"\\n"))';

export interface ProcessRun {
  wallMs: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs `node args...` in a fresh process; wall time measured here, peak RSS from GNU time or the exit hook.
 *  `okCodes`: exit codes that are answers, not failures (lint exits 1 on error findings). */
export function runNode(args: string[], cwd: string, okCodes: readonly number[] = [0]): ProcessRun {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', 'BENCH_RSS_KB %M', process.execPath, ...args] : ['--import', RSS_HOOK, ...args];
  const t0 = performance.now();
  const out = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (out.status === null || !okCodes.includes(out.status))
    throw new Error(`node ${args.join(' ')} failed (${out.status}): ${out.stderr}`);
  const rss = /BENCH_RSS_KB (\d+)/.exec(out.stderr);
  if (!rss?.[1]) throw new Error(`no peak RSS reported for node ${args.join(' ')}: ${out.stderr}`);
  return { wallMs, maxRssMb: Number(rss[1]) / 1024, stdout: out.stdout };
}

/**
 * The same as runNode without blocking this process: for a child that talks to a server this process runs (a
 * blocked event loop would never answer it).
 */
export async function runNodeAsync(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  okCodes: readonly number[] = [0],
): Promise<ProcessRun> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', 'BENCH_RSS_KB %M', process.execPath, ...args] : ['--import', RSS_HOOK, ...args];
  const t0 = performance.now();
  const child = spawn(command, argv, { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - t0;
  if (!okCodes.includes(status ?? -1)) throw new Error(`node ${args.join(' ')} failed (${status}): ${stderr}`);
  const rss = /BENCH_RSS_KB (\d+)/.exec(stderr);
  if (!rss?.[1]) throw new Error(`no peak RSS reported for node ${args.join(' ')}: ${stderr}`);
  return { wallMs, maxRssMb: Number(rss[1]) / 1024, stdout };
}

export function best(runs: ProcessRun[]): ProcessRun {
  return runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

/** The built CLI to measure, or why it cannot be measured. */
export function builtCli(): { cli: string } | { missing: string } {
  const cli = path.resolve(process.env.BENCH_CLI ?? path.join(repoRoot, 'dist/cli/index.js'));
  if (!existsSync(cli)) return { missing: `${cli} not found: run \`npm run build\` first` };
  return { cli };
}
