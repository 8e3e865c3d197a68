// Lint: typescript-eslint's recommended rules plus the import directions of the design
// (app runs anywhere; renderer never imports main; only main/electron knows Electron).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process'];
// The renderer bundles the contract: both take zod/mini, whose functional API tree-shakes; classic zod's
// chained methods bring the whole library (~96 KB minified) into the renderer's initial JS.
const classicZod = ['zod', 'zod/v4', 'zod/v3'].map((name) => ({ name, message: "Use `import * as z from 'zod/mini'` here: classic zod is too big for the renderer." }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron knows Electron.' }] }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier",
        message: "Use `import * as z from 'zod'`: the named import defeats tree-shaking (+350 KB in the renderer).",
      }, {
        selector: "ImportDeclaration[source.value='zod/mini'][importKind!='type'] > ImportSpecifier",
        message: "Use `import * as z from 'zod/mini'`: the named import defeats tree-shaking.",
      }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'axios', ...classicZod],
        patterns: [...nodeBuiltins, '**/main/**', '**/renderer/**'],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'axios', 'node-forge', ...classicZod],
        patterns: [...nodeBuiltins, '**/main/**'],
      }],
    },
  },
  // By any path: the package, its subpaths, and main/electron however relative ('../electron/ipc').
  // test/unit/host/import-directions.test.ts proves these.
  ...[
    // Services know neither host nor simulator: the host layer hands the demo peers in (main/host/demo-peers.ts).
    { files: ['main/services/**'], also: [{ regex: '(^|/)simulators(/|$)', message: 'Services never import the simulators: the host layer wires the demo peers in (main/services/demo-peers.ts).' }] },
    // The simulators stand in for the peers: they share only main/protocol with the services.
    { files: ['main/simulators/**'], also: [{ regex: '(^|/)services(/|$)', message: 'The simulators never import a service: share the rule through main/protocol or app/.' }] },
    { files: ['main/host/**', 'main/web/**', 'main/protocol/**'], also: [] },
  ].map(({ files, also }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)electron(/|$)', message: 'Services and the web host must not know Electron: only main/electron does.' },
          { regex: '(^|/)renderer(/|$)', message: 'The main side never imports the renderer.' },
          ...also,
        ],
      }],
    },
  })),
  {
    files: ['main/electron/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [] }] },
  },
);
