import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ekoHeaders, ekoSecretKey, sameSignature } from '../../../main/protocol/eko-signing';

describe('Eko request signing', () => {
  it('matches the known-answer vector from the platform notes', () => {
    expect(ekoSecretKey('test-access-key-123', 1700000000000)).toBe('88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=');
    expect(ekoSecretKey('test-access-key-123', '1700000000000')).toBe('88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=');
  });

  it('uses the base64 text of the access key as the HMAC key, not its decoded bytes', () => {
    const raw = crypto.createHmac('sha256', 'test-access-key-123').update('1700000000000').digest('base64');
    expect(ekoSecretKey('test-access-key-123', 1700000000000)).not.toBe(raw);
  });

  it('builds the four headers Eko requires, timestamp as whole milliseconds', () => {
    const headers = ekoHeaders('dev-key', 'test-access-key-123', 1700000000000.7);
    expect(headers).toEqual({
      developer_key: 'dev-key',
      'secret-key': '88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=',
      'secret-key-timestamp': '1700000000000',
      'content-type': 'application/json',
    });
  });

  it('changes with the timestamp and the key', () => {
    const a = ekoSecretKey('k1-access', 1700000000000);
    expect(ekoSecretKey('k1-access', 1700000000001)).not.toBe(a);
    expect(ekoSecretKey('k2-access', 1700000000000)).not.toBe(a);
  });

  it('compares signatures exactly', () => {
    expect(sameSignature('abc', 'abc')).toBe(true);
    expect(sameSignature('abc', 'abd')).toBe(false);
    expect(sameSignature('abc', 'abcd')).toBe(false);
  });
});
