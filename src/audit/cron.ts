// When a schedule was meant to run: the five-field cron of a GitHub `schedule` trigger (UTC), expanded over a period.

interface Field {
  min: number;
  max: number;
}
const FIELDS: Field[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week (0 and 7 are Sunday)
];

function parseField(text: string, field: Field, expression: string): { values: Set<number>; any: boolean } {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`Invalid schedule "${expression}": "${part}" is not a cron field`);
    const [, whole, a, b, step] = match;
    const from = whole === '*' ? field.min : Number(a);
    const to = whole === '*' ? field.max : b !== undefined ? Number(b) : step !== undefined ? field.max : from;
    const by = step === undefined ? 1 : Number(step);
    if (from < field.min || to > field.max || from > to || by < 1) {
      throw new Error(`Invalid schedule "${expression}": "${part}" is outside ${field.min}-${field.max}`);
    }
    for (let v = from; v <= to; v += by) values.add(v);
  }
  return { values, any: text === '*' };
}

/** Every time in [from, to) at which the cron expression fires, in UTC. */
export function cronTimes(expression: string, from: Date, to: Date): Date[] {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`Invalid schedule "${expression}": a cron expression has five fields`);
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i] as Field, expression));
  if (!minutes || !hours || !days || !months || !weekdays) throw new Error(`Invalid schedule "${expression}"`);
  if (weekdays.values.has(7)) weekdays.values.add(0);
  const times: Date[] = [];
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (; day < to; day.setUTCDate(day.getUTCDate() + 1)) {
    if (!months.values.has(day.getUTCMonth() + 1)) continue;
    const domOk = days.values.has(day.getUTCDate());
    const dowOk = weekdays.values.has(day.getUTCDay());
    // As cron: when both day fields are restricted, either may match.
    const dayOk = days.any ? dowOk : weekdays.any ? domOk : domOk || dowOk;
    if (!dayOk) continue;
    for (const h of [...hours.values].sort((x, y) => x - y)) {
      for (const m of [...minutes.values].sort((x, y) => x - y)) {
        const at = new Date(day.getTime() + h * 3_600_000 + m * 60_000);
        if (at >= from && at < to) times.push(at);
      }
    }
  }
  return times;
}
