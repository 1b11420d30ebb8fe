// Old input names keep working: each is mapped onto the input that replaced it, with a warning naming both. An old
// and a new name given with different values is a config error naming both, never a silent choice between them.
import { type NotifyOn, parseNotifyOn } from '../publish/notify-policy.js';
import { ConfigError } from './config-error.js';
import { DEPRECATED_INPUTS } from './input-definitions.js';

type Raw = Readonly<Record<string, string | undefined>>;

/** The inputs with every deprecated name folded into its replacement, and one warning per deprecated name used. */
export function resolveDeprecatedInputs(raw: Raw): {
  raw: Record<string, string | undefined>;
  warnings: string[];
  /** New name → the old name its value was given under (renames only). */
  givenAs: Record<string, string>;
} {
  const resolved: Record<string, string | undefined> = { ...raw };
  const warnings: string[] = [];
  const givenAs: Record<string, string> = {};
  for (const old of DEPRECATED_INPUTS) {
    const value = resolved[old.name]?.trim();
    delete resolved[old.name];
    if (!value) continue;
    const current = resolved[old.replacedBy]?.trim();
    if (old.kind === 'rename') {
      if (current && current !== value) {
        throw new ConfigError(
          `Inputs "${old.name}" (deprecated) and "${old.replacedBy}" are both set, to ${JSON.stringify(value)} and ${JSON.stringify(current)}: give only "${old.replacedBy}"`,
          [old.name, old.replacedBy],
        );
      }
      resolved[old.replacedBy] = value;
      givenAs[old.replacedBy] = old.name;
      warnings.push(`Input "${old.name}" is deprecated: use "${old.replacedBy}" (the same value, ${value})`);
      continue;
    }
    warnings.push(notifyOnSuccess(resolved, value));
  }
  return { raw: resolved, warnings, givenAs };
}

/** notify-on-success: `true` adds `success` to notify-on; `false` against a notify-on holding success is refused. */
function notifyOnSuccess(resolved: Record<string, string | undefined>, value: string): string {
  const flag = value.toLowerCase();
  if (flag !== 'true' && flag !== 'false') {
    throw new ConfigError(`Invalid input "notify-on-success": ${JSON.stringify(value)} — expected true or false`, [
      'notify-on-success',
    ]);
  }
  const given = resolved['notify-on']?.trim() || 'drift,error';
  let events: Set<NotifyOn> | undefined;
  try {
    events = parseNotifyOn(given);
  } catch {
    // notify-on's own check reports its bad value, naming it.
    events = undefined;
  }
  if (flag === 'false') {
    if (events?.has('success')) {
      throw new ConfigError(
        `Inputs "notify-on-success" (deprecated) and "notify-on" disagree: "false" and ${JSON.stringify(given)}, which alerts on success: give only "notify-on"`,
        ['notify-on-success', 'notify-on'],
      );
    }
    return `Input "notify-on-success" is deprecated: "false" changes nothing (notify-on "${given}" decides); remove it`;
  }
  const merged = events === undefined || events.has('success') ? given : `${given},success`;
  resolved['notify-on'] = merged;
  return `Input "notify-on-success" is deprecated: use "notify-on: ${merged}" (what "true" means now)`;
}
