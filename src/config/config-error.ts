// The one error a bad input raises: its message names the input(s) and repeats the bad value.

/** A bad input (or combination), naming the inputs so the caller knows which part of the run it disables. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly inputs: readonly string[] = [],
  ) {
    super(message);
  }
}
