import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { KioskError } from '../../../app/contract';
import { createDiagnostics } from '../../../main/services/diagnostics/diagnostics';
import { createLogger, LOG_FILE_NAME } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

describe('diagnostics', () => {
  it('gathers every part and survives a failing check', async () => {
    const dataDir = makeTempDir();
    const diagnostics = createDiagnostics({
      version: '1.2.3', profile: 'demo', dataDir, host: 'web',
      deviceStatus: async () => { throw new Error('scanner gone'); },
      ekoCheck: async () => ({ ok: true, baseUrl: 'http://127.0.0.1:1/ekoapi/v3', clockSkewMs: 12, walletBalance: '100.5', error: null }),
      journalHealth: () => ({ rows: 3, unknown: 1, fileBytes: 4096, file: 'x', schemaVersion: 2 }),
      config: () => ({ profile: 'demo' }),
      secrets: () => [],
      logger: createLogger({ dir: null }),
    });
    const d = await diagnostics.get();
    expect(d).toMatchObject({ version: '1.2.3', device: { state: 'none' }, eko: { ok: true, clockSkewMs: 12 }, journal: { rows: 3, unknown: 1 } });
    expect(d.runtime.node).toBe(process.versions.node);
  });

  it('exports a bundle with the logs redacted again', async () => {
    const dataDir = makeTempDir();
    fs.mkdirSync(path.join(dataDir, 'logs'));
    // A line written by an older, less careful version: the export must still not carry it.
    fs.writeFileSync(path.join(dataDir, 'logs', LOG_FILE_NAME), '{"event":"x","note":"aadhaar 2341 2341 2346 <PidData><Data type=\\"X\\">abc</Data></PidData> key configured-secret-value"}\n');
    const diagnostics = createDiagnostics({
      version: '1', profile: 'demo', dataDir, host: 'web',
      deviceStatus: async () => ({ state: 'none', selected: null, devices: [], deviceInfo: null, scannedAt: null, scanMs: null }),
      ekoCheck: async () => ({ ok: false, baseUrl: 'b', clockSkewMs: null, walletBalance: null, error: { ...new KioskError('eko.offline').toWire(), detail: 'offline' } }),
      journalHealth: () => null,
      config: () => ({ eko: { accessKey: 'should-not-appear' } }),
      secrets: () => ['configured-secret-value'],
      logger: createLogger({ dir: null }),
    });
    const { path: file } = await diagnostics.exportBundle();
    expect(file.startsWith(path.join(dataDir, 'exports'))).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"eko"');
    expect(text).not.toMatch(/2341\s?2341\s?2346/);
    expect(text).not.toContain('<PidData');
    expect(text).not.toContain('should-not-appear');
    expect(text).not.toContain('configured-secret-value');
  });

  it('zips the log files for support, redacted again', async () => {
    const dataDir = makeTempDir();
    fs.mkdirSync(path.join(dataDir, 'logs'));
    fs.writeFileSync(path.join(dataDir, 'logs', LOG_FILE_NAME), '{"event":"a","note":"key configured-secret-value aadhaar 234567890124"}\n');
    fs.writeFileSync(path.join(dataDir, 'logs', `${LOG_FILE_NAME}.1`), '{"event":"older"}\n');
    const diagnostics = createDiagnostics({
      version: '1', profile: 'demo', dataDir, host: 'web',
      deviceStatus: async () => ({ state: 'none', selected: null, devices: [], deviceInfo: null, scannedAt: null, scanMs: null }),
      ekoCheck: async () => ({ ok: true, baseUrl: 'b', clockSkewMs: 0, walletBalance: '1', error: null }),
      journalHealth: () => null,
      config: () => ({}),
      secrets: () => ['configured-secret-value'],
      logger: createLogger({ dir: null }),
    });
    const result = await diagnostics.exportLogs();
    expect(result.path.startsWith(path.join(dataDir, 'exports', 'logs-'))).toBe(true);
    expect(result.path.endsWith('.zip')).toBe(true);
    expect(result).toMatchObject({ files: 2, lines: 2 });
    const zip = fs.readFileSync(result.path);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    // The clear values must not be in the archive: export redacts before zipping.
    const all = Object.values(unzipSync(new Uint8Array(zip))).map((data) => strFromU8(data)).join('\n');
    expect(all).toContain('older');
    expect(all).not.toContain('configured-secret-value');
    expect(all).not.toContain('234567890124');
  });
});
