/**
 * Manual testing: run simulated RD services until Ctrl+C.
 *
 *   npx tsx main/simulators/rd/cli.ts --port 11100 --scenario notReady
 *   npx tsx main/simulators/rd/cli.ts --port 11100 --port 11102 --protocol https --vendor morpho --scenario quirks
 *
 * Every --port gets one device; --scenario/--protocol/--vendor/--capture-delay/--answer-delay
 * apply to all of them. Typing a scenario name and Enter switches every device at runtime.
 * `starting` plays a Mantra L1 service still coming up (errCode -1509 for 5 s);
 * `starting:3x` for the next 3 captures, `starting:8000` for 8 s.
 */
import readline from 'node:readline';
import { startRdSimulator, type RdScenario, type RdVendor, type SimDeviceOptions } from './index';

const NAMED: readonly string[] = ['ready', 'notReady', 'used', 'captureTimeout', 'poorQuality', 'unusableQuality', 'nonNumericError', 'slow', 'hang', 'quirks', 'garbage', 'truncated', 'noMc', 'starting'];

function scenarioOf(text: string): RdScenario {
  if (NAMED.includes(text)) return text as RdScenario;
  if (/^err:\S+$/.test(text)) return { errCode: text.slice(4) };
  // starting:<n>x → the next n captures answer -1509; starting:<ms> → for that long.
  const starting = /^starting:(\d+)(x?)$/.exec(text);
  if (starting) return { starting: starting[2] ? { captures: Number(starting[1]) } : { ms: Number(starting[1]) } };
  throw new Error(`unknown scenario "${text}" (one of ${NAMED.join(', ')}, err:<code> e.g. err:730, starting:<ms> or starting:<n>x)`);
}

function parseArgs(argv: string[]): { host: string; devices: SimDeviceOptions[] } {
  const ports: number[] = [];
  const common: SimDeviceOptions = {};
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    switch (flag) {
      case '--port':
        for (const p of value.split(',')) ports.push(Number(p));
        break;
      case '--host':
        host = value;
        break;
      case '--scenario':
        common.scenario = scenarioOf(value);
        break;
      case '--protocol':
        if (value !== 'http' && value !== 'https') throw new Error('--protocol is http or https');
        common.protocol = value;
        break;
      case '--vendor':
        if (!['mantra', 'morpho', 'startek'].includes(value)) throw new Error('--vendor is mantra, morpho or startek');
        common.vendor = value as RdVendor;
        break;
      case '--capture-delay':
        common.captureDelayMs = Number(value);
        break;
      case '--answer-delay':
        common.answerDelayMs = Number(value);
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (ports.some((p) => !Number.isInteger(p) || p < 0 || p > 65535)) throw new Error('--port takes port numbers');
  return { host, devices: (ports.length ? ports : [11100]).map((port) => ({ ...common, port })) };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const sim = await startRdSimulator(args);
  for (const d of sim.devices) {
    console.log(`RD simulator: ${d.vendor} on ${d.protocol}://${sim.host}:${d.port} (${JSON.stringify(d.scenario)})`);
    d.events.on('request', (e: { method: string; path: string }) => console.log(`  ${d.port} ← ${e.method} ${e.path}`));
  }
  console.log('Type a scenario name and Enter to switch; Ctrl+C to stop.');
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    try {
      const s = scenarioOf(line.trim());
      for (const d of sim.devices) d.setScenario(s);
      console.log(`scenario: ${line.trim()}`);
    } catch (err) {
      console.log((err as Error).message);
    }
  });
  const stop = () => {
    rl.close();
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
