/** The `source_ip` Eko wants: this PC's first non-internal IPv4 address, else loopback. */
import os from 'node:os';

export function localIpv4(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string {
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      // Node 18.0–18.3 reported family as a number; accept both.
      const v4 = address.family === 'IPv4' || (address.family as unknown) === 4;
      if (v4 && !address.internal && !address.address.startsWith('169.254.')) return address.address;
    }
  }
  return '127.0.0.1';
}
