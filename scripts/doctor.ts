/**
 * `npm run doctor [-- --json]`: what this PC's kiosk sees, in words or as one JSON object.
 * Exit status 0 when a READY scanner was found.
 */
import { loadConfig, describeConfig, ConfigError } from '../main/services/config/config';
import { runDoctor, printDoctor } from '../main/services/doctor/doctor';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      if (json) console.log(JSON.stringify({ ok: false, error: err.message }));
      else console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const report = await runDoctor(config);
  if (json) console.log(JSON.stringify(report, null, 2));
  else printDoctor(report, describeConfig(config), (line) => console.log(line));
  process.exit(report.rd.selected ? 0 : 1);
}

void main();
