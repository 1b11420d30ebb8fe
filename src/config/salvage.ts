// When the inputs are bad, the run still owes an `error` report: stored and alerted where that is still safe.
// This finds what of the configuration can carry it — never by guessing a bad value, only by leaving out every
// destination a bad input belongs to (a bad s3-prefix must not send the report to the default prefix instead).
import { type Config, ConfigError, type ParseOptions, parseConfig, type RawInputs } from './config.js';

const S3_INPUTS = ['s3-bucket', 's3-prefix', 's3-kms-key-id', 's3-object-lock-mode', 's3-object-lock-days'];
const AWS_IDENTITY_INPUTS = ['role-to-assume', 'aws-region', 'role-session-name', 'role-duration-seconds', 'audience'];

/** The inputs to blank when `input` is bad: itself, and the destinations it would have changed. */
function blankedWith(input: string): string[] {
  if (S3_INPUTS.includes(input)) return S3_INPUTS;
  // Stored reports are signed with it: without it, nothing is stored rather than stored unsigned.
  if (input === 'kms-signing-key-id') return [input, ...S3_INPUTS, 'report-dir'];
  // Another identity (the default chain instead of the role) must not write the evidence or send the alert.
  if (AWS_IDENTITY_INPUTS.includes(input)) return [input, ...S3_INPUTS, 'sns-topic-arn'];
  return [input];
}

/**
 * The configuration for delivering the config-error report, after `error` from parseConfig(raw): null when the
 * environment itself is bad (no honest place to file the report under) or nothing else can be salvaged.
 */
export function deliveryConfigDespite(raw: RawInputs, error: ConfigError, options: ParseOptions = {}): Config | null {
  const inputs: Record<string, string | undefined> = { ...raw };
  let current: ConfigError = error;
  for (let round = 0; round < 50; round++) {
    if (current.inputs.length === 0 || current.inputs.includes('environment')) return null;
    for (const bad of current.inputs) for (const name of blankedWith(bad)) inputs[name] = '';
    try {
      return parseConfig(inputs, options);
    } catch (next) {
      if (!(next instanceof ConfigError)) return null;
      current = next;
    }
  }
  return null;
}
