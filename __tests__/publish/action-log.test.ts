import { describe, expect, it } from 'vitest';
import { COMMAND_FENCE, createActionLog, type LogCore, neutraliseCommands } from '../../src/publish/action-log.js';
import { Redactor } from '../../src/publish/redactor.js';
import type { Report } from '../../src/report/model.js';
import { reportFor } from '../report/fixtures.js';

function recordingCore() {
  const calls: [string, ...unknown[]][] = [];
  const core: LogCore = {
    info: (m) => calls.push(['info', m]),
    notice: (m, p) => calls.push(['notice', m, p]),
    warning: (m, p) => calls.push(['warning', m, p]),
    error: (m, p) => calls.push(['error', m, p]),
    setFailed: (m) => calls.push(['setFailed', m]),
    setSecret: (s) => calls.push(['setSecret', s]),
  };
  return { core, calls };
}

describe('neutraliseCommands', () => {
  it('fences every line the runner would read as a command, after any whitespace or line break', () => {
    const hostile = [
      'ok line',
      '::add-mask::prod',
      '  ::stop-commands::tok',
      '\t::set-output name=status::synced',
      '\u00a0::notice::x',
      '\u0085::warning::y',
      '##[set-output name=a;]b',
    ].join('\r');
    const lines = neutraliseCommands(hostile).split('\n');
    expect(lines[0]).toBe('ok line');
    for (const line of lines.slice(1)) expect(line.startsWith(COMMAND_FENCE)).toBe(true);
    expect(lines).toHaveLength(7);
  });

  it('leaves :: that does not start a line', () => {
    expect(neutraliseCommands('heads: a::b')).toBe('heads: a::b');
  });
});

describe('createActionLog', () => {
  it('redacts secrets it was told, and credentials written in text, in every kind of line', () => {
    const { core, calls } = recordingCore();
    const log = createActionLog(core, new Redactor());
    log.setSecret('tok-1234567890');
    log.info('token tok-1234567890 and PGPASSWORD=hunter22');
    log.error('postgres://app:p@ss/w@db/x failed', { title: 'tok-1234567890', file: 'a.py' });
    log.setFailed('gave tok-1234567890');
    expect(calls).toEqual([
      ['setSecret', 'tok-1234567890'],
      ['info', 'token *** and PGPASSWORD=***'],
      ['error', 'postgres://app:***@db/x failed', { title: '***', file: 'a.py' }],
      ['setFailed', 'gave ***'],
    ]);
  });
});

describe('Redactor.report', () => {
  it('replaces secret values everywhere and credentials in the error message, keeping other text', () => {
    const redactor = new Redactor();
    for (const s of redactor.secretsOfInput('database-url', 'postgres://app:Pw%40xyz123@db/app')) redactor.add(s);
    const report = reportFor('error');
    const dirty: Report = {
      ...report,
      environment: 'prod Pw@xyz123',
      error: { stage: 'database', message: 'Lambda said PGPASSWORD=other-secret and Pw@xyz123' },
    };
    const clean = redactor.report(dirty);
    expect(clean.environment).toBe('prod ***');
    expect(clean.error?.message).toBe('Lambda said PGPASSWORD=*** and ***');
    expect(dirty.error?.message).toContain('other-secret');
  });
});

describe('a database password that is an ordinary word', () => {
  it('is not handed to the runner or redacted by value; the whole URL and a strong password are', () => {
    const { core, calls } = recordingCore();
    const redactor = new Redactor();
    const log = createActionLog(core, redactor);
    const weak = 'postgresql://postgres:postgres@db:5432/app';
    const strong = 'postgresql://app:Tr0ub4dor@db:5432/app';
    for (const url of [weak, strong]) for (const s of redactor.secretsOfInput('database-url', url)) log.setSecret(s);
    const masked = calls.filter(([kind]) => kind === 'setSecret').map(([, value]) => value);
    expect(masked).toEqual([weak, strong, 'Tr0ub4dor']);
    log.info('checking postgresql://postgres:postgres@db:5432/app as postgres; Tr0ub4dor alone');
    expect(calls.at(-1)).toEqual(['info', 'checking *** as postgres; *** alone']);
    log.info('retrying postgresql://postgres:postgres@db:5433/app');
    expect(calls.at(-1)).toEqual(['info', 'retrying postgresql://postgres:***@db:5433/app']);
    // Rendered documents: a URL's password by position, never the word elsewhere.
    expect(redactor.values('| Database | `postgres://postgres:postgres@db/x` | user postgres |')).toBe(
      '| Database | `postgres://postgres:***@db/x` | user postgres |',
    );
  });
});
