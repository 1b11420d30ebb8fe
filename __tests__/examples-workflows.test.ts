// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub Actions' own ${{ }} expressions
// The example workflows are meant to be copied unchanged, so each is read as the runner reads it (YAML, strictly) and
// held to GitHub's hardening guide: least-privilege permissions, third-party actions pinned by commit, evidence
// writers in a concurrency group, inputs action.yml has, OIDC subjects the documented trust policy allows, and a
// pull-request check that can be made required without blocking pull requests that touch no migration.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStrictYaml } from './support/action-metadata.js';
import { evaluate, readTemplate, trustedSubjects } from './support/cloudformation.js';
import {
  actionInputNames,
  exampleNames,
  isOurs,
  type Job,
  readExample,
  type Step,
  usesLines,
  type Workflow,
} from './support/example-workflows.js';

const examples = Object.fromEntries(exampleNames().map((file) => [file, readExample(file)]));
const workflow = (file: string): Workflow => examples[file]!.workflow;
const jobsOf = (file: string): [string, Job][] => Object.entries(workflow(file).jobs);
const ourSteps = (job: Job): Step[] => job.steps.filter(isOurs);

/** Fills in `${{ inputs.NAME }}`; any other expression is refused (the test would be guessing). */
function withInputs(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (whole, expression: string) => {
    const name = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expression)?.[1];
    if (name === undefined || !(name in inputs)) throw new Error(`cannot evaluate ${whole}`);
    return inputs[name]!;
  });
}

/** A workflow whose runs store reports or packs in the evidence bucket. */
const writesEvidence = (file: string) =>
  jobsOf(file).some(([, job]) => ourSteps(job).some((s) => s.with?.['s3-bucket'] !== undefined));

const REPO = 'credentialmate/backend';

/** The OIDC `sub` GitHub gives a job of this workflow (default subject format), per trigger. */
function subjectOf(file: string, job: Job, inputs: Record<string, string> = {}): string[] {
  if (job.environment !== undefined) {
    const name = typeof job.environment === 'string' ? job.environment : job.environment.name;
    return [`repo:${REPO}:environment:${withInputs(name, inputs)}`];
  }
  return Object.keys(workflow(file).on).map((trigger) => {
    if (trigger === 'pull_request') return `repo:${REPO}:pull_request`;
    if (trigger === 'schedule' || trigger === 'workflow_dispatch') return `repo:${REPO}:ref:refs/heads/main`;
    throw new Error(`${file}: no subject known for ${trigger}`);
  });
}

describe('examples/workflows', () => {
  it('holds the five examples the README describes, each valid YAML to a strict parser', () => {
    expect(Object.keys(examples)).toEqual([
      'audit.yml',
      'dispatch.yml',
      'fleet.yml',
      'nightly.yml',
      'pull-request.yml',
    ]);
    for (const [file, { workflow: w }] of Object.entries(examples)) {
      expect(typeof w.name, file).toBe('string');
      expect(Object.keys(w.on).length, file).toBeGreaterThan(0);
      expect(Object.keys(w.jobs).length, file).toBeGreaterThan(0);
    }
  });

  it("README's nightly example is nightly.yml, cut short", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const intro = readme.indexOf('([examples/workflows/nightly.yml](examples/workflows/nightly.yml)):');
    const fence = /```yaml\n([\s\S]*?)^```/m.exec(readme.slice(intro));
    expect(intro).toBeGreaterThan(0);
    const shown = parseStrictYaml(fence![1]!, 'README nightly example') as Workflow;
    expect(workflow('nightly.yml')).toMatchObject(shown);
    // Cut short, never changed: every step it shows is the file's step with the same inputs.
    expect(shown.jobs.drift!.steps).toEqual(workflow('nightly.yml').jobs.drift!.steps);
  });

  describe('permissions: nothing by default, each job only what it uses', () => {
    it.each(exampleNames())('%s grants nothing at the workflow level and sets every job its own', (file) => {
      expect(workflow(file).permissions).toEqual({});
      for (const [name, job] of jobsOf(file)) expect(typeof job.permissions, `${file} job ${name}`).toBe('object');
    });

    it.each(exampleNames())('%s asks id-token: write exactly in the jobs that assume a role', (file) => {
      for (const [name, job] of jobsOf(file)) {
        const assumesRole = ourSteps(job).some((s) => s.with?.['role-to-assume'] !== undefined);
        const permissions = job.permissions as Record<string, string>;
        expect(permissions['id-token'], `${file} job ${name}`).toBe(assumesRole ? 'write' : undefined);
      }
    });

    it.each(exampleNames())(
      '%s reads contents only where it checks out, and writes checks and comments only on pull requests',
      (file) => {
        const pullRequest = 'pull_request' in workflow(file).on;
        for (const [name, job] of jobsOf(file)) {
          const permissions = job.permissions as Record<string, string>;
          const checksOut = job.steps.some((s) => s.uses?.startsWith('actions/checkout@'));
          const expected: Record<string, string> = {
            ...(checksOut ? { contents: 'read' } : {}),
            ...(pullRequest ? { checks: 'write', 'pull-requests': 'write' } : {}),
            ...(permissions['id-token'] ? { 'id-token': 'write' } : {}),
          };
          expect(permissions, `${file} job ${name}`).toEqual(expected);
        }
      },
    );
  });

  describe('concurrency: one run at a time writes an evidence chain', () => {
    const writers = exampleNames().filter(writesEvidence);

    it('covers every example that stores evidence', () => {
      expect(writers).toEqual(['audit.yml', 'dispatch.yml', 'fleet.yml', 'nightly.yml']);
      expect(writesEvidence('pull-request.yml')).toBe(false);
    });

    it.each(writers)('%s has a workflow-level group and never cancels a run in progress', (file) => {
      const concurrency = workflow(file).concurrency;
      expect(concurrency, file).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
    });

    it('puts the nightly run and an on-demand run of the same environment in the same group', () => {
      const group = (file: string, inputs: Record<string, string> = {}) =>
        withInputs((workflow(file).concurrency as { group: string }).group, inputs);
      const choices = workflow('dispatch.yml').on.workflow_dispatch!.inputs as Record<string, { options?: string[] }>;
      const environments = choices.environment!.options!;
      expect(group('dispatch.yml', { environment: 'production' })).toBe(group('nightly.yml'));
      const groups = environments.map((environment) => group('dispatch.yml', { environment }));
      expect(new Set(groups).size).toBe(environments.length);
      // Different chains, different groups: the fleet and the audit never wait for the nightly run.
      expect(new Set([group('nightly.yml'), group('fleet.yml'), group('audit.yml')]).size).toBe(3);
    });
  });

  describe('actions: third-party ones pinned by full commit SHA with the release in a comment', () => {
    const all = exampleNames().flatMap((file) => usesLines(examples[file]!.text).map((u) => ({ file, ...u })));

    it('finds every uses: of every example', () => {
      const fromStructure = exampleNames().flatMap((file) =>
        jobsOf(file).flatMap(([, job]) => job.steps.flatMap((s) => (s.uses ? [s.uses] : []))),
      );
      expect(all.map((u) => u.uses)).toEqual(fromStructure);
      expect(all.filter((u) => !u.uses.startsWith('credentialmate/')).length).toBeGreaterThan(5);
    });

    it('pins each third-party action by a 40-hex commit followed by "# vX.Y.Z"', () => {
      for (const { file, uses, line, lineText } of all) {
        if (uses.startsWith('credentialmate/schema-drift-action@')) continue;
        const where = `${file}:${line}`;
        expect(uses, where).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@]+)?@[0-9a-f]{40}$/);
        expect(lineText.slice(lineText.indexOf(uses) + uses.length), where).toMatch(/^ # v\d+\.\d+\.\d+$/);
      }
    });

    it('pins one action to one commit and one release everywhere', () => {
      const pins = new Map<string, Set<string>>();
      for (const { uses, lineText } of all) {
        const [action] = uses.split('@');
        pins.set(action!, (pins.get(action!) ?? new Set()).add(lineText.trim().replace(/^- /, '')));
      }
      for (const [action, lines] of pins) {
        if (action !== 'credentialmate/schema-drift-action') expect([...lines], action).toHaveLength(1);
      }
    });

    it('uses our action by its major tag or a full commit, and explains the hardened choice', () => {
      for (const { file, uses } of all.filter((u) => u.uses.startsWith('credentialmate/'))) {
        expect(uses, file).toMatch(/^credentialmate\/schema-drift-action@(v\d+|[0-9a-f]{40})$/);
      }
      for (const file of exampleNames()) {
        expect(examples[file]!.text, file).toContain('credentialmate/schema-drift-action@<40-hex commit> # v1.0.0');
      }
    });

    it('leaves no token in the checkout and pastes no expression into a script', () => {
      for (const file of exampleNames()) {
        for (const [name, job] of jobsOf(file)) {
          for (const step of job.steps) {
            if (step.uses?.startsWith('actions/checkout@')) {
              expect(step.with?.['persist-credentials'], `${file} ${name}`).toBe(false);
            }
            if (step.run !== undefined) expect(step.run, `${file} ${name}`).not.toContain('${{');
          }
        }
      }
    });
  });

  it('gives our action only inputs action.yml declares', () => {
    const inputs = actionInputNames();
    const given = exampleNames().flatMap((file) =>
      jobsOf(file).flatMap(([, job]) => ourSteps(job).flatMap((s) => Object.keys(s.with ?? {}))),
    );
    expect(given.length).toBeGreaterThan(40);
    expect(given.filter((name) => !inputs.includes(name))).toEqual([]);
  });

  describe('OIDC: every job that assumes a role presents a subject the documented trust policy allows', () => {
    const template = readTemplate();
    const stack = (environment: string) =>
      evaluate(template, {
        GitHubRepository: REPO,
        AlertEmail: 'oncall@example.com',
        ObjectLockMode: 'COMPLIANCE',
        EnvironmentName: environment,
        AllowPullRequests: 'true',
      });

    it('dispatch: each environment choice is a subject that environment’s stack trusts', () => {
      const dispatch = workflow('dispatch.yml');
      const input = (dispatch.on.workflow_dispatch!.inputs as Record<string, { type: string; options: string[] }>)
        .environment!;
      expect(input.type).toBe('choice'); // no free text: only the environments the stacks were made for
      expect(input.options).toEqual(['production', 'staging']);
      const job = dispatch.jobs.drift!;
      for (const environment of input.options) {
        const subjects = subjectOf('dispatch.yml', job, { environment, 'notify-on': 'drift,error' });
        expect(subjects).toEqual([`repo:${REPO}:environment:${environment}`]);
        expect(trustedSubjects(stack(environment).resources.GitHubRole!)).toEqual(expect.arrayContaining(subjects));
        // The report is labelled with the environment whose stack it reached.
        expect(withInputs(String(ourSteps(job)[0]!.with!.environment), { environment })).toBe(environment);
      }
    });

    it.each(['nightly.yml', 'fleet.yml', 'audit.yml'])(
      '%s: runs on main with no environment, a subject production’s stack trusts',
      (file) => {
        const trusted = trustedSubjects(stack('production').resources.GitHubRole!);
        for (const [, job] of jobsOf(file).filter(([, j]) => ourSteps(j).some((s) => s.with?.['role-to-assume']))) {
          expect(job.environment).toBeUndefined();
          for (const subject of subjectOf(file, job)) expect(trusted).toContain(subject);
        }
      },
    );

    it('pull-request: presents the pull_request subject, which only the invoke-only role trusts', () => {
      const production = stack('production');
      const [[, job]] = jobsOf('pull-request.yml') as [[string, Job]];
      expect(subjectOf('pull-request.yml', job)).toEqual([`repo:${REPO}:pull_request`]);
      expect(trustedSubjects(production.resources.PullRequestRole!)).toEqual([`repo:${REPO}:pull_request`]);
      expect(trustedSubjects(production.resources.GitHubRole!)).not.toContain(`repo:${REPO}:pull_request`);
      const role = (file: string) =>
        jobsOf(file).flatMap(([, j]) => ourSteps(j).flatMap((s) => s.with?.['role-to-assume'] ?? []));
      expect(role('pull-request.yml')).toHaveLength(1);
      expect(role('nightly.yml')).not.toContain(role('pull-request.yml')[0]);
      // No S3, SNS or signing key in the pull-request step: the role could not use them.
      expect(Object.keys(ourSteps(job)[0]!.with!).filter((k) => /^(s3|sns|kms)-/.test(k))).toEqual([]);
    });

    it('docs/aws-setup.md shows the trust policy production’s stack has', () => {
      const markdown = readFileSync(new URL('../docs/aws-setup.md', import.meta.url), 'utf8');
      const blocks = [...markdown.matchAll(/^```json\n([\s\S]*?)^```/gm)].map((m) => JSON.parse(m[1]!) as unknown);
      const trust = blocks.find((b) => JSON.stringify(b).includes('sts:AssumeRoleWithWebIdentity')) as {
        Statement: { Condition: { StringEquals: Record<string, string[]> } }[];
      };
      const documented = trust.Statement[0]!.Condition.StringEquals['token.actions.githubusercontent.com:sub'];
      expect(documented).toEqual(trustedSubjects(stack('production').resources.GitHubRole!));
    });
  });

  describe('pull-request: can be a required check without blocking pull requests that touch no migration', () => {
    const pr = workflow('pull-request.yml');
    const [[jobName, job]] = Object.entries(pr.jobs) as [[string, Job]];

    it('runs on every pull request: no paths or paths-ignore filter, which would leave a required check waiting', () => {
      expect(Object.keys(pr.on)).toEqual(['pull_request']);
      const filter = pr.on.pull_request ?? {};
      expect(filter).not.toHaveProperty('paths');
      expect(filter).not.toHaveProperty('paths-ignore');
      expect(job.if).toBeUndefined(); // a job-level condition would skip the required job itself
      expect(examples['pull-request.yml']!.text).toContain(`Make the JOB \`${jobName}\` the required check`);
    });

    it('checks out full history, asks git what changed, and runs the check only when migrations changed', () => {
      const ids = job.steps.map((s) => s.id ?? s.uses?.split('@')[0]);
      expect(ids).toEqual(['actions/checkout', 'changes', 'credentialmate/schema-drift-action']);
      expect(job.steps[0]!.with?.['fetch-depth']).toBe(0);
      expect(job.steps[2]!.if).toBe("steps.changes.outputs.migrations == 'true'");
      expect(job.steps[1]!.shell).toBe('bash');
    });

    // The step's script, run by bash as the runner runs it (`shell: bash` is `bash --noprofile --norc -eo
    // pipefail`), in a repository shaped like a pull request's merge commit.
    describe('the change-detection step, run', () => {
      const step = job.steps[1]!;
      const dir = mkdtempSync(path.join(tmpdir(), 'schema-drift-pr-gate-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: dir,
          encoding: 'utf8',
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@example.com',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@example.com',
          },
        }).trim();
      const write = (file: string, text: string) => {
        execFileSync('mkdir', ['-p', path.dirname(path.join(dir, file))]);
        writeFileSync(path.join(dir, file), text);
      };
      /** A pull request changing `file`, branched from main before main gained a migration of its own; checked out
       *  as GitHub does, as the merge commit into main's tip. Returns the event's base.sha (main's tip) and the
       *  commit the branch forked from. */
      let pullRequests = 0;
      const pullRequest = (file: string) => {
        pullRequests += 1;
        git('checkout', '-q', 'main');
        const forkPoint = git('rev-parse', 'HEAD');
        git('checkout', '-q', '-b', `pr-${pullRequests}`);
        write(file, `change ${pullRequests}\n`);
        git('add', '.');
        git('commit', '-q', '-m', `pr ${file}`);
        const head = git('rev-parse', 'HEAD');
        git('checkout', '-q', 'main');
        write(`backend/migrations/versions/main_${pullRequests}.py`, `# ${file}\n`);
        git('add', '.');
        git('commit', '-q', '-m', 'main moves on with a migration of its own');
        const baseSha = git('rev-parse', 'HEAD');
        git('checkout', '-q', '--detach', 'main');
        git('merge', '-q', '--no-ff', '-m', 'merge', head);
        return { baseSha, forkPoint };
      };
      const run = (baseSha: string) => {
        const output = path.join(dir, '..', `${path.basename(dir)}-output`);
        writeFileSync(output, '');
        const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
          cwd: dir,
          encoding: 'utf8',
          env: {
            ...process.env,
            ...(step.env as Record<string, string>),
            BASE_SHA: baseSha,
            GITHUB_OUTPUT: output,
            GITHUB_STEP_SUMMARY: '/dev/null',
          },
        });
        const text = readFileSync(output, 'utf8');
        rmSync(output);
        return { status: result.status, output: text };
      };

      beforeAll(() => {
        git('init', '-q', '-b', 'main');
        write('backend/alembic.ini', '[alembic]\n');
        write('backend/migrations/versions/a1.py', 'revision = "a1"\n');
        write('app/main.py', 'print()\n');
        git('add', '.');
        git('commit', '-q', '-m', 'base');
      });

      it('passes the base commit from the event, not pasted into the script', () => {
        expect(step.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' });
      });

      it('answers false for a pull request that changes only application code (the check is skipped: success)', () => {
        expect(run(pullRequest('app/main.py').baseSha)).toEqual({ status: 0, output: 'migrations=false\n' });
      });

      it("errs towards checking: from a base older than the merge commit's, the base's own new migrations count", () => {
        expect(run(pullRequest('app/main.py').forkPoint)).toEqual({ status: 0, output: 'migrations=true\n' });
      });

      it('answers true for a new migration, a changed alembic.ini or a changed .schema-drift.yml', () => {
        for (const file of ['backend/migrations/versions/b2.py', 'backend/alembic.ini', '.schema-drift.yml']) {
          expect(run(pullRequest(file).baseSha), file).toEqual({ status: 0, output: 'migrations=true\n' });
        }
      });

      it('fails the job, never skips the check, when the base commit is not in the checkout', () => {
        const result = run('0'.repeat(40));
        expect(result.status).not.toBe(0);
        expect(result.output).toBe('');
      });
    });
  });
});
