import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runShellCommand } from '../../src/monitor/structure-deps.js';

describe('runShellCommand redacts what reference-setup-command prints', () => {
  it('redacts whole lines even when a password arrives split across two writes, and in the failure tail', async () => {
    const lines: string[] = [];
    const command =
      "printf 'connecting to postgres://ref:split-'; sleep 0.2; printf 'secret-pw@db/ref\\n'; " +
      'echo "PGPASSWORD=other-secret" >&2; exit 4';
    const failure = await runShellCommand(command, tmpdir(), (line) => lines.push(line)).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(lines).toEqual(['connecting to postgres://ref:***@db/ref', 'PGPASSWORD=***']);
    expect(failure).toBe('exit 4: connecting to postgres://ref:***@db/ref | PGPASSWORD=***');
  });
});
