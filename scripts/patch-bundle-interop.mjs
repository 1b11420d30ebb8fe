// Post-build step for the ncc bundles. ncc 0.45 ships a webpack runtime whose `__webpack_require__.t` (the namespace
// object made for `await import('module')` of a CommonJS external) copies the properties of objects only; Node's
// `module` builtin is a function, so PGlite's `const { createRequire } = await import('module')` received undefined
// and the bundled CLI failed with "e is not a function". Newer webpack walks functions too; this applies the same
// one-condition change to each bundle and fails the build when the runtime no longer has the expected shape.
import { readFileSync, writeFileSync } from 'node:fs';

const before = "typeof current == 'object' && !~leafPrototypes.indexOf(current)";
const after = "(typeof current == 'object' || typeof current == 'function') && !~leafPrototypes.indexOf(current)";

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (text.includes(after)) continue;
  const count = text.split(before).length - 1;
  if (count !== 1) {
    console.error(
      `patch-bundle-interop: expected the webpack namespace helper once in ${file}, found it ${count} times`,
    );
    process.exit(1);
  }
  writeFileSync(file, text.replace(before, after));
}
