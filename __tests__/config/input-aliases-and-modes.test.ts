// Old input names keep working with a warning naming the new one; an old and a new name that disagree are refused
// naming both; an input only one mode reads fails only that mode's runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { type Config, ConfigError, checkModeInputs, parseConfig, type RunMode } from '../../src/config/config.js';
import { decideNotification, parseNotifyOn } from '../../src/publish/notify-policy.js';

const alerts = { 'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:alerts' };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('pending-grace → pending-grace-minutes', () => {
  it('reads the new name, with no warning', () => {
    const c = parseConfig({ 'pending-grace-minutes': '45' });
    expect(c.pendingGraceMinutes).toBe(45);
    expect(c.warnings).toEqual([]);
  });

  it('still reads the old name as the new one, warning with both names', () => {
    const c = parseConfig({ 'pending-grace': '60' });
    expect(c.pendingGraceMinutes).toBe(60);
    expect(c.warnings).toEqual([
      'Input "pending-grace" is deprecated: use "pending-grace-minutes" (the same value, 60)',
    ]);
  });

  it('accepts both names with the same value (and still warns)', () => {
    const c = parseConfig({ 'pending-grace': '60', 'pending-grace-minutes': ' 60 ' });
    expect(c.pendingGraceMinutes).toBe(60);
    expect(c.warnings).toHaveLength(1);
  });

  it('refuses both names with different values, naming both and both values', () => {
    const error = configError(() => parseConfig({ 'pending-grace': '60', 'pending-grace-minutes': '30' }));
    expect(error.message).toBe(
      'Inputs "pending-grace" (deprecated) and "pending-grace-minutes" are both set, to "60" and "30": give only "pending-grace-minutes"',
    );
    expect(error.inputs).toEqual(['pending-grace', 'pending-grace-minutes']);
  });

  it('names the old name when the value given under it is bad', () => {
    const error = configError(() => parseConfig({ 'pending-grace': 'soon' }));
    expect(error.message).toMatch(
      /^Invalid input "pending-grace": "soon" — expected a whole number of minutes \("pending-grace" is the deprecated name of "pending-grace-minutes"\)$/,
    );
    expect(error.inputs).toEqual(['pending-grace', 'pending-grace-minutes']);
  });
});

describe('notify-on-success → notify-on success', () => {
  it('takes success as a notify-on event: every in-sync run alerts, a resolved one included', () => {
    const c = parseConfig({ ...alerts, 'notify-on': 'drift,error,success' });
    expect(c.sns?.notifyOnSuccess).toBe(true);
    const events = parseNotifyOn(c.sns?.notifyOn ?? '');
    const synced = { status: 'synced', fingerprint: 'f' } as const;
    expect(decideNotification(synced, synced, events, false)).toMatchObject({ send: true, kind: 'synced' });
    expect(decideNotification(synced, { status: 'drift', fingerprint: 'g' }, events, false)).toMatchObject({
      send: true,
      kind: 'resolved',
    });
    expect(decideNotification(synced, synced, parseNotifyOn('drift,error'), false).send).toBe(false);
  });

  it('maps notify-on-success: true onto notify-on plus success, as the old nightly NOTIFY_ON_SUCCESS alerted', () => {
    const c = parseConfig({ ...alerts, 'notify-on-success': 'TRUE' });
    expect(c.sns).toMatchObject({ notifyOn: 'drift,error,success', notifyOnSuccess: true });
    expect(c.warnings).toEqual([
      'Input "notify-on-success" is deprecated: use "notify-on: drift,error,success" (what "true" means now)',
    ]);
    // With another notify-on, success is added to it, not substituted for it.
    expect(parseConfig({ ...alerts, 'notify-on': 'change', 'notify-on-success': 'true' }).sns?.notifyOn).toBe(
      'change,success',
    );
    expect(parseConfig({ ...alerts, 'notify-on': 'error,success', 'notify-on-success': 'true' }).sns?.notifyOn).toBe(
      'error,success',
    );
  });

  it('treats notify-on-success: false as nothing to add, with a warning', () => {
    const c = parseConfig({ ...alerts, 'notify-on-success': 'false' });
    expect(c.sns).toMatchObject({ notifyOn: 'drift,error', notifyOnSuccess: false });
    expect(c.warnings?.[0]).toMatch(/^Input "notify-on-success" is deprecated: "false" changes nothing/);
  });

  it('refuses notify-on-success: false beside a notify-on that alerts on success, naming both', () => {
    const error = configError(() =>
      parseConfig({ ...alerts, 'notify-on': 'drift,success', 'notify-on-success': 'false' }),
    );
    expect(error.message).toMatch(/^Inputs "notify-on-success" \(deprecated\) and "notify-on" disagree: "false" and/);
    expect(error.inputs).toEqual(['notify-on-success', 'notify-on']);
  });

  it('still refuses a value that is not true or false, naming it', () => {
    expect(() => parseConfig({ 'notify-on-success': 'yes' })).toThrow(
      'Invalid input "notify-on-success": "yes" — expected true or false',
    );
  });
});

describe('an input of one mode is checked only when that mode runs', () => {
  const deferred = (raw: Record<string, string>) => parseConfig(raw, { deferModeInputs: true });
  const refusal = (config: Config, mode: RunMode) => {
    try {
      checkModeInputs(config, mode);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it.each([
    ['audit-period', 'bogus', 'audit', /^Invalid input "audit-period": "bogus" — expected last-quarter/],
    ['audit-schedule', 'nightly', 'audit', /^Invalid input "audit-schedule": "nightly"/],
    ['audit-tolerance-minutes', '-1', 'audit', /^Invalid input "audit-tolerance-minutes": "-1"/],
    ['audit-retention-years', 'seven', 'audit', /^Invalid input "audit-retention-years": "seven"/],
    ['concurrency', '0', 'fleet', /^Invalid input "concurrency": "0" — expected at least 1/],
    ['shard', '5/4', 'fleet', /^Invalid input "shard": "5\/4"/],
    ['shards', '999', 'fleet-plan', /^Invalid input "shards": "999"/],
    ['comment', 'yes', 'pull-request', /^Invalid input "comment": "yes" — expected true or false/],
    ['check-name', 'x'.repeat(101), 'pull-request', /^Invalid input "check-name": "x+" — expected at most 100/],
    ['lint-large-table', 'huge', 'pull-request', /^Invalid input "lint-large-table": "huge"/],
  ] as const)('a bad %s (%j) fails only a %s run', (name, value, mode, message) => {
    const config = deferred({ 'database-url': 'postgres://h/db', [name]: value });
    const modes: RunMode[] = ['monitor', 'pull-request', 'audit', 'fleet', 'fleet-plan', 'fleet-merge'];
    const own = (m: RunMode) => (mode.startsWith('fleet') ? m.startsWith('fleet') : m === mode);
    for (const other of modes.filter((m) => !own(m))) expect(refusal(config, other), other).toBeNull();
    for (const same of modes.filter(own)) expect(refusal(config, same), same).toMatch(message);
    // Without deferral (the CLI, which knows its command) the value is refused at once.
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('carries the default of a held-back input meanwhile', () => {
    const c = deferred({ 'audit-period': 'bogus', concurrency: '0', comment: 'yes' });
    expect(c.audit.period).toBe('last-quarter');
    expect(c.fleet.concurrency).toBe(8);
    expect(c.pullRequest.comment).toBe(true);
  });

  it('still refuses at once a bad input every mode reads', () => {
    expect(() => deferred({ 'fail-on': 'sometimes' })).toThrow(/Invalid input "fail-on"/);
    expect(() => deferred({ 'pending-grace-minutes': 'x' })).toThrow(/Invalid input "pending-grace-minutes"/);
  });
});

describe('the CLI takes the new flag and the old one as an alias', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'sda-aliases-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  async function check(...args: string[]) {
    let stderr = '';
    const code = await runCli(['check', ...args], {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      cwd,
      env: {},
    });
    return { code, stderr };
  }

  it('refuses --pending-grace and --pending-grace-minutes with different values, naming both', async () => {
    const { code, stderr } = await check('--pending-grace', '5', '--pending-grace-minutes', '6');
    expect(code).toBe(2);
    expect(stderr).toContain('Inputs "pending-grace" (deprecated) and "pending-grace-minutes" are both set');
  });

  it('checks --pending-grace-minutes like the input', async () => {
    const { code, stderr } = await check('--pending-grace-minutes', 'soon');
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid input "pending-grace-minutes": "soon"');
  });
});
