// The check run: created `in_progress` so a crashed run stays visible, then completed with a conclusion. GitHub takes
// at most 50 annotations per request and appends those of every update, so they go in batches.
import type { Finding } from '../migrations/finding.js';
import type { GitHubApi } from '../pull-request/github-api.js';
import { GITHUB_LIMITS, truncateUtf8 } from '../report/limits.js';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export interface Repo {
  owner: string;
  repo: string;
}

const LEVELS = { error: 'failure', warning: 'warning', notice: 'notice' } as const;
/** GitHub's limit on one annotation's message. */
const ANNOTATION_MESSAGE_BYTES = 64 * 1024 - 1;

/** Findings with a file become annotations (errors first); the rest live in the summary only. */
export function checkAnnotations(findings: readonly Finding[]): CheckAnnotation[] {
  const order = ['error', 'warning', 'notice'] as const;
  return order.flatMap((severity) =>
    findings
      .filter((f) => f.severity === severity && f.file !== undefined && f.file !== '')
      .map((f) => {
        const line = f.line !== undefined && f.line >= 1 ? f.line : 1;
        return {
          path: f.file as string,
          start_line: line,
          end_line: line,
          annotation_level: LEVELS[severity],
          title: `schema-drift: ${f.kind}`.slice(0, GITHUB_LIMITS.annotationTitleChars),
          message: truncateUtf8(f.message, ANNOTATION_MESSAGE_BYTES),
        };
      }),
  );
}

/** Title ≤ 255 characters and summary ≤ 65,535 characters, as the API requires. */
export function fitOutput(title: string, summary: string): { title: string; summary: string } {
  const chars = Array.from(title);
  return {
    title: chars.length <= GITHUB_LIMITS.annotationTitleChars ? title : `${chars.slice(0, 254).join('')}…`,
    summary: truncateUtf8(summary, GITHUB_LIMITS.checkRunSummaryChars),
  };
}

export class CheckRunPublisher {
  constructor(
    private readonly api: GitHubApi,
    private readonly repo: Repo,
  ) {}

  /** Creates the check run `in_progress` on `headSha`; returns its id. */
  async start(name: string, headSha: string, detailsUrl?: string): Promise<number> {
    const { data } = await this.api.request<{ id: number }>('POST', `${this.base()}/check-runs`, {
      name,
      head_sha: headSha,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(detailsUrl ? { details_url: detailsUrl } : {}),
      output: { title: 'Checking migrations…', summary: 'The migration check is running.' },
    });
    return data.id;
  }

  /** Sends the annotations in batches of ≤ 50 and completes the run with the last batch. Returns requests made. */
  async complete(id: number, conclusion: 'success' | 'failure' | 'neutral', output: CheckRunOutput): Promise<number> {
    const { title, summary } = fitOutput(output.title, output.summary);
    const per = GITHUB_LIMITS.annotationsPerRequest;
    const batches: CheckAnnotation[][] = [];
    for (let i = 0; i < output.annotations.length; i += per) batches.push(output.annotations.slice(i, i + per));
    const last = batches.pop() ?? [];
    for (const batch of batches) {
      await this.api.request('PATCH', `${this.base()}/check-runs/${id}`, {
        output: { title, summary, annotations: batch },
      });
    }
    await this.api.request('PATCH', `${this.base()}/check-runs/${id}`, {
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: { title, summary, annotations: last },
    });
    return batches.length + 1;
  }

  private base(): string {
    return `/repos/${encodeURIComponent(this.repo.owner)}/${encodeURIComponent(this.repo.repo)}`;
  }
}
