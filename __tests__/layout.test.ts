// The layout ARCHITECTURE.md asks for, checked on the sources: a file in the wrong place or an engine import of the
// outside world fails here rather than in review.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);

describe('source layout', () => {
  it('keeps only entry points at the top of src/', () => {
    const files = readdirSync(src, { withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => e.name).sort()).toEqual(['cli.ts', 'index.ts', 'main.ts']);
  });

  it.each(['migrations', 'catalog', 'drift', 'report'])(
    'the engine folder %s imports neither @actions/* nor the AWS SDK',
    (folder) => {
      const offending = sourcesUnder(join(src, folder)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('@actions/') || spec.startsWith('@aws-sdk/'))
          .map((spec) => `${relative(src, file)} → ${spec}`),
      );
      expect(offending).toEqual([]);
    },
  );

  it('drift/ does not import report/: the report is built from the verdict', () => {
    const offending = sourcesUnder(join(src, 'drift')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('/report/'))
        .map((spec) => `${relative(src, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
