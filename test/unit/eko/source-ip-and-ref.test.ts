import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { localIpv4 } from '../../../main/services/eko/source-ip';
import { newClientRefId } from '../../../main/services/eko/client';

type Ifaces = ReturnType<typeof os.networkInterfaces>;
const addr = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as unknown as os.NetworkInterfaceInfo;

describe('source_ip', () => {
  it("picks the first non-internal, non-link-local IPv4 address", () => {
    const ifaces: Ifaces = {
      lo: [addr('127.0.0.1', 'IPv4', true)],
      eth0: [addr('fe80::1', 'IPv6', false), addr('169.254.3.4', 'IPv4', false), addr('192.168.1.23', 'IPv4', false)],
      wlan0: [addr('10.0.0.9', 'IPv4', false)],
    };
    expect(localIpv4(ifaces)).toBe('192.168.1.23');
  });

  it('falls back to 127.0.0.1 when there is none', () => {
    expect(localIpv4({ lo: [addr('127.0.0.1', 'IPv4', true)], eth0: [addr('2001:db8::1', 'IPv6', false)] })).toBe('127.0.0.1');
    expect(localIpv4({})).toBe('127.0.0.1');
  });
});

describe('client_ref_id', () => {
  it('is KSK + local yyyymmddHHMMss + 6 random characters, unique, sortable by time', () => {
    const t = new Date(2024, 0, 2, 3, 4, 5).getTime();
    const ref = newClientRefId(t);
    expect(ref).toMatch(/^KSK20240102030405[0-9A-HJKMNP-TV-Z]{6}$/);
    // 30 random bits within the same second: 50 refs collide about once in 850,000 runs (500 would, once in 4,000).
    const refs = new Set(Array.from({ length: 50 }, () => newClientRefId(t)));
    expect(refs.size).toBe(50);
    expect(newClientRefId(t + 1000) > newClientRefId(t).slice(0, 17)).toBe(true);
  });
});
