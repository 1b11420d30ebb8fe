// Runs runPullRequestMode as main.ts would, with a recording core and the loopback GitHub server.
import { type Config, parseConfig } from '../../src/config/config.js';
import { describeTarget, openExecutor } from '../../src/database/open.js';
import {
  type ActionCore,
  type AnnotationProps,
  type PullRequestModeOutcome,
  runPullRequestMode,
} from '../../src/pull-request/action.js';

export interface RecordedCore extends ActionCore {
  annotations: { level: 'error' | 'warning' | 'notice'; message: string; props?: AnnotationProps }[];
  logs: string[];
  failed: string[];
  outputs: Record<string, string>;
  secrets: string[];
  summaries: string[];
}

export function recordingCore(): RecordedCore {
  const core: RecordedCore = {
    annotations: [],
    logs: [],
    failed: [],
    outputs: {},
    secrets: [],
    summaries: [],
    info: (m) => core.logs.push(m),
    notice: (message, props) => core.annotations.push({ level: 'notice', message, props }),
    warning: (message, props) => core.annotations.push({ level: 'warning', message, props }),
    error: (message, props) => core.annotations.push({ level: 'error', message, props }),
    setFailed: (m) => core.failed.push(m),
    setOutput: (name, value) => {
      core.outputs[name] = value;
    },
    setSecret: (s) => core.secrets.push(s),
    writeSummary: async (markdown) => {
      core.summaries.push(markdown);
    },
  };
  return core;
}

export interface RunOptions {
  root: string;
  event: unknown;
  apiUrl: string;
  token: string;
  inputs?: Record<string, string>;
  comment?: boolean;
  checkName?: string;
}

export async function runMode(options: RunOptions): Promise<{ outcome: PullRequestModeOutcome; core: RecordedCore }> {
  const core = recordingCore();
  const config: Config = parseConfig(options.inputs ?? {});
  const outcome = await runPullRequestMode({
    root: options.root,
    env: {
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme-corp/billing',
      GITHUB_RUN_ID: '4242',
    },
    event: options.event,
    config,
    inputs: {
      mode: 'auto',
      githubToken: options.token,
      checkName: options.checkName ?? 'schema-drift',
      comment: options.comment ?? true,
      lintLargeTable: config.pullRequest.lintLargeTable,
    },
    core,
    openExecutor: (target) =>
      openExecutor(target, {
        aws: () => Promise.reject(new Error('no AWS in this test')),
      }),
    describeTarget,
  });
  return { outcome, core };
}
