// @vitest-environment happy-dom
/**
 * Bank names in the agent's language: in Hindi, an answer's bank shows by its Hindi name on the
 * result, in History and on the receipt; a bank the list has no Hindi name for, or one entered by
 * its IIN, keeps the name the record carries. English shows the record's name as it is.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Receipt } from '../../../renderer/components/receipt/Receipt';
import { receiptFrom } from '../../../renderer/components/receipt/receipt-data';
import { BANKS, shownBankName } from '../../../renderer/banks';
import { i18n, initI18n } from '../../../renderer/i18n';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { EnquiryFlow } from '../../../renderer/screens/enquiry/EnquiryFlow';
import { SUCCESS, historyRow, patchSlice } from './fake-kiosk-api';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';
import { s, use } from './store/harness';

initI18n('en');
freshKioskEachTest(() => use({ listEnquiries: { rows: [historyRow({ outcome: 'success', reason: null, balance: '5500.75' })], totals: { success: 1, refused: 0, unknown: 0, notSent: 0 } } as never }));

const SBI_HINDI = BANKS.find((b) => b.iin === '607094')!.hindi!;
const hindi = () => act(() => i18n.changeLanguage('hi'));

describe('an answer’s bank name', () => {
  it('the rule: Hindi name in Hindi where the list has one; otherwise the record’s name', () => {
    expect(SBI_HINDI).toMatch(/[\u0900-\u097F]/);
    expect(shownBankName({ bankName: 'STATE BANK OF INDIA', bankIin: '607094' }, 'hi')).toBe(SBI_HINDI);
    expect(shownBankName({ bankName: 'STATE BANK OF INDIA', bankIin: '607094' }, 'en')).toBe('STATE BANK OF INDIA');
    expect(shownBankName({ bankName: 'IIN 654321', bankIin: '654321' }, 'hi')).toBe('IIN 654321');
    const noHindi = BANKS.find((b) => !b.hindi)!;
    expect(shownBankName({ bankName: noHindi.name, bankIin: noHindi.iin }, 'hi')).toBe(noHindi.name);
    expect(shownBankName({ bankName: 'Eko’s spelling', bankIin: '' }, 'hi')).toBe('Eko’s spelling');
  });

  it('on the result, in both languages', async () => {
    s().nav.openFlow();
    patchSlice('enquiry', { step: 'result', outcome: SUCCESS as never });
    renderIn(<EnquiryFlow />);
    expect(screen.getByTestId('r-bank').textContent).toBe('State Bank of India');
    await hindi();
    expect(screen.getByTestId('r-bank').textContent).toBe(SBI_HINDI);
  });

  it('in History, in Hindi', async () => {
    await hindi();
    renderIn(<HistoryScreen />);
    await act(() => s().history.load());
    expect(document.querySelector('.history-bank dd')?.textContent).toBe(SBI_HINDI);
  });

  it('on a Hindi receipt', async () => {
    await hindi();
    renderIn(<Receipt data={receiptFrom(SUCCESS as never)} paperMm={58} agent={{ userCode: '20810200', mobile: '9962981729' }} />);
    expect(document.body.textContent).toContain(SBI_HINDI);
    expect(document.body.textContent).not.toContain('State Bank of India');
  });
});
