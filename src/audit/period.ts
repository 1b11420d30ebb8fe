// The period an audit covers: explicit dates, a calendar quarter, or the last full month or quarter.

export interface Period {
  /** Inclusive start (00:00 UTC). */
  from: Date;
  /** Exclusive end (00:00 UTC of the day after the last day). */
  to: Date;
  label: string;
}

const day = (text: string, flag: string): Date => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`Invalid --${flag} "${text}": use a date YYYY-MM-DD`);
  }
  return date;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Resolves --from/--to or --period (last-quarter, last-month, YYYY-Qn) against today. */
export function resolvePeriod(options: { from?: string; to?: string; period?: string }, now: Date): Period {
  if (options.period && (options.from || options.to)) {
    throw new Error('Give either --period or --from/--to, not both');
  }
  if (options.from || options.to) {
    if (!options.from || !options.to) throw new Error('--from and --to go together');
    const from = day(options.from, 'from');
    const last = day(options.to, 'to');
    if (last < from) throw new Error(`Invalid period: --to ${options.to} is before --from ${options.from}`);
    const to = new Date(last.getTime() + 86_400_000);
    return { from, to, label: `${options.from} to ${options.to}` };
  }
  const period = options.period ?? 'last-quarter';
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  let from: Date;
  let to: Date;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    from = new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1));
    to = new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 1));
  } else if (period === 'last-month') {
    from = new Date(Date.UTC(y, m - 1, 1));
    to = new Date(Date.UTC(y, m, 1));
  } else if (period === 'last-quarter') {
    const start = Math.floor(m / 3) * 3;
    from = new Date(Date.UTC(y, start - 3, 1));
    to = new Date(Date.UTC(y, start, 1));
  } else {
    throw new Error(`Invalid --period "${period}": use last-quarter, last-month or YYYY-Qn (e.g. 2026-Q3)`);
  }
  const label = `${period} (${iso(from)} to ${iso(new Date(to.getTime() - 86_400_000))})`;
  return { from, to, label };
}
