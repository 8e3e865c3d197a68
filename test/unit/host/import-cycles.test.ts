/**
 * No import circle anywhere in app/, main/, renderer/ or scripts/, type-only imports included: a
 * circle means two modules that cannot be read (or changed) one without the other. Imports are
 * read with TypeScript's own pre-processor, so `import type` and `export … from` count too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'main', 'renderer', 'scripts'];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  ROOTS.forEach(walk);
  return files;
}

/** Each file's relative imports, resolved to files (type-only ones included). */
export function importGraph(files: readonly string[], read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): Map<string, string[]> {
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | null => {
    if (!spec.startsWith('.')) return null;
    const base = path.join(path.dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((c) => known.has(c)) ?? null;
  };
  return new Map(
    files.map((file) => [file, ts.preProcessFile(read(file), true, true).importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => f !== null)]),
  );
}

/** The import circles (strongly connected components of more than one file, or a file importing itself). */
export function importCircles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('import circles', () => {
  it('finds a type-only circle, and a re-export one (the detector itself)', () => {
    const files = { 'm/a.ts': "import type { B } from './b';", 'm/b.ts': "export { a } from './a';", 'm/c.ts': "import { a } from './a';" };
    const graph = importGraph(Object.keys(files), (f) => files[f as keyof typeof files]);
    expect(importCircles(graph)).toEqual([['m/a.ts', 'm/b.ts']]);
  });

  it('there is none in app/, main/, renderer/ or scripts/', () => {
    const circles = importCircles(importGraph(sourceFiles()));
    expect(circles.map((c) => c.join(' → '))).toEqual([]);
  });
});
