import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer imports assets/*.tsv as text (esbuild's text loader); the same here.
  plugins: [
    {
      name: 'tsv-as-text',
      transform(code: string, id: string) {
        return id.endsWith('.tsv') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
      },
    },
  ],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['test/support/vitest-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
