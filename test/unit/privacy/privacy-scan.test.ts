import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForPrivateData } from '../../support/privacy-scan';
import { makeTempDir } from '../../support/temp-dir';

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
});
