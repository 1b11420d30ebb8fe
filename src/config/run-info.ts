// Which run produced a report, from the environment GitHub Actions sets (empty strings outside Actions).
import type { RunInfo } from '../report/model.js';
import { TOOL_VERSION } from '../shared/tool-version.js';

export function runInfoFromEnv(env: NodeJS.ProcessEnv, trigger?: string): RunInfo {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  return {
    trigger: trigger ?? env.GITHUB_EVENT_NAME ?? 'cli',
    repository,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    run_id: runId,
    run_url: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
    tool_version: TOOL_VERSION,
  };
}
