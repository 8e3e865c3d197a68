/**
 * Eko's published values (shared/reference/eko-platform-notes.md). These are
 * public: the UAT credentials are published by Eko for testing, and the RSA keys
 * are public keys. Production credentials are never in the repository.
 */

/** Eko's public UAT credentials: the staging profile's defaults. */
export const EKO_STAGING_CREDENTIALS = {
  developerKey: 'becbbce45f79c6f5109f848acd540567',
  accessKey: 'd2fe1d99-6298-4af2-8cc5-d97dcf46df30',
  initiatorId: '9962981729',
  userCode: '20810200',
} as const;

/** Aadhaar encryption key for staging (from Eko's Java sample). RSA-1024, SubjectPublicKeyInfo DER, base64. */
export const EKO_STAGING_AADHAAR_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCXa63O/UXt5S0Vi8DM/PWF4yugx2OcTVbcFPLfXmLm9ClEVJcRuBr7UDHjJ6gZgG/qcVez5r6AfsYl2PtKmYP3mQdbR/BjVOjnrRooXxwyio6DFk4hTTM8fqQGWWNm6XN5XsPK5+qD5Ic/L0vGrS5nMWDwjRt59gzgNMNMpjheBQIDAQAB';

/** Aadhaar encryption key for production (labelled PRODUCTION in Eko's AePS reference). */
export const EKO_PRODUCTION_AADHAAR_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCaFyrzeDhMaFLx+LZUNOOO14Pj9aPfr+1WOanDgDHxo9NekENYcWUftM9Y17ul2pXr3bqw0GCh4uxNoTQ5cTH4buI42LI8ibMaf7Kppq9MzdzI9/7pOffgdSn+P8J64CJAk3VrVswVgfy8lABt7fL8R6XReI9x8ewwKHhCRTwBgQIDAQAB';
