// Which mode the action runs in, from the `mode` input and the event that triggered the workflow.
export type Mode = 'monitor' | 'pull-request' | 'audit';

const MODES = ['auto', 'monitor', 'pull-request', 'audit'] as const;

/** Resolves `auto`; throws (naming the input and the event) for unknown modes and for `pull_request_target`. */
export function resolveMode(input: string | undefined, eventName: string): Mode {
  const mode = (input ?? '').trim() || 'auto';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new Error(`Invalid input "mode": ${JSON.stringify(mode)} — expected auto, monitor, pull-request or audit`);
  }
  if (eventName === 'pull_request_target' && mode !== 'monitor' && mode !== 'audit') {
    throw new Error(
      "The pull-request check does not run on pull_request_target: that event runs with the base repository's " +
        "secrets and a write token, and this check reads the pull request's migration files — untrusted code must " +
        'not run with secrets. Trigger the workflow with `on: pull_request` instead.',
    );
  }
  if (mode === 'auto') return eventName === 'pull_request' ? 'pull-request' : 'monitor';
  if (mode === 'pull-request' && eventName !== 'pull_request') {
    throw new Error(
      `Input "mode" is pull-request but the event is ${JSON.stringify(eventName)}; the pull-request check runs on \`on: pull_request\``,
    );
  }
  return mode as Mode;
}
