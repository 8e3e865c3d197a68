import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRdSimulator, type RdSimulator } from '../../../main/simulators/rd';
import { runDoctor } from '../../support/doctor';
import { makeTempDir } from '../../support/temp-dir';
import { closedPort } from './helpers';
import { EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';

describe('npm run doctor (scripts/doctor.ts)', () => {
  let sim: RdSimulator;
  let closed: number;
  let dataDir: string;

  beforeAll(async () => {
    sim = await startRdSimulator({ devices: [{ vendor: 'startek', scenario: 'notReady' }, { vendor: 'morpho', protocol: 'https', scenario: 'ready' }] });
    closed = await closedPort();
    dataDir = makeTempDir('kiosk-doctor-');
  });
  afterAll(async () => {
    await sim.close();
  });

  it('--json: one object with version, profile, dataDir and the rd inventory; exit 0 with a READY device', async () => {
    const ports = [...sim.ports, closed].join(',');
    const { code, stdout } = await runDoctor(['--json'], { KIOSK_RD_PORTS: ports, KIOSK_DATA_DIR: dataDir });
    const report = JSON.parse(stdout) as Record<string, unknown> & { rd: { devices: unknown[]; selected: unknown; ms: number } };
    expect(code).toBe(0);
    expect(report).toMatchObject({ profile: 'demo', dataDir });
    expect(typeof report.version).toBe('string');
    expect(report.rd.devices).toEqual([
      { port: sim.ports[0], protocol: 'http', status: 'NOTREADY', info: 'Secure Startek RD Service', capturePath: '/rd/capture', deviceInfoPath: '/rd/info' },
      { port: sim.ports[1], protocol: 'https', status: 'READY', info: 'Morpho_RD_Service', capturePath: '/capture', deviceInfoPath: '/getDeviceInfo' },
    ].sort((a, b) => a.port! - b.port!));
    expect(report.rd.selected).toEqual({ port: sim.ports[1], protocol: 'https' });
    expect(report.rd.ms).toBeGreaterThanOrEqual(0);
    // The device was remembered for the app's next start.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'rd-device.json'), 'utf8'))).toMatchObject({ port: sim.ports[1], protocol: 'https' });
  });

  it('in words: each service as found, then the selection', async () => {
    const { code, stdout } = await runDoctor([], { KIOSK_RD_PORTS: sim.ports.join(','), KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    expect(code).toBe(0);
    expect(stdout).toContain(`found NOTREADY "Secure Startek RD Service" on http port ${sim.ports[0]}`);
    expect(stdout).toContain(`found READY "Morpho_RD_Service" on https port ${sim.ports[1]}`);
    expect(stdout).toMatch(/device: Morpho MSO1300E3, RD service SCPL\.WIN\.001 1\.0\.7, serial \d+, level L1/);
    expect(stdout).toContain(`Scanner: ready — using "Morpho_RD_Service" on https port ${sim.ports[1]}.`);
    // Found lines come before the verdict.
    expect(stdout.indexOf('found READY')).toBeLessThan(stdout.indexOf('Scanner: ready'));
  });

  it('exit 1 and says why when nothing is READY', async () => {
    const text = await runDoctor([], { KIOSK_RD_PORTS: `${sim.ports[0]},${closed}`, KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Scanner: none ready — the RD service runs but reports NOTREADY');
    const json = await runDoctor(['--json'], { KIOSK_RD_PORTS: String(closed), KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).rd).toMatchObject({ devices: [], selected: null });
  });

  it('demo profile without ports: starts the built-in simulator, says so, exit 0', async () => {
    const { code, stdout } = await runDoctor([], { KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/started the built-in RD-service simulator on port \d+, as the app does/);
    expect(stdout).toContain('Scanner: ready — using "Mantra Authentication Vendor Device Manager"');
    const json = await runDoctor(['--json'], { KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    const report = JSON.parse(json.stdout);
    expect(json.code).toBe(0);
    expect(report.notes.some((n: string) => /built-in RD-service simulator/.test(n))).toBe(true);
    expect(report.rd.devices).toHaveLength(1);
    // The Eko member: the demo profile's sandbox, reached with a signed call.
    expect(report.eko).toMatchObject({ ok: true, walletBalance: '2208340023.75', error: null });
    expect(report.eko.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ekoapi\/v3$/);
    expect(typeof report.eko.clockSkewMs).toBe('number');
    expect(stdout).toContain('Eko: reachable at');
    expect(stdout).toContain('wallet balance ₹2,20,83,40,023.75');
  });

  it('reports an unreachable Eko server in words and JSON', async () => {
    const env = {
      KIOSK_RD_PORTS: String(closed),
      KIOSK_EKO_BASE_URL: `http://127.0.0.1:${closed}/ekoapi/v3`,
      KIOSK_EKO_DEVELOPER_KEY: 'dev-key-for-test',
      KIOSK_EKO_ACCESS_KEY: 'access-key-for-test',
      KIOSK_EKO_AADHAAR_KEY: EKO_STAGING_AADHAAR_KEY,
      KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-'),
    };
    const json = await runDoctor(['--json'], env);
    const report = JSON.parse(json.stdout);
    expect(report.eko).toMatchObject({ ok: false, baseUrl: `http://127.0.0.1:${closed}/ekoapi/v3`, walletBalance: null });
    expect(report.eko.error).toBeTruthy();
    expect(report.notes.some((n: string) => /Eko sandbox/.test(n))).toBe(false);
    const text = await runDoctor([], env);
    expect(text.stdout).toContain('Eko: NOT OK at');
    expect(text.stdout + text.stderr).not.toContain('access-key-for-test');
  });

  it('exit 2 on bad configuration', async () => {
    const { code, stdout } = await runDoctor(['--json'], { KIOSK_RD_PORTS: 'abc', KIOSK_DATA_DIR: makeTempDir('kiosk-doctor-') });
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false });
  });
});
