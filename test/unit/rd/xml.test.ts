import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KioskError } from '../../../app/contract';
import { normalizeInterfacePath, parseDeviceInfoXml, parsePidData, parseRdServiceXml } from '../../../main/services/rd/xml';
import { kioskErrorOf } from '../../support/kiosk-error';

const MC = 'MIIEGDCCAwCgAwIBAgIEAVHOsjANBgkqhkiG9w0BAQsFADCB6jEqMCgGA1UEAxMhRFMgTWFudHJh';
const OK_PID =
  '<?xml version="1.0"?><PidData><Resp errCode="0" errInfo="Success." fCount="1" fType="2" nmPoints="32" qScore="78"/>' +
  `<DeviceInfo dpId="MANTRA.MSIPL" rdsId="RENESAS.MANTRA.001" rdsVer="1.4.1" mi="MFS110" mc="${MC}" dc="efa43d54-0fa5">` +
  '<additional_info><Param name="srno" value="10195143"/><Param name="device_type" value="L1"/></additional_info></DeviceInfo>' +
  '<Skey ci="20280813">c2tleWJ5dGVz</Skey><Hmac>aG1hYw==</Hmac><Data type="X">ZW5jcnlwdGVkcGlk</Data></PidData>';

const errPid = (code: string) => `<PidData><Resp errCode="${code}" errInfo="x" fCount="0" fType="2" nmPoints="0" qScore="0"/></PidData>`;

describe('normalizeInterfacePath', () => {
  it.each([
    ['/rd/capture', '/rd/capture'],
    ['rd/capture', '/rd/capture'],
    ['  /rd/info ', '/rd/info'],
    ['/127.0.0.1:11102/capture', '/capture'],
    ['127.0.0.1:11100/rd/capture', '/rd/capture'],
    [' http://127.0.0.1:11100 / rd/capture', '/rd/capture'],
    ['http://localhost:11100/rd/capture', '/rd/capture'],
    ['HTTPS://LOCALHOST:11100/getDeviceInfo', '/getDeviceInfo'],
    ['//127.0.0.1:11100/x', '/x'],
    ['/localhost/capture', '/capture'],
    ['http://[::1]:11100/capture', '/capture'],
    ['http://127.0.0.1:11100', '/'],
    ['/rd/capture?x=1', '/rd/capture?x=1'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeInterfacePath(raw)).toBe(expected);
  });

  it.each([
    'http://192.168.1.20:11100/rd/capture',
    'https://evil.example.com/capture',
    '//example.com/capture',
    '/evil.example.com:80/capture',
    '/10.0.0.5/capture',
    'ftp://127.0.0.1/capture',
    'javascript:alert(1)',
    'http://user@127.0.0.1:11100/x',
    'http://127.0.0.1.evil.com:11100/x',
    '/rd/../../etc',
    '',
    '   ',
  ])('refuses %j', (raw) => {
    expect(normalizeInterfacePath(raw)).toBeNull();
  });

  it('never accepts a path on another host, and always yields a clean absolute path', () => {
    const foreignHost = fc
      .oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`))
      .filter((h) => !/^(localhost|127\.|\[::1\]$|\[0*:0*:0*:0*:0*:0*:0*:0*1\]$)/i.test(h));
    fc.assert(
      fc.property(foreignHost, fc.integer({ min: 1, max: 65535 }), fc.webPath(), fc.constantFrom('http://', 'https://', '//', '/', ''), (host, port, p, prefix) => {
        expect(normalizeInterfacePath(`${prefix}${host}:${port}${p}`)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const out = normalizeInterfacePath(raw);
        if (out !== null) expect(out).toMatch(/^\/[\x21-\x7e]*$/);
      }),
    );
  });
});

describe('parseRdServiceXml', () => {
  it('reads the spec example', () => {
    const r = parseRdServiceXml(
      '<RDService status="READY" info="Mantra_RD_Service"><Interface id="CAPTURE" path="/rd/capture" /><Interface id="DEVICEINFO" path="/rd/info" /></RDService>',
    );
    expect(r).toEqual({ ok: true, service: { status: 'READY', info: 'Mantra_RD_Service', capturePath: '/rd/capture', deviceInfoPath: '/rd/info' } });
  });

  it('tolerates the field quirks: single quotes, lower-case status, xmlns, order, host-prefixed and spaced paths', () => {
    const r = parseRdServiceXml(
      "<?xml version='1.0'?><RDService xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' status='ready' info='Morpho_RD_Service'>" +
        "<Interface id='DEVICEINFO' path=' http://127.0.0.1:11100 / getDeviceInfo'/><Interface id='CAPTURE' path='/127.0.0.1:11102/capture'/></RDService>",
    );
    expect(r).toEqual({ ok: true, service: { status: 'READY', info: 'Morpho_RD_Service', capturePath: '/capture', deviceInfoPath: '/getDeviceInfo' } });
  });

  it('reads NOTREADY and USED, and a missing DEVICEINFO as null', () => {
    const notReady = parseRdServiceXml('<RDService status="NOTREADY" info="x"><Interface id="CAPTURE" path="/c"/></RDService>');
    expect(notReady.ok && notReady.service).toMatchObject({ status: 'NOTREADY', deviceInfoPath: null });
    const used = parseRdServiceXml('<rdservice status="Used" info="x"><interface id="capture" path="/c"/></rdservice>');
    expect(used.ok && used.service.status).toBe('USED');
  });

  it('refuses a service whose CAPTURE points away from this PC, or has none', () => {
    expect(parseRdServiceXml('<RDService status="READY" info="x"><Interface id="CAPTURE" path="http://10.1.1.1:11100/c"/></RDService>')).toEqual({
      ok: false,
      reason: 'CAPTURE path refused (not this PC)',
    });
    expect(parseRdServiceXml('<RDService status="READY" info="x"><Interface id="DEVICEINFO" path="/i"/></RDService>').ok).toBe(false);
    expect(parseRdServiceXml('<html>It works!</html>').ok).toBe(false);
    expect(parseRdServiceXml('').ok).toBe(false);
  });

  it('drops only a DEVICEINFO that points away, keeping the service', () => {
    const r = parseRdServiceXml('<RDService status="READY" info="x"><Interface id="CAPTURE" path="/c"/><Interface id="DEVICEINFO" path="http://8.8.8.8/i"/></RDService>');
    expect(r.ok && r.service.deviceInfoPath).toBeNull();
  });
});

describe('parseDeviceInfoXml', () => {
  it('reads vendor, model, RD service, serial and level', () => {
    expect(
      parseDeviceInfoXml(
        `<DeviceInfo dpId="MANTRA.MSIPL" rdsId="RENESAS.MANTRA.001" rdsVer="1.4.1" mi="MFS110" mc="${MC}" dc="d"><additional_info><Param name="srno" value="10195143"/><Param name="device_type" value="L1"/></additional_info></DeviceInfo>`,
      ),
    ).toEqual({ vendor: 'MANTRA.MSIPL', model: 'MFS110', rdsId: 'RENESAS.MANTRA.001', rdsVersion: '1.4.1', serial: '10195143', level: 'L1' });
  });

  it('gives null serial and level when the device does not say', () => {
    expect(parseDeviceInfoXml("<DeviceInfo dpId='Morpho' rdsId='SCPL.WIN.001' rdsVer='1.0.7' mi='MSO1300E3'/>")).toMatchObject({ serial: null, level: null });
  });

  it('throws rd.badResponse for anything else', () => {
    expect(kioskErrorOf(() => parseDeviceInfoXml('<nope/>')).code).toBe('rd.badResponse');
    expect(kioskErrorOf(() => parseDeviceInfoXml('garbage <<<')).code).toBe('rd.badResponse');
  });
});

describe('parsePidData', () => {
  it('accepts a whole PID block with errCode 0, Data type X and mc', () => {
    expect(parsePidData(OK_PID)).toEqual({
      qScore: 78,
      nmPoints: 32,
      errInfo: 'Success.',
      device: { vendor: 'MANTRA.MSIPL', model: 'MFS110', rdsId: 'RENESAS.MANTRA.001', rdsVersion: '1.4.1', serial: '10195143', level: 'L1' },
    });
  });

  it.each([
    ['700', 'rd.captureTimeout'],
    ['710', 'rd.busy'],
    ['720', 'rd.notReady'],
    ['730', 'rd.captureFailed'],
    ['740', 'rd.needsReinit'],
    ['210', 'rd.unsupported'],
    ['750', 'rd.unsupported'],
    ['760', 'rd.unsupported'],
    ['770', 'rd.addressRejected'],
    ['-1509', 'rd.starting'],
  ])('maps errCode %s to %s', (code, expected) => {
    expect(kioskErrorOf(() => parsePidData(errPid(code))).code).toBe(expected);
  });

  it.each([
    ['999', '999'],
    ['123', '123'],
    ['DEVICE_ERR_01', 'DEVICE_ERR_01'],
    ['-1307', '-1307'],
  ])('maps errCode %s to rd.deviceError with the code', (code, shown) => {
    const e = kioskErrorOf(() => parsePidData(errPid(code)));
    expect(e.code).toBe('rd.deviceError');
    expect(e.params).toEqual({ code: shown });
  });

  it.each([
    ['no Data', OK_PID.replace(/<Data[^>]*>[^<]*<\/Data>/, '')],
    ['Data of type P', OK_PID.replace('type="X"', 'type="P"')],
    ['empty Data', OK_PID.replace('ZW5jcnlwdGVkcGlk', '')],
    ['no mc', OK_PID.replace(/ mc="[^"]*"/, '')],
    ['no DeviceInfo', OK_PID.replace(/<DeviceInfo[\s\S]*<\/DeviceInfo>/, '')],
    ['cut off', OK_PID.slice(0, OK_PID.indexOf('<Data') + 20)],
    ['no errCode', OK_PID.replace('errCode="0" ', '')],
    ['no qScore', OK_PID.replace('qScore="78"', '')],
    ['not PidData', '<RDService status="READY"/>'],
    ['HTML', '<html><body>500</body></html>'],
    ['empty', ''],
  ])('rd.badResponse for %s', (_what, xml) => {
    expect(kioskErrorOf(() => parsePidData(xml)).code).toBe('rd.badResponse');
  });

  it('tolerates case, single quotes and namespaces', () => {
    const xml = OK_PID.replace(/"/g, "'").replace('<PidData>', "<PidData xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>").replace("type='X'", "type='x'");
    expect(parsePidData(xml).qScore).toBe(78);
  });
});

describe('fuzz: the parsers only ever answer or throw a KioskError', () => {
  const fragments = fc.constantFrom(
    '<PidData>', '</PidData>', '<Resp errCode="0" qScore="80" nmPoints="3"/>', '<Resp errCode="', '<DeviceInfo mc="x" dpId="a">', '</DeviceInfo>',
    '<Data type="X">', 'QUJD', '</Data>', '<Skey ci="1">', '</Skey>', '<RDService status="READY">', '<Interface id="CAPTURE" path="', '"/>',
    '</RDService>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '<![CDATA[', ']]>', '<?xml version="1.0"?>', "'", '"', '<', '>', '&', '\u0000', '\uFEFF',
  );
  const xmlish = fc.array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 30 }).map((parts) => parts.join(''));
  const truncations = fc.integer({ min: 0, max: OK_PID.length }).map((n) => OK_PID.slice(0, n));
  const input = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), xmlish, truncations);

  function onlyKioskErrors(fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(KioskError);
    }
  }

  it('parsePidData', () => {
    fc.assert(fc.property(input, (text) => onlyKioskErrors(() => parsePidData(text))), { numRuns: 500 });
  });

  it('a truncated PID block is never accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: OK_PID.length - 1 }), (n) => {
        expect(kioskErrorOf(() => parsePidData(OK_PID.slice(0, n))).code).toBe('rd.badResponse');
      }),
      { numRuns: 300 },
    );
  });

  it('parseRdServiceXml and parseDeviceInfoXml', () => {
    fc.assert(
      fc.property(input, (text) => {
        const r = parseRdServiceXml(text);
        expect(typeof r.ok).toBe('boolean');
        onlyKioskErrors(() => parseDeviceInfoXml(text));
      }),
      { numRuns: 500 },
    );
  });
});
