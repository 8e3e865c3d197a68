/** The project's own lint config, run on code given as text. */
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..', '..');
let eslint: ESLint | null = null;

/** The lines of `code` the lint config refuses as imports, when the code stands in `file` (repo-relative). */
export async function refusedImports(file: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => code.split('\n')[m.line - 1]!);
}
