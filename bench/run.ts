// `npm run bench`: runs each benchmark module in turn. To add one, export `benchmark` from a module and list it here.
import { benchmark as audit } from './audit.js';
import { benchmark as fleet } from './fleet.js';
import { benchmark as heads } from './heads.js';
import { benchmark as lint } from './lint.js';
import { benchmark as pullRequest } from './pull-request.js';
import { benchmark as structure } from './structure.js';

export interface Benchmark {
  name: string;
  run(): Promise<void>;
}

const benchmarks: Benchmark[] = [heads, structure, lint, audit, pullRequest, fleet];

for (const b of benchmarks) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
