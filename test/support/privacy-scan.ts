/**
 * Scans files for what must never be written in the clear: Aadhaar numbers
 * (any 12-digit Verhoeff-valid number starting 2–9, grouped or not), PID data,
 * encrypted blobs and keys. Used after the browser suite on every data dir it made.
 */
import fs from 'node:fs';
import path from 'node:path';
import { verhoeffValid } from '../../app/domain/aadhaar';
import { EKO_STAGING_CREDENTIALS } from '../../main/services/config/eko-public-keys';

export interface PrivacyFinding {
  file: string;
  what: string;
  sample: string;
}

const CANDIDATE_AADHAAR = /(?<!\d)[2-9]\d{3}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const PID_MARKERS = [/<PidData/i, /<Skey/i, /<Hmac>/i, /<Data\s+type=/i, /"piddata"\s*:/i];

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

export function scanForPrivateData(dir: string, extraSecrets: readonly string[] = []): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const secrets = [EKO_STAGING_CREDENTIALS.accessKey, EKO_STAGING_CREDENTIALS.developerKey, ...extraSecrets].filter((s) => s.length >= 6);
  for (const file of walk(dir)) {
    // latin1 keeps every byte: SQLite pages and WAL frames are scanned as they lie on disk.
    const text = fs.readFileSync(file).toString('latin1');
    for (const m of text.matchAll(CANDIDATE_AADHAAR)) {
      const digits = m[0].replace(/\D/g, '');
      if (verhoeffValid(digits)) findings.push({ file, what: 'Aadhaar number', sample: `…${digits.slice(-4)}` });
    }
    for (const marker of PID_MARKERS) if (marker.test(text)) findings.push({ file, what: `PID data (${marker.source})`, sample: '' });
    for (const secret of secrets) if (text.includes(secret)) findings.push({ file, what: 'a key or secret', sample: `${secret.slice(0, 3)}…` });
  }
  return findings;
}
