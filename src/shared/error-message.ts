// The one way to turn a caught value into words for a user: the message only, never a stack trace.

/** The message of an Error (or its code or name when the message is empty), else the value as text. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : safeString(error);
  // Node reports a refused `localhost` (tried over IPv6 and IPv4) as an AggregateError with an empty message.
  if (error.message === '' && error instanceof AggregateError) {
    const inner = error.errors.map(errorMessage).filter(Boolean).join('; ');
    if (inner) return inner;
  }
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === 'string' ? code : '') || error.name || 'unknown error';
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    // Object.create(null) and objects with a throwing toString.
    return Object.prototype.toString.call(value);
  }
}
