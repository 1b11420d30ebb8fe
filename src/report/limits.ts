// Size limits of the places a rendering goes, and the helpers renderers use to stay inside them.
// Sizes are measured in UTF-8 bytes: never fewer than characters, so a byte budget also holds for character limits.

/** GitHub's documented limits (step summary per step, check run output, issue/PR comment body). */
export const GITHUB_LIMITS = {
  stepSummaryBytes: 1024 * 1024,
  checkRunSummaryChars: 65_535,
  commentChars: 65_536,
  annotationTitleChars: 255,
  annotationsPerRequest: 50,
} as const;

/** SNS rejects messages over 256 KiB (body and attributes together). */
export const SNS_MESSAGE_MAX_BYTES = 256 * 1024;

/** Default Markdown budget: the step summary limit with room for whatever else the step appends. */
export const DEFAULT_MARKDOWN_MAX_BYTES = GITHUB_LIMITS.stepSummaryBytes - 16 * 1024;

/** Default plain-text budget: safely below SNS's limit, leaving room for the subject and message attributes. */
export const DEFAULT_TEXT_MAX_BYTES = SNS_MESSAGE_MAX_BYTES - 16 * 1024;

export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** Cuts `value` to at most `maxBytes` UTF-8 bytes (marker included) at a code point boundary. */
export function truncateUtf8(value: string, maxBytes: number, marker = '\n… truncated\n'): string {
  if (utf8Length(value) <= maxBytes) return value;
  const room = maxBytes - utf8Length(marker);
  if (room <= 0) return sliceToBytes(marker, maxBytes);
  return sliceToBytes(value, room) + marker;
}

function sliceToBytes(value: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of value) {
    const size = utf8Length(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return value.slice(0, end);
}

/** Shortens one value to `maxChars` characters, ending with '…' when cut. */
export function clip(value: string, maxChars: number): string {
  const chars = Array.from(value);
  return chars.length <= maxChars ? value : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

/**
 * Renders with the largest list limit (0..`largest`) whose output fits `maxBytes`, so every list is cut evenly
 * rather than the first one starving the rest; falls back to a hard cut when even empty lists do not fit.
 */
export function fitToBudget(render: (listLimit: number) => string, largest: number, maxBytes: number): string {
  const full = render(largest);
  if (utf8Length(full) <= maxBytes) return full;
  let low = 0;
  let high = largest - 1;
  let best: string | null = null;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const out = render(mid);
    if (utf8Length(out) <= maxBytes) {
      best = out;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best ?? truncateUtf8(render(0), maxBytes);
}
