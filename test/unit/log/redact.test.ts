import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../../main/services/log/redact';

const PID_XML =
  '<PidData><Resp errCode="0" errInfo="Success" fCount="1" fType="2" nmPoints="30" qScore="80"/>' +
  '<DeviceInfo dpId="MANTRA.MSIPL" rdsId="MANTRA.WIN.001" rdsVer="1.0.8" mi="MFS100" mc="MIIEGDCCAwCgAwIBAgIEAWv9ZzANBgkqhkiG9w0BAQsFADCB6jEqMCgGA1UEAxMhRFMgTWFudHJhIFNvZnRlY2ggSW5kaWEgUHZ0IEx0ZCA3"/>' +
  '<Skey ci="20250922">Hx4yk2V9m8sN3PqZt7bW0aR1cX5eLfJgUoYd6vKiMnBhTs+/wQ==</Skey>' +
  '<Hmac>Zm9vYmFyYmF6cXV4</Hmac><Data type="X">AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj</Data></PidData>';

describe('redactText: Aadhaar numbers and VIDs', () => {
  it.each([
    ['ungrouped', 'aadhaar 234567890123 entered', '234567890123'],
    ['grouped by spaces', 'number 2345 6789 0123 typed', '2345 6789 0123'],
    ['grouped by dashes', 'number 2345-6789-0123 typed', '2345-6789-0123'],
    ['at the start and end', '987654321098', '987654321098'],
    ['glued to letters', 'uid234567890123x', '234567890123'],
    ['in a JSON string', '{"customer":"9999 8888 7777"}', '9999 8888 7777'],
    ['in a URL', '/enquiry?adhar=234567890123&x=1', '234567890123'],
    ['grouped by dots', 'number 2345.6789.0124 typed', '2345.6789.0124'],
    ['grouped by double spaces', 'number 2345  6789  0124 typed', '2345  6789  0124'],
    ['grouped by percent-encoded spaces', '/q?n=2345%206789%200124&x=1', '2345%206789%200124'],
    ['grouped by form-encoded spaces', 'n=2345+6789+0124', '2345+6789+0124'],
    ['grouped by percent-encoded dashes', 'n=2345%2D6789%2d0124', '2345%2D6789%2d0124'],
  ])('%s', (_label, text, secret) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).not.toMatch(/\d{4}[\s-]?\d{4}[\s-]?\d{4}/);
  });

  it('VIDs (16 digits), grouped or not', () => {
    for (const vid of ['9123456789012345', '9123 4567 8901 2345', '9123-4567-8901-2345', '9123.4567.8901.2345', '9123%204567%208901%202345']) {
      const out = redactText(`vid ${vid} used`);
      expect(out).toBe('vid [vid] used');
    }
  });

  it('keeps what is not an Aadhaar number: mobiles, amounts, times, masked Aadhaar, longer numbers', () => {
    for (const text of [
      'mobile 9962981729',
      'balance 5500.75',
      '2025-09-22T10:11:12.123Z',
      'XXXX XXXX 0123',
      'took 123 ms',
      'IIN 607094',
      '"maskedAadhaar":"XXXX XXXX 1234"',
    ]) {
      expect(redactText(text)).toBe(text);
    }
    // A 12-digit run inside a longer number is not cut out of it (and the 16-digit VID rule takes 16).
    expect(redactText('ref 1234567890123456789')).toBe('ref 1234567890123456789');
  });

  it('no 12-digit Aadhaar-shaped number survives, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[2-9]\d{11}$/),
        fc.constantFrom('', ' ', '-', '.', '  ', '%20', '+'),
        fc.string({ maxLength: 20 }).filter((s) => !/\d$/.test(s)),
        fc.string({ maxLength: 20 }).filter((s) => !/^\d/.test(s)),
        (digits, sep, before, after) => {
          const grouped = sep ? `${digits.slice(0, 4)}${sep}${digits.slice(4, 8)}${sep}${digits.slice(8)}` : digits;
          const out = redactText(`${before}${grouped}${after}`);
          expect(out).not.toContain(digits);
          expect(out).not.toContain(grouped);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('redactText: PID data', () => {
  it('a whole PID block', () => {
    const out = redactText(`captured ${PID_XML} ok`);
    expect(out).toBe('captured [pid-data] ok');
  });

  it('a PID block cut off mid-way (a truncated log field)', () => {
    const cut = PID_XML.slice(0, 260);
    const out = redactText(`rd answered: ${cut}`);
    expect(out).toBe('rd answered: [pid-data]');
  });

  it('its encrypted parts wherever they appear alone, whole or cut off', () => {
    expect(redactText('<Skey ci="20250922">Hx4yk2V9m8sN3PqZ</Skey> then')).toBe('[pid-data] then');
    expect(redactText('<Hmac>Zm9vYmFy</Hmac>')).toBe('[pid-data]');
    expect(redactText('<Data type="X">AAECAwQF')).toBe('[pid-data]');
    expect(redactText('&lt;pid&gt; <Data type="P">AAEC</Data>')).not.toContain('AAEC');
  });

  it('JSON-escaped PID XML inside a string field', () => {
    const escaped = JSON.stringify({ body: PID_XML });
    const out = redactText(escaped);
    expect(out).not.toContain('Hx4yk2V9');
    expect(out).not.toContain('Zm9vYmFy');
    expect(out).not.toContain('AAECAwQF');
  });
});

describe('redactText: keys and secrets', () => {
  it.each([
    ['developer_key header', 'developer_key: becbbce45f79c6f5109f848acd540567', 'becbbce45f79c6f5109f848acd540567'],
    ['secret-key header', 'secret-key: MC6dKW278tBef+AuqL/5rW2K3WgOegF0ZHLW/FriZQw=', 'MC6dKW278tBef+AuqL/5rW2K3WgOegF0ZHLW/FriZQw='],
    ['access_key in a query', 'GET /x?initiator_id=9962981729&access_key=d2fe1d99-6298&y=2', 'd2fe1d99-6298'],
    ['JSON field, double quotes', '{"developer_key":"abc123def456","x":1}', 'abc123def456'],
    ['JSON field, single quotes', "{'secret_key': 'zzz999yyy888'}", 'zzz999yyy888'],
    ['Authorization Bearer', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', 'eyJhbGciOiJIUzI1NiJ9'],
    ['Authorization Basic', 'authorization=Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['the web host launch token header', 'x-kiosk-token: 5f1e2d3c4b5a', '5f1e2d3c4b5a'],
    ['the launch secret in a URL', 'Kiosk ready at http://127.0.0.1:5178/#k=9f8e7d6c5b4a3f2e', '9f8e7d6c5b4a3f2e'],
    ['an encrypted aadhaar field', '"aadhaar":"Qk9HVVMgRU5DUllQVEVE"', 'Qk9HVVMgRU5DUllQVEVE'],
    ['a password', 'password=hunter2hunter2', 'hunter2hunter2'],
    ['a piddata form field', 'piddata=%3CPidData%3E', '%3CPidData%3E'],
  ])('%s', (_label, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
    expect(redactText(text)).toContain('[redacted]');
  });

  it.each([
    ['a pin query field', 'unlock?pin=1234&x=1', '1234'],
    ['a newPin JSON field', '{"newPin":"1234","profile":"demo"}', '1234'],
    ['a current_pin form field', 'current_pin=86420', '86420'],
    ['a PIN in words', 'operator PIN: 9753', '9753'],
    ['the stored PIN hash', '"operatorPinHash":"scrypt$16384$8$1$c2FsdA==$aGFzaA=="', 'aGFzaA=='],
  ])('the operator PIN: %s', (_label, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
    expect(redactText(text)).toContain('[redacted]');
  });

  it('keeps ordinary 4-digit numbers and words that only contain "pin"', () => {
    for (const text of ['port=11100 took 1234 ms', '{"qScore":1234,"count":4321}', 'spinner=1234', 'pincode=110001', '"pinSet":true', 'year 2025 row 1234']) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('does not mistake the timestamp header for the key', () => {
    expect(redactText('secret-key-timestamp: 1758528000000')).toBe('secret-key-timestamp: 1758528000000');
  });

  it('long base64 runs (encrypted Aadhaar, certificates) and PEM blocks', () => {
    const b64 = 'A'.repeat(40) + 'b/+9'.repeat(20) + '==';
    expect(redactText(`enc ${b64} end`)).toBe('enc [base64] end');
    const pem = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq1\nw3Xk0z9f==\n-----END PUBLIC KEY-----';
    expect(redactText(`key ${pem} loaded`)).toBe('key [pem] loaded');
    expect(redactText('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC')).toBe('[pem]');
  });

  it('configured secrets wherever they appear (6 characters or more)', () => {
    const secrets = ['d2fe1d99-6298-4af2-8cc5-d97dcf46df30', 'Sh0rtKey'];
    const out = redactText('sent d2fe1d99-6298-4af2-8cc5-d97dcf46df30 and Sh0rtKey and x=Sh0rtKey;', secrets);
    expect(out).toBe('sent [secret] and [secret] and x=[secret];');
    expect(redactText('abc abc', ['abc'])).toBe('abc abc');
  });
});

describe('redactValue', () => {
  it('redacts secret-named fields whatever their value, and every string elsewhere, without changing the input', () => {
    const input = {
      aadhaar: 'anything',
      pidXml: '<x/>',
      developerKey: 'k',
      nested: { list: ['234567890123', { token: 't' }], note: 'Authorization: Bearer abc.def' },
      maskedAadhaar: 'XXXX XXXX 0123',
      count: 3,
      ok: true,
      none: null,
    };
    const copy = structuredClone(input);
    const out = redactValue(input) as typeof input;
    expect(input).toEqual(copy);
    expect(out).toEqual({
      aadhaar: '[redacted]',
      pidXml: '[redacted]',
      developerKey: '[redacted]',
      nested: { list: ['[aadhaar]', { token: '[redacted]' }], note: 'Authorization: "[redacted]"' },
      maskedAadhaar: 'XXXX XXXX 0123',
      count: 3,
      ok: true,
      none: null,
    });
  });

  it('redacts the operator PIN and its hash under any of their names, and keeps other numbers', () => {
    expect(redactValue({ pin: '1234', newPin: '86420', current_pin: '9753', operatorPinHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', pinSet: true, qScore: 1234, port: '1234' })).toEqual({
      pin: '[redacted]',
      newPin: '[redacted]',
      current_pin: '[redacted]',
      operatorPinHash: '[redacted]',
      pinSet: true,
      qScore: 1234,
      port: '1234',
    });
  });

  it('redacts keys, errors, and stops at depth', () => {
    expect(redactValue({ '234567890123': 'x' })).toEqual({ '[aadhaar]': 'x' });
    const err = Object.assign(new Error('RD said <PidData><Data>AAAA</Data></PidData> for 234567890123'), { code: 'E1' });
    expect(redactValue(err)).toEqual({ name: 'Error', message: 'RD said [pid-data] for [aadhaar]', code: 'E1' });
    let deep: Record<string, unknown> = { v: 'x' };
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[deep]');
  });
});
