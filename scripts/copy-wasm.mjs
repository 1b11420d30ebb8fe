// libpg-query loads its WebAssembly from the folder of the script that runs it, which ncc does not copy: put it beside
// both bundles (the action's dist/ and the CLI's dist/cli/).
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const wasm = path.join(path.dirname(createRequire(import.meta.url).resolve('libpg-query')), 'libpg-query.wasm');
for (const dir of ['dist', 'dist/cli']) copyFileSync(wasm, path.join(dir, 'libpg-query.wasm'));
