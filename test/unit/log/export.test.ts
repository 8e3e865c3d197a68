import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buildZip, defaultExportName, exportLogs, listLogFiles, redactLogText } from '../../../main/services/log/export';
import { createLogger } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

/** Reads a zip by its central directory (independent of the writer's layout). */
function readZip(buf: Buffer): Map<string, string> {
  return new Map(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, data]) => [name, strFromU8(data)]));
}

const dirs: string[] = [];
function tempDir(): string {
  const d = makeTempDir('log-export-');
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the logger writes redacted, size-rotated files', () => {
  it('never writes an Aadhaar number, PID data or a configured secret', () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.addSecrets('d2fe1d99-6298-4af2-8cc5-d97dcf46df30');
    log.info('enquiry for 2345 6789 0123', { pidXml: '<PidData>x</PidData>', note: 'key d2fe1d99-6298-4af2-8cc5-d97dcf46df30', body: '<PidData><Skey>QUJD</Skey>' });
    log.child('eko').warn('request', { headers: { developer_key: 'becbbce45f79c6f5109f848acd540567', 'secret-key': 'MC6dKW278tBef' } });
    const text = fs.readFileSync(path.join(dir, 'kiosk.log'), 'utf8');
    for (const leaked of ['2345 6789 0123', 'QUJD', 'd2fe1d99-6298', 'becbbce45f79c6f5109f848acd540567', 'MC6dKW278tBef']) expect(text).not.toContain(leaked);
    for (const line of text.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('rotates at the size limit and keeps the configured number of files', () => {
    const dir = tempDir();
    const log = createLogger({ dir, maxBytes: 400, keepFiles: 3 });
    for (let i = 0; i < 60; i++) log.info('line', { i, pad: 'x'.repeat(40) });
    expect(listLogFiles(dir)).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    for (const f of listLogFiles(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(400);
    // The newest line is in kiosk.log.
    expect(fs.readFileSync(path.join(dir, 'kiosk.log'), 'utf8')).toContain('"i":59');
  });
});

describe('exporting the logs', () => {
  function seed(dir: string): void {
    // Written by hand, as an older build (or a torn write) might have left them.
    fs.writeFileSync(
      path.join(dir, 'kiosk.log'),
      [
        JSON.stringify({ t: '2025-09-22T10:00:00Z', level: 'info', event: 'enquiry', aadhaar: '234567890123', note: 'for 2345 6789 0123' }),
        JSON.stringify({ t: '2025-09-22T10:00:01Z', level: 'info', event: 'rd', body: '<PidData><Data type="X">AAECAw</Data></PidData>' }),
        '{"t":"2025-09-22T10:00:02Z","level":"info","event":"torn line developer_key=becbbce45f79 for 987654321098',
      ].join('\n') + '\n',
    );
    fs.writeFileSync(path.join(dir, 'kiosk.log.1'), JSON.stringify({ event: 'old', key: 'SEKRET-VALUE-123' }) + '\n');
    fs.writeFileSync(path.join(dir, 'kiosk.log.2'), JSON.stringify({ event: 'older' }) + '\n');
    fs.writeFileSync(path.join(dir, 'config.json'), '{"eko":{"accessKey":"never-exported"}}');
    fs.writeFileSync(path.join(dir, 'kiosk.log.bak'), 'not a log');
  }

  it('into a zip the operator chose, re-redacting every line and keeping JSON lines valid', async () => {
    const logDir = tempDir();
    seed(logDir);
    const out = path.join(tempDir(), 'usb', defaultExportName(new Date(2025, 8, 22, 10, 11, 12)));
    expect(path.basename(out)).toBe('aeps-counter-logs-20250922-101112.zip');
    const result = await exportLogs({ logDir, destination: out, secrets: ['SEKRET-VALUE-123'] });
    expect(result.path).toBe(out);
    expect(result.files).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    expect(result.lines).toBe(5);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const files = readZip(fs.readFileSync(out));
    expect([...files.keys()]).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    const all = [...files.values()].join('\n');
    for (const leaked of ['234567890123', '2345 6789 0123', 'AAECAw', 'becbbce45f79', '987654321098', 'SEKRET-VALUE-123', 'never-exported']) {
      expect(all).not.toContain(leaked);
    }
    const lines = files.get('kiosk.log')!.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'enquiry', aadhaar: '[redacted]', note: 'for [aadhaar]' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ body: '[pid-data]' });
    expect(lines[2]).toContain('torn line');
  });

  it('into a folder', async () => {
    const logDir = tempDir();
    seed(logDir);
    const dest = path.join(tempDir(), 'export');
    const result = await exportLogs({ logDir, destination: dest });
    expect(fs.readdirSync(dest).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    expect(fs.readFileSync(path.join(dest, 'kiosk.log'), 'utf8')).not.toContain('234567890123');
    expect(result.bytes).toBe(fs.readdirSync(dest).reduce((n, f) => n + fs.statSync(path.join(dest, f)).size, 0));
  });

  it('with no logs yet: an empty, valid zip', async () => {
    const out = path.join(tempDir(), 'logs.zip');
    const result = await exportLogs({ logDir: path.join(tempDir(), 'missing'), destination: out });
    expect(result.files).toEqual([]);
    expect(readZip(fs.readFileSync(out)).size).toBe(0);
  });

  it('redactLogText and buildZip on their own', () => {
    expect(redactLogText('{"a":"2345-6789-0123"}\n\nplain 234567890123\n')).toEqual({ text: '{"a":"[aadhaar]"}\nplain [aadhaar]\n', lines: 2 });
    const zip = buildZip([{ name: 'ä.txt', data: Buffer.from('hello '.repeat(100)) }]);
    expect(readZip(zip).get('ä.txt')).toBe('hello '.repeat(100));
  });
});

describe('exports are their owner’s only', () => {
  it.skipIf(process.platform === 'win32')('the zip and its folder, and a folder export, are readable by the owner only', async () => {
    const logDir = tempDir();
    fs.writeFileSync(path.join(logDir, 'kiosk.log'), '{"event":"x"}\n');
    const out = path.join(tempDir(), 'exports', 'logs.zip');
    await exportLogs({ logDir, destination: out });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(out)).mode & 0o777).toBe(0o700);
    const folder = path.join(tempDir(), 'as-files');
    await exportLogs({ logDir, destination: folder });
    expect(fs.statSync(path.join(folder, 'kiosk.log')).mode & 0o777).toBe(0o600);
  });
});
