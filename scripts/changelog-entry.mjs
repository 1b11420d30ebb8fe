#!/usr/bin/env node
// Prints the body of one version's entry in CHANGELOG.md (Keep a Changelog: `## [X.Y.Z] - YYYY-MM-DD`), for the
// release workflow to publish as the GitHub release's notes. Fails (exit 1, naming the file and the version) when the
// entry is missing, repeated, undated or empty, so a tag without its entry is never released with empty notes.
//   node scripts/changelog-entry.mjs VERSION [CHANGELOG.md]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The entry's body, or throws saying why there is none. */
function changelogEntry(text, version, where = 'CHANGELOG.md') {
  if (!SEMVER.test(version)) throw new Error(`"${version}" is not a semantic version (X.Y.Z, without a leading v)`);
  const lines = text.split(/\r?\n/);
  const starts = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^## /.test(line)) starts.push(index);
  });
  const own = starts.filter((index) => headingVersion(lines[index]) === version);
  if (own.length === 0) throw new Error(`${where} has no entry "## [${version}] - YYYY-MM-DD"`);
  if (own.length > 1) throw new Error(`${where} has ${own.length} entries for ${version}`);
  const start = own[0];
  const date = lines[start].slice(`## [${version}]`.length).trim();
  if (!/^- /.test(date) || !DATE.test(date.slice(2).trim())) {
    throw new Error(`${where}: the entry "${lines[start]}" has no release date (## [${version}] - YYYY-MM-DD)`);
  }
  const end = starts.find((index) => index > start) ?? lines.length;
  // The link references (`[1.0.0]: https://…`) close the file, after the last entry.
  const body = lines.slice(start + 1, end).filter((line) => !/^\[[^\]]+\]:\s+\S/.test(line));
  while (body.length > 0 && body[0].trim() === '') body.shift();
  while (body.length > 0 && body.at(-1).trim() === '') body.pop();
  if (body.length === 0) throw new Error(`${where}: the entry for ${version} is empty`);
  return `${body.join('\n')}\n`;
}

function headingVersion(line) {
  const match = /^## \[([^\]]+)\]/.exec(line);
  return match ? match[1] : null;
}

const [version, file = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url)), ...extra] = process.argv.slice(2);
try {
  if (!version || extra.length > 0) throw new Error('usage: node scripts/changelog-entry.mjs VERSION [CHANGELOG.md]');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Could not read ${file}: ${error.message}`);
  }
  process.stdout.write(changelogEntry(text, version, file));
} catch (error) {
  process.stderr.write(`changelog-entry: ${error.message}\n`);
  process.exit(1);
}
