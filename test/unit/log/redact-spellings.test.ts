/**
 * Redaction that cannot be slipped: every spelling of an Aadhaar number (or VID) that a program
 * or a person could put in a log line is cut out, and our own transaction references, and text
 * without such numbers, come out exactly as they went in.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidAadhaar, verhoeffCheckDigit, verhoeffValid } from '../../../app/domain/aadhaar';
import { newClientRefId } from '../../../main/services/eko/client';
import { redactLogText } from '../../../main/services/log/export';
import { createLogger } from '../../../main/services/log/logger';
import { redactText, redactValue } from '../../../main/services/log/redact';
import { makeTempDir } from '../../support/temp-dir';

// --- Generators ---------------------------------------------------------------------------------

/** Random Verhoeff-valid Aadhaar numbers (first digit 2–9, not palindromes). */
const aadhaarArb = fc
  .stringMatching(/^[2-9]\d{10}$/)
  .map((body) => `${body}${verhoeffCheckDigit(body)}`)
  .filter((n) => isValidAadhaar(n));

/** Random Verhoeff-valid 16-digit VIDs. */
const vidArb = fc.stringMatching(/^[1-9]\d{14}$/).map((body) => `${body}${verhoeffCheckDigit(body)}`);

/** The zero digit of each script a number may be written in. */
const SCRIPTS = {
  ascii: 0x30,
  devanagari: 0x966,
  fullWidth: 0xff10,
  arabicIndic: 0x660,
  extendedArabicIndic: 0x6f0,
} as const;
type Script = keyof typeof SCRIPTS;
const scriptArb = fc.constantFrom(...(Object.keys(SCRIPTS) as Script[]));
const inScript = (digits: string, script: Script) => digits.replace(/\d/g, (d) => String.fromCodePoint(SCRIPTS[script] + Number(d)));

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u180e'];
const invisibleArb = fc.constantFrom(...INVISIBLES);

/** What people and programs put between the groups of 4. */
const separatorArb = fc.oneof(
  fc.constantFrom('', '-', '_', '/', ',', '.', ' - ', '+', '%20', '\t', '\u00a0', ', ', ' / ', '\u2013', '\uff0d'),
  fc.integer({ min: 1, max: 8 }).map((n) => ' '.repeat(n)),
  invisibleArb,
);

/** Text around a number: anything, then a character that is neither a digit nor a separator. */
const BOUNDARIES = [':', '"', '=', '(', ')', 'x', 'Q', 'क', '|', '#', '[', ']', '{', '}', '<', '>', '!', '?', ';', '*', '~', '\n'];
const aroundArb = fc.tuple(fc.string({ maxLength: 24 }), fc.constantFrom(...BOUNDARIES), fc.constantFrom(...BOUNDARIES), fc.string({ maxLength: 24 }));

/** A number spelled: grouped 4-4-4(-4) with random separators, invisibles sprinkled between digits, in a script. */
const spelledArb = (numberArb: fc.Arbitrary<string>) =>
  fc
    .record({
      digits: numberArb,
      seps: fc.array(separatorArb, { minLength: 3, maxLength: 3 }),
      script: scriptArb,
      mixedScripts: fc.array(scriptArb, { minLength: 16, maxLength: 16 }),
      mixed: fc.boolean(),
      sprinkle: fc.array(fc.option(invisibleArb, { freq: 3 }), { minLength: 16, maxLength: 16 }),
    })
    .map(({ digits, seps, script, mixedScripts, mixed, sprinkle }) => {
      let out = '';
      for (let i = 0; i < digits.length; i++) {
        if (i > 0 && i % 4 === 0) out += seps[i / 4 - 1];
        else if (i > 0) out += sprinkle[i] ?? '';
        out += inScript(digits[i]!, mixed ? mixedScripts[i]! : script);
      }
      return { digits, spelled: out };
    });

// --- What "the number survived" means ---------------------------------------------------------

/** Every decimal digit of any script as ASCII, invisibles and marks dropped. */
function asciiDigits(text: string): string {
  return text.replace(/[\p{Default_Ignorable_Code_Point}\p{M}]/gu, '').replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    for (const zero of Object.values(SCRIPTS)) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
    return d;
  });
}

/** The number's digits do not appear in the output, however grouped or spelled. */
function expectGone(output: string, digits: string): void {
  const normalized = asciiDigits(output);
  expect(normalized.replace(/\D/g, '')).not.toContain(digits);
  expect(output).not.toContain(Buffer.from(digits).toString('base64').slice(0, 16));
  expect(output).not.toContain(Buffer.from(digits).toString('hex'));
}

// --- Spellings --------------------------------------------------------------------------------

describe('no spelling of an Aadhaar number survives', () => {
  it.each([
    ['underscores', '2345_6789_0124'],
    ['slashes', '2345/6789/0124'],
    ['commas', '2345,6789,0124'],
    ['three spaces', '2345   6789   0124'],
    ['spaced dashes', '2345 - 6789 - 0124'],
    ['zero-width spaces between digits', '2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8\u200b9\u200b0\u200b1\u200b2\u200b4'],
    ['zero-width joiners and word joiners', '2345\u200d6789\u20600124'],
    ['soft hyphens', '2345\u00ad6789\u00ad0124'],
    ['Devanagari digits', '२३४५ ६७८९ ०१२४'],
    ['full-width digits', '２３４５６７８９０１２４'],
    ['Arabic-Indic digits', '٢٣٤٥٦٧٨٩٠١٢٤'],
    ['Extended Arabic-Indic digits', '۲۳۴۵۶۷۸۹۰۱۲۴'],
    ['Bengali digits with a combining mark', '২৩৪৫\u0301৬৭৮৯০১২৪'],
    ['JSON \\u escapes of Devanagari digits', '\\u0968\\u0969\\u096a\\u096b\\u096c\\u096d\\u096e\\u096f\\u0966\\u0967\\u0968\\u096a'],
    ['one digit at a time', '2 3 4 5 6 7 8 9 0 1 2 4'],
    ['pairs', '23-45-67-89-01-24'],
    ['threes', '234 567 890 124'],
  ])('%s', (_label, text) => {
    const out = redactText(`customer ${text} entered`);
    expect(out).toBe('customer [aadhaar] entered');
  });

  it('grouped by any separators, in any script, with invisibles anywhere (property)', () => {
    fc.assert(
      fc.property(spelledArb(aadhaarArb), aroundArb, ({ digits, spelled }, [before, b1, b2, after]) => {
        expectGone(redactText(`${before}${b1}${spelled}${b2}${after}`), digits);
      }),
      { numRuns: 400 },
    );
  });

  it('VIDs grouped by any separators, in any script (property)', () => {
    fc.assert(
      fc.property(spelledArb(vidArb), aroundArb, ({ digits, spelled }, [before, b1, b2, after]) => {
        expectGone(redactText(`${before}${b1}${spelled}${b2}${after}`), digits);
      }),
      { numRuns: 200 },
    );
  });

  const encodings = fc.constantFrom('base64', 'base64url', 'hex', 'HEX', 'hexdump', 'json-number', 'byte-list', 'base64-in-json', 'hex-in-json');
  it('encoded: base64, hex, a JSON number, bytes (property)', () => {
    fc.assert(
      fc.property(
        aadhaarArb,
        encodings,
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        fc.constantFrom('', ' ', '-'),
        aroundArb,
        (digits, encoding, pre, post, sep, [before, b1, b2, after]) => {
          const grouped = sep ? `${digits.slice(0, 4)}${sep}${digits.slice(4, 8)}${sep}${digits.slice(8)}` : digits;
          // Inside a longer payload, at any byte alignment.
          const payload = Buffer.from(`${pre}"${grouped}"${post}`);
          const encoded = {
            base64: Buffer.from(grouped).toString('base64'),
            base64url: payload.toString('base64url'),
            hex: Buffer.from(grouped).toString('hex'),
            HEX: payload.toString('hex').toUpperCase(),
            hexdump: `<Buffer ${Buffer.from(grouped).toString('hex').match(/../g)!.join(' ')}>`,
            'json-number': `{"amount":0,"n":${digits}}`,
            'byte-list': JSON.stringify(Buffer.from(grouped)),
            'base64-in-json': JSON.stringify({ blob: payload.toString('base64') }),
            'hex-in-json': JSON.stringify({ blob: payload.toString('hex') }),
          }[encoding]!;
          expectGone(redactText(`${before}${b1}${encoded}${b2}${after}`), digits);
          expect(redactText(`${before}${b1}${encoded}${b2}${after}`)).not.toContain(encoded);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('base64 cut off at any character (a truncated line)', () => {
    fc.assert(
      // (Text before the number ends in a non-digit: a longer number is not an Aadhaar number.)
      fc.property(aadhaarArb, fc.string({ maxLength: 9 }).map((s) => `${s}:`), fc.integer({ min: 0, max: 3 }), (digits, pre, cut) => {
        const b64 = Buffer.from(`${pre}${digits}"}`).toString('base64').slice(cut);
        expectGone(redactText(`body ${b64} end`), digits);
      }),
      { numRuns: 200 },
    );
  });

  it('in logged values: numbers, BigInts, Buffers, Uint8Arrays, ArrayBuffers, error codes (property)', () => {
    fc.assert(
      fc.property(aadhaarArb, spelledArb(aadhaarArb), (digits, { digits: other, spelled }) => {
        const bytes = Buffer.from(`customer ${digits}`);
        const value = {
          asNumber: Number(digits),
          asNegative: -Number(digits),
          asBigInt: BigInt(digits),
          nested: [{ deep: BigInt(other) }],
          buffer: Buffer.from(digits),
          u8: new Uint8Array(bytes),
          view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
          spelled: Buffer.from(spelled),
          error: Object.assign(new Error(`failed for ${spelled}`), { code: BigInt(digits) }),
        };
        const line = JSON.stringify(redactValue(value));
        expectGone(line, digits);
        expectGone(line, other);
      }),
      { numRuns: 200 },
    );
  });

  it('BigInts and binary bytes that are not Aadhaar numbers are logged as they are', () => {
    expect(redactValue({ n: 42n, big: 12345678901234567890n, bin: Buffer.from([0, 1, 2, 255]), text: Buffer.from('OK 200') })).toEqual({
      n: '42',
      big: '12345678901234567890',
      bin: '[4 bytes]',
      text: 'OK 200',
    });
    expect(redactValue({ amount: 5500.75, mobile: 9962981729, at: new Date(0) })).toEqual({ amount: 5500.75, mobile: 9962981729, at: '1970-01-01T00:00:00.000Z' });
    expect(redactValue({ a: 234567890124, b: 234567890124n })).toEqual({ a: '[aadhaar]', b: '[aadhaar]' });
  });
});

// --- VIDs and our references ------------------------------------------------------------------

const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const stampArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2045-12-31T23:59:59Z'), noInvalidDate: true });
/** References shaped exactly as newClientRefId makes them, with every tail (digits first included). */
const refArb = fc
  .tuple(stampArb, fc.array(fc.constantFrom(...REF_ALPHABET), { minLength: 6, maxLength: 6 }), fc.array(fc.constantFrom(...'0123456789'), { minLength: 0, maxLength: 6 }))
  .map(([d, tail, digitsFirst]) => {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
    return `KSK${stamp}${[...digitsFirst, ...tail].slice(0, 6).join('')}`;
  });
const refContexts = [
  (r: string) => r,
  (r: string) => `reference ${r} answered`,
  (r: string) => JSON.stringify({ t: '2026-12-02T14:30:05.123Z', event: 'enquiry', clientRefId: r, maskedAadhaar: 'XXXX XXXX 0124', amount: 0 }),
  (r: string) => `POST /ekoapi/v2/aeps?initiator_id=9962981729&client_ref_id=${r}&user_code=20810200`,
  (r: string) => `refs ${r}, ${r} - ${r}/${r}`,
  (r: string) => `संदर्भ ${r} पूरा`,
];

describe('VIDs stand on their own; our references never change', () => {
  it('a 16-digit VID, alone or grouped by any separator', () => {
    for (const vid of ['9123456789012345', '9123 4567 8901 2345', '9123_4567_8901_2345', '9123/4567/8901/2345', '9123 - 4567 - 8901 - 2345', '9123\u200b4567\u200b8901\u200b2345', '९१२३ ४५६७ ८९०१ २३४५']) {
      expect(redactText(`vid ${vid} used`)).toBe('vid [vid] used');
      expect(redactText(`"vid":"${vid}"`)).toBe('"vid":"[redacted]"');
      expect(redactText(`{"x":"${vid}"}`)).toBe('{"x":"[vid]"}');
    }
  });

  it('a 16-digit run inside a token is not a VID, unless it passes the Verhoeff check like every real VID', () => {
    const notVid = '9123456789012345';
    expect(verhoeffValid(notVid)).toBe(false);
    expect(redactText(`TXN${notVid}AB`)).toBe(`TXN${notVid}AB`);
    fc.assert(
      fc.property(vidArb, fc.constantFrom('VID', 'uid', 'x'), (vid, glue) => {
        expect(redactText(`${glue}${vid}`)).toBe(`${glue}[vid]`);
      }),
      { numRuns: 100 },
    );
  });

  it('references from newClientRefId come out untouched, in any context (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2045, 11, 31) }), fc.constantFrom(...refContexts), (ms, context) => {
        const text = context(newClientRefId(ms));
        expect(redactText(text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('every reference shape, including tails that start with digits (property)', () => {
    fc.assert(
      fc.property(refArb, fc.constantFrom(...refContexts), (ref, context) => {
        const text = context(ref);
        expect(redactText(text)).toBe(text);
        expect(redactValue({ clientRefId: ref, note: text })).toEqual({ clientRefId: ref, note: text });
      }),
      { numRuns: 2000 },
    );
  });

  it('a reference beside an Aadhaar number: the number goes, the reference stays', () => {
    fc.assert(
      fc.property(refArb, spelledArb(aadhaarArb), (ref, { digits, spelled }) => {
        const out = redactText(`ref ${ref} for ${spelled}.`);
        expect(out).toContain(ref);
        expectGone(out, digits);
      }),
      { numRuns: 300 },
    );
  });
});

// --- Text without Aadhaar numbers ---------------------------------------------------------------

/** Words, short numbers (at most 11 digits, any script) and log-shaped values, never two numbers side by side. */
const wordArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,12}$/),
  // Devanagari words: a consonant first, vowel signs (combining marks) after.
  fc
    .tuple(fc.constantFrom(...'कखगघचजटडतदनपबमयरलवसह'), fc.array(fc.constantFrom(...'कखगचजतदनमरलसािीुूेैोौं्'), { maxLength: 7 }))
    .map(([first, rest]) => first + rest.join('')),
  fc.constantFrom('took', 'ms', 'balance', '₹', 'OK', 'maskedAadhaar'),
);
const shortNumberArb = fc.oneof(
  fc.stringMatching(/^\d{1,11}$/),
  fc.tuple(fc.stringMatching(/^\d{1,11}$/), scriptArb).map(([d, s]) => inScript(d, s)),
  fc.constantFrom('5500.75', '9962981729', '607094', '11100', '1,23,456.50', '+91 99629 81729', '10:11:12', 'XXXX XXXX 0124', '2025-09-22T10:11:12.123Z'),
);
const joinerArb = fc.constantFrom(' ', '  ', ', ', ' - ', '/', '_', '\t', ' | ', '\u200b', '. ');
const mixedTextArb = fc
  .array(fc.tuple(wordArb, joinerArb, fc.option(shortNumberArb), joinerArb), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([w, j1, n, j2]) => (n === null ? `${w}${j1}` : `${w}${j1}${n}${j2}`)).join(''));

describe('text without Aadhaar numbers comes out untouched', () => {
  it('mixed words, short numbers in any script, separators and invisibles (property)', () => {
    fc.assert(
      fc.property(mixedTextArb, (text) => {
        expect(redactText(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

// --- Secret names, however spelled ---------------------------------------------------------------

describe('secret field names in any spelling', () => {
  const NAMES = [
    ['developer', 'key'],
    ['secret', 'key'],
    ['access', 'key'],
    ['api', 'key'],
    ['client', 'secret'],
    ['private', 'key'],
  ];
  const spellings = (a: string, b: string) => [
    `${a} ${b}`,
    `${a}_${b}`,
    `${a}-${b}`,
    `${a}.${b}`,
    `${a}${b}`,
    `${a}${b[0]!.toUpperCase()}${b.slice(1)}`,
    `${a.toUpperCase()} ${b.toUpperCase()}`,
    `${a[0]!.toUpperCase()}${a.slice(1)}-${b[0]!.toUpperCase()}${b.slice(1)}`,
  ];
  it.each(NAMES)('%s %s', (a, b) => {
    for (const name of spellings(a!, b!)) {
      for (const text of [`${name}: s3cr3tV4lue`, `${name} : s3cr3tV4lue`, `${name}=s3cr3tV4lue`, `"${name}":"s3cr3tV4lue"`, `'${name}': 's3cr3tV4lue'`]) {
        const out = redactText(`header ${text} sent`);
        expect(out, text).not.toContain('s3cr3tV4lue');
        expect(out).toContain('[redacted]');
      }
      expect(redactValue({ [name]: 's3cr3tV4lue' }), name).toEqual({ [name]: '[redacted]' });
    }
  });

  it('prefixed names in objects (ekoDeveloperKey, eko.accessKey) and unrelated names left alone', () => {
    expect(redactValue({ ekoDeveloperKey: 'a', 'eko.accessKey': 'b', adminPassword: 'c', keyCount: 3, maskedAadhaar: 'XXXX XXXX 0124' })).toEqual({
      ekoDeveloperKey: '[redacted]',
      'eko.accessKey': '[redacted]',
      adminPassword: '[redacted]',
      keyCount: 3,
      maskedAadhaar: 'XXXX XXXX 0124',
    });
  });
});

// --- End to end ------------------------------------------------------------------------------------

describe('the logger and the export, end to end', () => {
  it('a logger writing to a temp dir: the file holds no spelling of the number, and BigInts log', () => {
    const dir = makeTempDir('log-redact-');
    try {
      const log = createLogger({ dir });
      const samples = fc.sample(fc.tuple(spelledArb(aadhaarArb), aadhaarArb, vidArb), { numRuns: 40, seed: 1302 });
      for (const [{ digits, spelled }, plain, vid] of samples) {
        log.info(`enquiry for ${spelled}`, {
          note: `customer ${spelled} vid ${vid.replace(/(\d{4})(?=\d)/g, '$1 - ')}`,
          n: Number(plain),
          big: BigInt(plain),
          buf: Buffer.from(plain),
          hex: Buffer.from(plain).toString('hex'),
          b64: Buffer.from(`{"aadhaar":"${plain}"}`).toString('base64'),
          headers: { 'developer key': 'becbbce45f79c6f5109f848acd540567' },
          digits: digits.length,
        });
      }
      const text = fs.readFileSync(path.join(dir, 'kiosk.log'), 'utf8');
      const lines = text.trim().split('\n');
      expect(lines).toHaveLength(samples.length);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const normalized = asciiDigits(text).replace(/\D/g, '');
      for (const [{ digits }, plain, vid] of samples) {
        for (const n of [digits, plain, vid]) expect(normalized).not.toContain(n);
        expect(text).not.toContain(Buffer.from(plain).toString('hex'));
      }
      expect(text).not.toContain('becbbce45f79c6f5109f848acd540567');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the export re-redacts old lines: JSON numbers, spellings, torn lines', () => {
    const old = [
      '{"t":"2025-09-22T10:00:00Z","event":"x","n":234567890124,"note":"२३४५ ६७८९ ०१२४"}',
      '{"t":"2025-09-22T10:00:01Z","event":"torn 2345_6789_0124 developer key: abc',
    ].join('\n');
    const { text } = redactLogText(old);
    expect(asciiDigits(text)).not.toContain('234567890124');
    expect(text).not.toContain('2345_6789_0124');
    expect(text).not.toContain('abc');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ n: '[aadhaar]', note: '[aadhaar]' });
  });
});
