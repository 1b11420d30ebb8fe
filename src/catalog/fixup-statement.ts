// One fix-up statement and its safety class. Fix-up SQL is safe by construction: every statement says whether it
// only changes the catalog (`safe`), takes a lock that blocks writes to a table while it runs (`locks`), or can lose
// data (`destructive`); destructive statements are written commented out with the reason, never runnable as offered.
import { commentText } from './sql-quote.js';

export type Safety = 'safe' | 'locks' | 'destructive';
export const SAFETIES: readonly Safety[] = ['safe', 'locks', 'destructive'];

export interface Statement {
  /** The SQL, ending in `;`; for a note, the text of a comment. */
  sql: string;
  safety: Safety;
  /** Why a destructive statement is not run, or what a note asks of a human. */
  reason?: string;
  /** A comment for a human, not SQL: nothing could be derived that is safe to run. */
  note?: boolean;
}

export const safe = (sql: string): Statement => ({ sql, safety: 'safe' });
export const locks = (sql: string): Statement => ({ sql, safety: 'locks' });
export const destructive = (sql: string, reason: string): Statement => ({ sql, safety: 'destructive', reason });
/** A change left to a human; `safety` is the class of what the human would have to run. */
export const manual = (text: string, safety: Safety = 'safe'): Statement => ({
  sql: text,
  safety,
  reason: text,
  note: true,
});

/** The worst class among the statements (safe when there are none). */
export function worstSafety(statements: readonly Statement[]): Safety {
  let worst = 0;
  for (const s of statements) worst = Math.max(worst, SAFETIES.indexOf(s.safety));
  return SAFETIES[worst] ?? 'safe';
}

/** True when a statement is run as offered (not a note, not destructive). */
export const runnable = (s: Statement): boolean => !s.note && s.safety !== 'destructive';

/** Statements as SQL text: notes and destructive statements become `--` lines, so pasting the text never runs them. */
export function renderStatements(statements: readonly Statement[]): string {
  const lines: string[] = [];
  for (const s of statements) {
    if (s.note) lines.push(`-- ${commentText(s.sql)}`);
    else if (s.safety === 'destructive') {
      lines.push(`-- destructive, not run: ${commentText(s.reason ?? 'can lose data')}`);
      for (const line of s.sql.split('\n')) lines.push(`-- ${commentText(line)}`);
    } else lines.push(s.sql);
  }
  return lines.join('\n');
}
