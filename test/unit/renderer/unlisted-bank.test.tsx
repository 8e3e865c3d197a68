// @vitest-environment happy-dom
/**
 * A bank that is not in the list, entered by its 6-digit IIN on the bank step: the warning, the
 * checks, a listed IIN naming its bank, the spec edition only, and a refusal that offers another bank.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EnquiryOutcome, RefusalReason } from '../../../app/contract';
import { findBank, isIin, unlistedBank } from '../../../app/domain/banks';
import { BANKS } from '../../../renderer/banks';
import { initI18n } from '../../../renderer/i18n';
import { EnquiryFlow } from '../../../renderer/screens/enquiry/EnquiryFlow';
import { SUCCESS, fakeKioskApi } from './fake-kiosk-api';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';
import { AADHAAR, MOBILE, api, s, use } from './store/harness';

initI18n('en');
freshKioskEachTest(() => use());

const UNLISTED = '654321'; // no bank in the list has it

/** The flow at its bank step. */
function toBank() {
  s().nav.openFlow();
  s().enquiry.setMobile(MOBILE);
  s().enquiry.next();
  s().enquiry.setAadhaar(AADHAAR);
  s().enquiry.next();
  expect(s().enquiry.step).toBe('bank');
}

const tapKeys = (digits: string) => {
  const keypad = within(screen.getByRole('group', { name: 'Number keypad' }));
  for (const d of digits) fireEvent.click(keypad.getByRole('button', { name: d, exact: true } as never));
};

describe('the domain rule', () => {
  it('an IIN is six digits not starting with 0; any such IIN not in the list is an unlisted bank named by it', () => {
    expect(['654321', '607094', '999999'].every(isIin)).toBe(true);
    expect(['012345', '60709', '6070945', 'SBIN', ''].some(isIin)).toBe(false);
    expect(findBank(BANKS, '607094')?.name).toBe('State Bank of India');
    expect(findBank(BANKS, UNLISTED)).toEqual(unlistedBank(UNLISTED));
    expect(unlistedBank(UNLISTED)).toMatchObject({ name: `IIN ${UNLISTED}`, ifsc: null, unlisted: true });
    expect(findBank(BANKS, '012345')).toBeNull();
    expect(BANKS.some((b) => b.iin === UNLISTED)).toBe(false); // the test's IIN really is not listed
  });
});

describe('the bank step', () => {
  it('by touch: the IIN on the keypad, a warning, then Continue chooses it and moves on', () => {
    toBank();
    renderIn(<EnquiryFlow />);
    fireEvent.click(screen.getByRole('button', { name: 'Bank not in the list? Enter its IIN' }));
    expect(screen.getByLabelText('Bank IIN (6 digits)')).toBeTruthy();
    tapKeys('6543');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert').textContent).toContain('4 typed so far');
    expect(s().enquiry.step).toBe('bank');
    tapKeys('21');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('iin-warning').textContent).toContain('cannot check this IIN');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(s().enquiry).toMatchObject({ step: 'capture', bankIin: UNLISTED });
    // The summary and the consent name it by its IIN.
    expect(screen.getByTestId('summary').textContent).toContain(`IIN ${UNLISTED}`);
    expect(document.body.textContent).toContain(`account balance at IIN ${UNLISTED} can be shown`);
  });

  it('an IIN starting with 0 is refused at once; a listed IIN names its bank', () => {
    toBank();
    renderIn(<EnquiryFlow />);
    fireEvent.click(screen.getByRole('button', { name: 'Bank not in the list? Enter its IIN' }));
    const input = screen.getByLabelText('Bank IIN (6 digits)');
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toContain('6 digits');
    fireEvent.change(input, { target: { value: '012345' } });
    expect(screen.getByRole('alert').textContent).toContain('does not start with 0');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(s().enquiry.bankIin).toBeNull();
    fireEvent.change(input, { target: { value: '607094' } });
    expect(screen.getByTestId('iin-listed').textContent).toContain('State Bank of India');
    expect(screen.queryByTestId('iin-warning')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(s().enquiry).toMatchObject({ step: 'capture', bankIin: '607094' });
  });

  it('Back returns to the list with nothing chosen', () => {
    toBank();
    renderIn(<EnquiryFlow />);
    fireEvent.click(screen.getByRole('button', { name: 'Bank not in the list? Enter its IIN' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('combobox', { name: 'Bank' })).toBeTruthy();
    expect(s().enquiry).toMatchObject({ step: 'bank', bankIin: null });
  });

  it('not offered in the current edition (its bank_code is the IFSC prefix, which an IIN does not give)', async () => {
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), ekoEdition: 'current' } });
    await s().session.loadAppInfo();
    toBank();
    renderIn(<EnquiryFlow />);
    expect(screen.queryByRole('button', { name: 'Bank not in the list? Enter its IIN' })).toBeNull();
    s().enquiry.setBank(UNLISTED);
    expect(s().enquiry.bankIin).toBeNull();
  });
});

/** A refusal for the customer's answer fields: no balance, no references (a refusal carries none). */
function refusedFor(bankIin: string, reason: RefusalReason): EnquiryOutcome {
  const { maskedAadhaar, maskedMobile, at } = SUCCESS;
  return { outcome: 'refused', clientRefId: 'REF-R', at, maskedAadhaar, maskedMobile, bankIin, bankName: findBank(BANKS, bankIin)!.name, reason, serverMessage: 'Eko says so', tid: null };
}

/** To the capture step with `bankIin` chosen, consent given; the capture answered by `answer`. */
async function refusedAt(bankIin: string, reason: RefusalReason) {
  use({ balanceEnquiry: refusedFor(bankIin, reason) });
  toBank();
  s().enquiry.setBank(bankIin);
  expect(s().enquiry.next()).toBe(true);
  s().enquiry.setConsent(true);
  await act(() => s().enquiry.captureFingerprint());
  expect(api.balanceEnquiry).toHaveBeenCalledWith(expect.objectContaining({ bankIin }));
  renderIn(<EnquiryFlow />);
}

describe('a refusal for an unlisted bank', () => {
  it.each(['other', 'invalidRequest'] as const)('“%s” (a wrong IIN reads so) offers another bank, mobile and Aadhaar kept', async (reason) => {
    await refusedAt(UNLISTED, reason);
    fireEvent.click(screen.getByRole('button', { name: /another bank/i }));
    expect(s().enquiry).toMatchObject({ step: 'bank', mobile: MOBILE, aadhaar: AADHAAR, bankIin: null });
  });

  it.each(['insufficientFloat', 'accountFrozen', 'limitExhausted', 'debitDisabled'] as const)(
    '“%s” (the agent’s wallet or the customer’s account: the IIN was right) offers nothing and drops the clear number',
    async (reason) => {
      await refusedAt(UNLISTED, reason);
      expect(screen.queryByRole('button', { name: /another bank/i })).toBeNull();
      expect(s().enquiry.aadhaar).toBe('');
    },
  );

  it('a listed bank’s “other” refusal offers nothing (its bank code is right)', async () => {
    await refusedAt('607094', 'other');
    expect(s().enquiry.aadhaar).toBe(''); // nothing to retry: the clear number goes
    expect(screen.queryByRole('button', { name: /another bank/i })).toBeNull();
  });

  it('is never remembered among the recent banks (the list cannot show it)', async () => {
    await refusedAt(UNLISTED, 'other');
    expect(localStorage.getItem('kiosk.recentBanks') ?? '[]').not.toContain(UNLISTED);
  });
});
