import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnquiryOutcome } from '../../../app/contract';
import { verhoeffValid } from '../../../app/domain/aadhaar';
import { JOURNAL_FILE_NAME, openJournal } from '../../../main/services/journal/journal';
import { createLogger } from '../../../main/services/log/logger';
import { buildZip } from '../../../main/services/log/export';
import { readSuiteSecrets, scanForPrivateData, scanSuiteDataDirs, zipEntries } from '../../support/privacy-scan';
import { SECRETS_FILE_NAME, SUITE_SECRETS_FILE_ENV, recordSuiteSecrets, startRecordedEkoSandbox } from '../../support/suite-secrets';
import { makeTempDir } from '../../support/temp-dir';
import { STATEMENT_NARRATIONS, demoAgentAadhaar } from '../../../main/simulators/eko/demo-customers';

const savedEnv = process.env[SUITE_SECRETS_FILE_ENV];
afterEach(() => {
  if (savedEnv === undefined) delete process.env[SUITE_SECRETS_FILE_ENV];
  else process.env[SUITE_SECRETS_FILE_ENV] = savedEnv;
});

/** A browser-suite root: the secrets file beside the data dirs, as global-setup lays it out. */
function suiteRoot(): string {
  const root = makeTempDir('privacy-root-');
  process.env[SUITE_SECRETS_FILE_ENV] = path.join(root, SECRETS_FILE_NAME);
  return root;
}

// The scan guards the whole browser suite: prove it would catch each kind of leak.
describe('privacy scan', () => {
  it('finds Aadhaar numbers, PID data and keys, and passes clean files', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'clean.log'), 'XXXX XXXX 2346 balance 2208340023.75 mobile XXXXXX3210 ref KSK20261122');
    expect(scanForPrivateData(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'a.log'), 'aadhaar=2341 2341 2346');
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'b.log'), '<PidData><Data type="X">zz</Data></PidData>');
    fs.writeFileSync(path.join(dir, 'c.bin'), Buffer.from('key d2fe1d99-6298-4af2-8cc5-d97dcf46df30'));
    const found = scanForPrivateData(dir).map((f) => `${path.basename(f.file)}:${f.what.split(' ')[0]}`);
    expect(found).toEqual(expect.arrayContaining(['a.log:Aadhaar', 'b.log:PID', 'c.bin:a']));
  });

  it('finds a mini statement’s narration and a demo agent’s Aadhaar number', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'clean.log'), '{"event":"operation finished","kind":"miniStatement","lines":7}');
    expect(scanForPrivateData(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'statement.log'), `line: ${STATEMENT_NARRATIONS[0]!.trim()} 100.0 Cr`);
    fs.writeFileSync(path.join(dir, 'agent.log'), `agent ${demoAgentAadhaar('success')}`);
    const found = scanForPrivateData(dir).map((f) => `${path.basename(f.file)}:${f.what}`);
    expect(found).toEqual(expect.arrayContaining(['statement.log:a mini-statement narration', "agent.log:an agent's Aadhaar number"]));
  });

  it('finds a key and an Aadhaar number inside a deflated zip entry (the exported logs)', () => {
    const dir = makeTempDir();
    const key = 'dev-key-7f3a9c2e41b8d605';
    const zip = buildZip([
      { name: 'kiosk.log', data: Buffer.from(`{"event":"x","k":"${key}"}\n`.repeat(50)) },
      { name: 'kiosk.log.1', data: Buffer.from('{"event":"y","n":"2341 2341 2346"}\n'.repeat(50)) },
    ]);
    // Deflated: the raw bytes do not show the values, so only inflating finds them.
    expect(zip.toString('latin1')).not.toContain(key);
    fs.mkdirSync(path.join(dir, 'exports'));
    fs.writeFileSync(path.join(dir, 'exports', 'logs-1.zip'), zip);
    expect(zipEntries(zip).map((e) => e.name)).toEqual(['kiosk.log', 'kiosk.log.1']);
    const found = scanForPrivateData(dir, [key]).map((f) => `${path.basename(f.file)}:${f.what.split(' ')[0]}`);
    expect(found).toEqual(expect.arrayContaining(['logs-1.zip!kiosk.log:a', 'logs-1.zip!kiosk.log.1:Aadhaar']));
    // A zip it cannot read is reported, not passed as clean.
    fs.writeFileSync(path.join(dir, 'exports', 'broken.zip'), Buffer.concat([zip.subarray(0, 40), Buffer.from('PK\x05\x06')]));
    expect(scanForPrivateData(dir, [key]).some((f) => f.file.includes('broken.zip!') && f.what.startsWith('a zip entry'))).toBe(true);
  });

  describe('in the journal (SQLite)', () => {
    /**
     * A sandbox-shaped success: "UIDAI" + 9 digits, then balance 125.5. On disk the two values lie back to
     * back, so the uidai digits and "125" read as a 12-digit number; the uidai ref is chosen so that this
     * number passes the Verhoeff check, as it did by chance in a CI run (1 time in 10).
     */
    function journalWithAdjacentNumber(dir: string): { junction: string } {
      let uidaiDigits = 234_567_000; // an Aadhaar number starts 2–9
      while (!verhoeffValid(`${uidaiDigits}125`)) uidaiDigits += 1;
      const file = path.join(dir, JOURNAL_FILE_NAME);
      const journal = openJournal({ file, retentionDays: 90, logger: createLogger({ dir: null }) });
      const at = new Date().toISOString();
      const row = { clientRefId: 'KSK20261129111512ABC123', profile: 'demo' as const, maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'State Bank of India' };
      journal.recordSent({ ...row, time: at });
      const outcome: EnquiryOutcome = { ...row, outcome: 'success', at, balance: '125.5', tid: 'EKO17964000000000001', bankRef: 'NPCI0000000001', uidaiRef: `UIDAI${uidaiDigits}` };
      journal.recordOutcome(outcome);
      journal.close();
      return { junction: `${uidaiDigits}125` };
    }

    it('does not take two adjacent values of a row (reference, balance) for an Aadhaar number', () => {
      const dir = makeTempDir();
      const { junction } = journalWithAdjacentNumber(dir);
      // The raw bytes do hold the 12-digit number: a byte scan alone would report it.
      const raw = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
      expect(raw).toContain(junction);
      expect(scanForPrivateData(dir)).toEqual([]);
    });

    it('still finds an Aadhaar number in a stored value, in the WAL, and in a deleted row', () => {
      const dir = makeTempDir();
      journalWithAdjacentNumber(dir);
      const file = path.join(dir, JOURNAL_FILE_NAME);
      // In a value, left in the WAL (no checkpoint: the connection is not closed cleanly).
      const live = new Database(file);
      live.pragma('wal_autocheckpoint = 0');
      live.prepare("UPDATE enquiries SET error_message = 'Aadhaar 2341 2341 2346 failed'").run();
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      const found = scanForPrivateData(dir);
      expect(found.some((f) => f.file === `${file} (table enquiries)` && f.sample === '…2346')).toBe(true);
      expect(found.some((f) => f.file === `${file}-wal` && f.sample === '…2346')).toBe(true);
      live.close();
      // Deleted: gone from every value, still in the file's free space, and still reported.
      const again = new Database(file);
      again.prepare("UPDATE enquiries SET error_message = NULL").run();
      again.prepare("INSERT INTO enquiries (time, updated_at, client_ref_id, profile, masked_mobile, masked_aadhaar, bank_iin, bank_name, outcome, error_message) VALUES ('t', 't', 'GONE', 'demo', 'm', 'a', 'i', 'n', 'sent', 'leaked 4567 8901 2341 here')").run();
      again.prepare("DELETE FROM enquiries WHERE client_ref_id = 'GONE'").run();
      again.close();
      const afterDelete = scanForPrivateData(dir);
      expect(afterDelete.some((f) => f.file.includes('(table'))).toBe(false);
      expect(afterDelete.map((f) => `${path.basename(f.file)}:${f.sample}`)).toContain(`${JOURNAL_FILE_NAME}:…2341`);
    });

    it('reports a database it cannot read value by value', () => {
      const dir = makeTempDir();
      fs.writeFileSync(path.join(dir, 'broken.sqlite'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(200, 0xff)]));
      expect(scanForPrivateData(dir).map((f) => f.what)).toEqual([expect.stringMatching(/^a database that could not be read/)]);
    });
  });

  it('knows the keys of every sandbox the run started and of every kiosk given keys', async () => {
    const root = suiteRoot();
    const sandbox = await startRecordedEkoSandbox();
    await sandbox.close();
    recordSuiteSecrets('startKiosk', ['env-access-key-0123456789', '']);
    const secrets = readSuiteSecrets(path.join(root, SECRETS_FILE_NAME));
    expect(secrets).toEqual(expect.arrayContaining([sandbox.developerKey, sandbox.accessKey, 'env-access-key-0123456789']));
    expect(secrets).not.toContain('');
    // A data dir holding the sandbox's access key is caught; the secrets file itself is not scanned.
    const dataDir = path.join(root, 'kiosk-a');
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'logs', 'kiosk.log'), `{"event":"oops","key":"${sandbox.accessKey}"}\n`);
    const scan = scanSuiteDataDirs(root);
    expect(scan.dirs).toEqual([dataDir]);
    // The random key itself may hold a run that reads as an Aadhaar number (about 1 key in 800): left out here.
    const keyFindings = scan.findings.filter((f) => f.what !== 'Aadhaar number');
    expect(keyFindings.map((f) => f.what)).toEqual(['a key or secret']);
    expect(keyFindings[0]!.file).toBe(path.join(dataDir, 'logs', 'kiosk.log'));
  });

  it('fails when there is no data dir to scan, or no key to look for', async () => {
    const root = suiteRoot();
    expect(() => scanSuiteDataDirs(root)).toThrow(/no data dirs/);
    fs.mkdirSync(path.join(root, 'kiosk-a'));
    expect(() => scanSuiteDataDirs(root)).toThrow(/no keys were recorded/);
    await (await startRecordedEkoSandbox()).close();
    expect(scanSuiteDataDirs(root)).toMatchObject({ dirs: [path.join(root, 'kiosk-a')], secrets: 2, findings: [] });
  });
});
