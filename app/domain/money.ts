/**
 * Money as exact decimal strings. Eko sends amounts as strings, sometimes in
 * E-notation ("2.20834002375E9"); we never turn them into floats.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const DECIMAL_NO_LEADING_DIGIT = /^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;

/**
 * Canonical plain decimal string ("-12.5", "2208340023.75", "0"), or null when
 * the input is not a number. Trailing fractional zeros are dropped.
 */
export function normalizeDecimal(raw: string | number): string | null {
  if (typeof raw === 'number') {
    // Numbers only come from JSON where a server sent a bare number; their JS
    // string form is exact for what JSON can carry into a double.
    if (!Number.isFinite(raw)) return null;
    raw = String(raw);
  }
  const text = raw.trim().replace(/,/g, '');
  let sign: string;
  let intPart: string;
  let fracPart: string;
  let exp: number;
  const m = DECIMAL.exec(text);
  if (m) {
    sign = m[1] ?? '';
    intPart = m[2] ?? '0';
    fracPart = m[3] ?? '';
    exp = m[4] ? Number.parseInt(m[4], 10) : 0;
  } else {
    const m2 = DECIMAL_NO_LEADING_DIGIT.exec(text);
    if (!m2) return null;
    sign = m2[1] ?? '';
    intPart = '0';
    fracPart = m2[2] ?? '';
    exp = m2[3] ? Number.parseInt(m2[3], 10) : 0;
  }
  if (Math.abs(exp) > 400) return null;
  // Shift the decimal point by the exponent, on the digit string.
  let digits = intPart + fracPart;
  let point = intPart.length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  const isZero = /^0*$/.test(whole) && frac === '';
  if (isZero) return '0';
  whole = whole || '0';
  return `${sign === '-' ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Groups an integer digit string the Indian way: 2,20,83,40,023. */
export function groupIndian(intDigits: string): string {
  if (intDigits.length <= 3) return intDigits;
  const last3 = intDigits.slice(-3);
  let rest = intDigits.slice(0, -3);
  const groups: string[] = [];
  while (rest.length > 2) {
    groups.unshift(rest.slice(-2));
    rest = rest.slice(0, -2);
  }
  if (rest) groups.unshift(rest);
  return `${groups.join(',')},${last3}`;
}

/**
 * "2.20834002375E9" → "₹2,20,83,40,023.75". Paise are shown with two digits
 * when there are any ("5500.5" → "₹5,500.50"), and rounded half-up beyond two.
 */
export function formatRupees(amount: string): string {
  const normal = normalizeDecimal(amount);
  if (normal === null) return amount;
  const negative = normal.startsWith('-');
  const unsigned = negative ? normal.slice(1) : normal;
  const [whole = '0', frac = ''] = unsigned.split('.');
  let paise = frac;
  let wholeDigits = whole;
  if (paise.length > 2) {
    // Round half-up on the digit string.
    const roundUp = (paise.charCodeAt(2) - 48) >= 5;
    paise = paise.slice(0, 2);
    if (roundUp) {
      const cents = addOne(wholeDigits + paise);
      wholeDigits = cents.slice(0, -2) || '0';
      paise = cents.slice(-2);
    }
  }
  const paiseText = paise === '' || /^0+$/.test(paise) ? '' : `.${paise.padEnd(2, '0')}`;
  return `${negative ? '-' : ''}₹${groupIndian(wholeDigits)}${paiseText}`;
}

function addOne(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String.fromCharCode((out[i] ?? '0').charCodeAt(0) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}
