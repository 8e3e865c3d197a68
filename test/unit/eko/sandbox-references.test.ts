/** The sandbox's 12-digit references never pass the Aadhaar checksum (the privacy scan must not mistake them). */
import { expect, it } from 'vitest';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { notAadhaarShaped } from '../../../main/simulators/eko/answers';

it('a reference that would pass Verhoeff is changed in its last digit; others are kept', () => {
  expect(isValidAadhaar('623601066502')).toBe(true);
  expect(notAadhaarShaped('623601066502')).toBe('623601066503');
  expect(isValidAadhaar(notAadhaarShaped('623601066502'))).toBe(false);
  for (let i = 0; i < 2000; i++) {
    const ref = `62${String(3_600_000_000 + i * 7919).padStart(10, '0')}`;
    const out = notAadhaarShaped(ref);
    expect(isValidAadhaar(out)).toBe(false);
    expect(out.slice(0, -1)).toBe(ref.slice(0, -1));
  }
});
