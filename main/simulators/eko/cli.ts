/**
 * `npx tsx main/simulators/eko/cli.ts [--port 8099] [--awaited-ms 30000] [--latency 0] [--edition spec|current] [--daily-auth-done]`:
 * starts the Eko sandbox on 127.0.0.1 and prints what to set so the kiosk talks to it.
 * The keys are throwaway: a new pair every start (unless given with --developer-key/--access-key).
 */
import { startEkoSandbox } from './sandbox';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? 0);
  const sandbox = await startEkoSandbox({
    port,
    awaitedResolveMs: arg('awaited-ms') !== undefined ? Number(arg('awaited-ms')) : undefined,
    faults: { latencyMs: Number(arg('latency') ?? 0) },
    developerKey: arg('developer-key'),
    edition: arg('edition') === 'current' ? 'current' : 'spec',
    dailyAuthDone: process.argv.includes('--daily-auth-done'),
    accessKey: arg('access-key'),
  });
  console.log(`Eko sandbox listening at ${sandbox.baseUrl}`);
  console.log('Set these for the kiosk (bash; on Windows use `set NAME=value`):');
  for (const [name, value] of Object.entries(sandbox.kioskEnv())) console.log(`  export ${name}=${value}`);
  console.log(`Request edition: ${sandbox.edition}. Daily authentication: ${sandbox.dailyAuth().always ? 'not required (--daily-auth-done)' : 'required once per Indian day'}.`);
  console.log('Demo customers and agents: main/simulators/eko/README.md. Ctrl+C stops.');
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
