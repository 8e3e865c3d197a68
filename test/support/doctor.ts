/** Runs `npm run doctor`'s script as its own process, in a clean environment (nothing KIOSK_* from the machine running the tests). */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export function runDoctor(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIOSK_'))) as Record<string, string>;
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), not the tsx wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'doctor.ts'), ...args], {
      cwd: root,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
