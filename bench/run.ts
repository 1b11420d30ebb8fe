// `npm run bench`: runs each benchmark module in turn. To add one, export `benchmark` from a module and list it here.
import { benchmark as audit } from './audit.js';
import { benchmark as heads } from './heads.js';
import { benchmark as lint } from './lint.js';
import { benchmark as structure } from './structure.js';

export interface Benchmark {
  name: string;
  run(): Promise<void>;
}

const benchmarks: Benchmark[] = [heads, structure, lint, audit];

for (const b of benchmarks) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
