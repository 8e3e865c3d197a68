/**
 * `npm run doctor [-- --json]`: what this PC's kiosk sees, in words or as one JSON object.
 * In words, each scanner is printed the moment it answers. Exit status 0 when a READY
 * scanner was found, 1 when none was, 2 when the configuration is bad.
 */
import { loadConfig, describeConfig, resolveDataDir, ConfigError } from '../main/services/config/config';
import { createDevFileSecretStore } from '../main/services/settings/secret-store';
import { runDoctor, printDoctor, printDoctorHeader } from '../main/services/doctor/doctor';
import { demoPeers } from '../main/host/demo-peers';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  let config;
  try {
    // Keys saved by the web host are readable here; keys the desktop app saved with DPAPI only by the app
    // itself (the doctor then says which setting to re-enter, or take from KIOSK_* variables).
    const store = createDevFileSecretStore(resolveDataDir(process.env));
    config = loadConfig(process.env, { decrypt: (b64) => store.decrypt(b64) });
  } catch (err) {
    if (err instanceof ConfigError) {
      if (json) console.log(JSON.stringify({ ok: false, error: err.message }));
      else console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const print = (line: string) => console.log(line);
  if (!json) printDoctorHeader(config, describeConfig(config), print);
  // The demo profile's peers, as the app starts them (the doctor is a host of the services too).
  const report = await runDoctor(config, json ? { peers: demoPeers } : { onLine: print, peers: demoPeers });
  if (json) console.log(JSON.stringify(report, null, 2));
  else printDoctor(report, print);
  process.exit(report.rd.selected ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(`doctor failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(3);
});
