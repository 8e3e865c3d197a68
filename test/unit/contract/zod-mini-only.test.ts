/**
 * The renderer bundles the contract, so both use zod/mini: classic zod would put ~96 KB
 * (minified) back into the renderer's initial JS. The lint rule stops a new import of it in
 * app/ or renderer/, and the renderer's bundle is checked for any classic zod module at all.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { refusedImports } from '../../support/eslint';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('zod/mini in the contract and the renderer', () => {
  it('app/ and renderer/ may import zod/mini but not classic zod; the main side may', async () => {
    const classic = ["import * as z from 'zod';", "import type { z } from 'zod';", "import * as z4 from 'zod/v4';"];
    const mini = ["import * as m from 'zod/mini';"];
    for (const file of ['app/contract/x.ts', 'renderer/screens/x.tsx']) {
      expect(await refusedImports(file, [...classic, ...mini].join('\n')), file).toEqual(classic);
    }
    expect(await refusedImports('main/services/config/x.ts', [...classic, ...mini].join('\n'))).toEqual([]);
  }, 30_000);

  it('the renderer, lazy screens included, bundles no module of classic zod', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['renderer/main.tsx'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      jsx: 'automatic',
      outdir: path.join(root, 'dist', 'zod-probe'),
      loader: { '.tsv': 'text', '.svg': 'dataurl', '.png': 'file', '.woff2': 'file' },
      logLevel: 'silent',
    });
    const zodModules = Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/zod/'));
    expect(zodModules.some((f) => f.includes('/v4/mini/')), 'the contract is there, through zod/mini').toBe(true);
    expect(zodModules.filter((f) => f.includes('/v4/classic/') || f.includes('/v3/'))).toEqual([]);
  }, 30_000);
});
