// A self-contained HTML rendering of the presentation document, stored beside the JSON as the evidence a person
// reads and prints: inline CSS, no scripts, no external assets, every value escaped. Readable from 360 to 1600 px:
// tables scroll sideways instead of breaking headers or identifiers, SQL wraps only at spaces, and it prints on A4
// or Letter with each section on its own page and link targets written out.
import type { Block, Comparison, Document, Fact, Inline, Mark, Section, Text } from './presentation/document.js';
import { FIX_SQL_MAX_CHARS, fixSqlLines } from './presentation/wording.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Colours come in light and dark pairs; severity and state always carry their word too, for print and colour-blind
// readers. `overflow-wrap: break-word` is the last resort for prose only: it breaks a word only when the word
// alone is wider than the line. Table headers and code never break; their tables scroll instead.
const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--code:#eff2f5;--link:#0969da;
--synced:#1a7f37;--drift:#9a6700;--error:#cf222e;--security:#cf222e;--breaking:#bc4c00;--cosmetic:#59636e;--warning:#9a6700;--notice:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--head:#151b23;--code:#212830;--link:#4493f8;
--synced:#3fb950;--drift:#d29922;--error:#f85149;--security:#f85149;--breaking:#db6d28;--cosmetic:#9198a1;--warning:#d29922;--notice:#4493f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:100rem;padding:1rem clamp(.75rem,3vw,2rem);color:var(--fg);background:var(--bg);overflow-wrap:break-word}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{font-size:1rem;margin:1.4rem 0 .5rem}h4{font-size:.95rem;margin:1.2rem 0 .4rem}
a{color:var(--link)}p,ul{margin:.5rem 0}li{margin:.2rem 0}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
.scroll,pre{--sh:rgba(127,127,127,.45);background-image:linear-gradient(to right,var(--c,var(--bg)) 40%,transparent),linear-gradient(to left,var(--c,var(--bg)) 40%,transparent),radial-gradient(farthest-side at 0 50%,var(--sh),transparent),radial-gradient(farthest-side at 100% 50%,var(--sh),transparent);background-position:left center,right center,left center,right center;background-size:1.5rem 100%,1.5rem 100%,.6rem 100%,.6rem 100%;background-repeat:no-repeat;background-attachment:local,local,scroll,scroll}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}
th{background:var(--head);white-space:nowrap;font-weight:600}
td.num{text-align:right;white-space:nowrap}td.prose{min-width:14rem}
tr.fixed td{border-bottom:0}tr.fix td{border-top:0;padding-top:0}
tr.fix td::before{content:attr(data-label);display:block;font-size:.8em;color:var(--muted);margin-bottom:.15rem}
code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
code{background:var(--code);border-radius:4px;padding:.05em .3em}
code{white-space:nowrap}code.words{white-space:normal}code.words>span,pre>span{white-space:nowrap}
p code,li code,blockquote code,footer code{display:inline-block;max-width:100%;overflow-x:auto;vertical-align:bottom}
pre{--c:var(--code);margin:0;padding:.45rem .6rem;background-color:var(--code);border-radius:4px;white-space:pre-wrap;overflow-wrap:normal;word-break:normal;overflow-x:auto}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:4px solid var(--error);background:var(--head)}
em.absent{color:var(--muted)}
.badge{display:inline-block;border-radius:1rem;padding:.05rem .7rem;font-weight:600;font-size:.9em;vertical-align:.1em}
.security,.breaking,.cosmetic,.error,.warning,.notice{font-weight:600}
.security{color:var(--security)}.breaking{color:var(--breaking)}.cosmetic{color:var(--cosmetic)}
.error{color:var(--error)}.warning{color:var(--warning)}.notice{color:var(--notice)}
td.security,td.breaking,td.cosmetic{white-space:nowrap}
/* After the severity colours: the state's word stays readable on its own colour (.error is both). */
.badge.synced,.badge.drift,.badge.error{color:var(--bg)}
.badge.synced{background:var(--synced)}.badge.drift{background:var(--drift)}.badge.error{background:var(--error)}
h2.error,h3.security,h3.breaking,h3.cosmetic,h3.error,h3.warning,h3.notice{border-left:4px solid currentColor;padding-left:.5rem}
table.facts th{width:1%}
@media screen and (max-width:40rem){table.facts,table.facts tbody,table.facts tr,table.facts th,table.facts td{display:block;width:auto}
table.facts tr{border-bottom:1px solid var(--line)}table.facts th,table.facts td{border:0}table.facts th{background:none;color:var(--muted);font-size:.85em;padding-bottom:0}
table.facts td code{display:inline-block;max-width:100%;overflow-x:auto;vertical-align:bottom}}
footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.6rem;color:var(--muted);font-size:.85em}
footer p{margin:.15rem 0}
@page{margin:16mm 14mm}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#444;--line:#999;--head:#eee;--code:#f3f3f3;--link:#000}
body{font-size:10pt;max-width:none;padding:0}
.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
main>section:not(.lead){break-before:page}
h2,h3,h4{break-after:avoid}tr,pre,blockquote,li{break-inside:avoid}tr.fixed{break-after:avoid}
table.data tr.fixed{margin-bottom:0;border-bottom:0}table.data tr.fix{border-top:0}thead{display:table-header-group}
.scroll{overflow:visible}.scroll,pre{background-image:none}
td.prose{min-width:0}
a[href]::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted);overflow-wrap:anywhere}
table.data,table.data tbody,table.data tr,table.data td{display:block;width:auto}
table.data thead{display:none}table.data tr{border:1px solid var(--line);margin:0 0 .5rem}
table.data td{border:0;padding:.15rem .55rem;text-align:left}
table.data td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--fg)}
}`;

/** The whole document as one HTML page. */
export function renderHtml(document: Document): string {
  const title = escapeHtml(`schema-drift: ${document.title}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title><style>${STYLE}</style></head>
<body>
<header>
<h1><span class="badge ${escapeHtml(document.state)}">${escapeHtml(document.badge ?? document.state)}</span> ${escapeHtml(document.title)}</h1>
${factsTable(document.facts)}
</header>
<main>
${document.sections.map((s) => sectionHtml(s, 2)).join('\n')}
</main>
<footer>${document.footer.map((fact) => `<p>${footerFact(fact)}</p>`).join('')}</footer>
</body></html>
`;
}

function factsTable(facts: readonly Fact[]): string {
  const rows = facts.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${inline(f.value)}</td></tr>`);
  return `<div class="scroll"><table class="facts">${rows.join('')}</table></div>`;
}

function sectionHtml(s: Section, level: number): string {
  const h = `h${Math.min(level, 6)}`;
  // Lead sections print on the first page, with the facts; the others start a page of their own.
  const lead = s.lead && level === 2 ? ' class="lead"' : '';
  const heading = `<${h}${s.mark ? ` class="${s.mark}"` : ''}>${escapeHtml(s.title)}</${h}>`;
  const blocks = s.blocks.map((b) => blockHtml(b, level)).join('\n');
  return `<section id="${escapeHtml(s.id)}"${lead}>${heading}\n${blocks}</section>`;
}

function blockHtml(block: Block, level: number): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'quote':
      return `<blockquote>${inline(block.text)}</blockquote>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block);
    case 'comparisons':
      return comparisonsHtml(block.items);
    case 'section':
      return sectionHtml(block, level + 1);
  }
}

function tableHtml(block: Extract<Block, { type: 'table' }>): string {
  const head = [...(block.numbered ? ['#'] : []), ...block.columns.map((c) => c.title)];
  const rows = block.rows.map((row, i) => {
    const number = block.numbered ? `<td class="num" data-label="#">${i + 1}</td>` : '';
    const cells = row.map((cell, c) => {
      const column = block.columns[c];
      const kind = column?.align === 'right' ? ' class="num"' : isProse(cell) ? ' class="prose"' : '';
      return `<td${kind} data-label="${escapeHtml(column?.title ?? '')}">${inline(cell)}</td>`;
    });
    return `<tr>${number}${cells.join('')}</tr>`;
  });
  return scrollTable(head, rows);
}

// One row per difference: severity (word and colour), what differs and both values; its fix-up SQL follows in a
// row of the table's full width, so long statements wrap less and the columns above stay narrow.
function comparisonsHtml(items: readonly Comparison[]): string {
  const marked = items.some((c) => c.mark !== undefined);
  const head = [...(marked ? ['Severity'] : []), 'Difference', 'Expected', 'Actual'];
  const rows = items.map((c) => {
    const cells = [
      marked ? markCell(c.mark) : '',
      `<td class="prose" data-label="Difference">${inline(c.title)}</td>`,
      `<td data-label="Expected">${inline(c.expected)}</td>`,
      `<td data-label="Actual">${inline(c.actual)}</td>`,
    ];
    const fix =
      c.code === null
        ? ''
        : `<tr class="fix"><td colspan="${head.length}" data-label="Fix-up SQL"><pre>${sqlHtml(c.code)}</pre></td></tr>`;
    return `<tr${fix ? ' class="fixed"' : ''}>${cells.join('')}</tr>${fix}`;
  });
  return scrollTable(head, rows);
}

function markCell(mark: Mark | undefined): string {
  return mark === undefined ? '<td></td>' : `<td class="${mark}">${escapeHtml(mark)}</td>`;
}

// On paper, where nothing can scroll, each row of a data table prints as a block of labelled values instead.
function scrollTable(head: readonly string[], rows: readonly string[]): string {
  const headRow = `<tr>${head.map((title) => `<th scope="col">${escapeHtml(title)}</th>`).join('')}</tr>`;
  return `<div class="scroll"><table class="data"><thead>${headRow}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

// The HTML is the full evidence: SQL is shown whole (control characters made visible), never cut for size.
function sqlHtml(sql: string): string {
  return fixSqlLines(sql, Math.max(FIX_SQL_MAX_CHARS, sql.length + 1))
    .map(unbreakableWords)
    .join('\n');
}

/**
 * Code: never broken inside a word. Browsers also break after "-", "/" and other punctuation, which no CSS turns
 * off, so each word is its own unbreakable span and only the spaces between them may wrap.
 */
function codeHtml(value: string): string {
  if (!value.includes(' ')) return `<code>${escapeHtml(value)}</code>`;
  return `<code class="words">${unbreakableWords(value)}</code>`;
}

function unbreakableWords(line: string): string {
  return line
    .split(/( +)/)
    .map((part) => (part === '' || part.startsWith(' ') ? part : `<span>${escapeHtml(part)}</span>`))
    .join('');
}

function isProse(text: Text): boolean {
  return text.some((part) => typeof part === 'string' && part.includes(' '));
}

function footerFact(fact: Fact): string {
  return fact.label === '' ? inline(fact.value) : `${escapeHtml(fact.label)}: ${inline(fact.value)}`;
}

function inline(text: Text): string {
  return text.map(inlinePart).join('');
}

function inlinePart(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('code' in part) {
    if (part.short === undefined || part.code.length <= part.short) return codeHtml(part.code);
    return `<code title="${escapeHtml(part.code)}">${escapeHtml(part.code.slice(0, part.short))}</code>`;
  }
  if ('strong' in part) return `<strong>${inline(part.strong)}</strong>`;
  if ('absent' in part) return `<em class="absent">${escapeHtml(part.absent)}</em>`;
  // Anything but http(s) (javascript:, data:) is left out entirely: the JSON beside this page keeps the value.
  if (/^https?:\/\//i.test(part.href)) return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.link)}</a>`;
  return escapeHtml(part.link);
}
