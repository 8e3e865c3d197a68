/** Shared set-up for the Eko tests: a sandbox on loopback, a client for it, and every log line captured. */
import net from 'node:net';
import { createEkoClient, type EkoClient, type EkoClientConfig, type EkoClientOptions } from '../../../main/services/eko/client';
import { createLogger, type Logger } from '../../../main/services/log/logger';
import { startEkoSandbox, type EkoSandbox, type EkoSandboxOptions } from '../../../main/simulators/eko/sandbox';

/** A PID block shaped like a real RD service's (Data type X, DeviceInfo mc), with recognisable markers. */
export const SAMPLE_PID =
  '<?xml version="1.0"?><PidData><Resp errCode="0" errInfo="Success" fCount="1" fType="2" nmPoints="38" qScore="81"/>' +
  '<DeviceInfo dpId="MANTRA.MSIPL" rdsId="MANTRA.WIN.001" rdsVer="1.0.8" mi="MFS100" mc="MIIEGDCCAwCgAwIBAgIEAQIDBDANBgkqhkiG9w0BAQsFADCB"/>' +
  '<Skey ci="20250101">PIDSKEYMARKERqwertyuiopasdfghjkl</Skey><Hmac>PIDHMACMARKERzxcvbnm</Hmac>' +
  '<Data type="X">PIDDATAMARKERmnbvcxzlkjhgfdsapoiuytrewq</Data></PidData>';

export const PID_MARKERS = ['PIDSKEYMARKER', 'PIDHMACMARKER', 'PIDDATAMARKER', '<PidData'];

export const CUSTOMER_MOBILE = '9876543210';

export function clientConfig(sandbox: EkoSandbox, overrides: Partial<EkoClientConfig> = {}): EkoClientConfig {
  return {
    ...sandbox.clientCredentials(),
    agentMobile: '9962981729',
    latlong: '28.6139,77.2090',
    requestTimeoutMs: 3000,
    enquiryTimeoutMs: 3000,
    ...overrides,
  };
}

export interface Fixture {
  sandbox: EkoSandbox;
  logger: Logger;
  lines: string[];
  client(overrides?: Partial<EkoClientConfig>, options?: EkoClientOptions): EkoClient;
  close(): Promise<void>;
}

export async function startFixture(options: EkoSandboxOptions = {}): Promise<Fixture> {
  const sandbox = await startEkoSandbox(options);
  const lines: string[] = [];
  // debug level: the scan must see everything the client could ever write.
  const logger = createLogger({ dir: null, minLevel: 'debug', onLine: (line) => lines.push(line) });
  const clients: EkoClient[] = [];
  return {
    sandbox,
    logger,
    lines,
    client(overrides = {}, clientOptions = {}) {
      const client = createEkoClient(clientConfig(sandbox, overrides), logger.child('eko'), clientOptions);
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.stop()));
      await sandbox.close();
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Everything that must never appear in a log line. */
export function forbiddenInLogs(fixture: Fixture, aadhaarNumbers: readonly string[], encrypted: readonly string[] = []): string[] {
  const found: string[] = [];
  const text = fixture.lines.join('\n');
  for (const number of aadhaarNumbers) {
    if (text.includes(number)) found.push(`aadhaar ${number.slice(-4)}`);
    const grouped = number.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3');
    if (text.includes(grouped)) found.push(`grouped aadhaar ${number.slice(-4)}`);
  }
  for (const marker of PID_MARKERS) if (text.includes(marker)) found.push(`pid ${marker}`);
  if (text.includes(fixture.sandbox.accessKey)) found.push('access key');
  if (text.includes(fixture.sandbox.developerKey)) found.push('developer key');
  for (const value of encrypted) if (value && text.includes(value.slice(0, 40))) found.push('encrypted aadhaar');
  if (/secret-key"?\s*[:=]\s*"?[A-Za-z0-9+/]{20,}/.test(text)) found.push('secret-key header');
  return found;
}
