// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { KioskError } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { App } from '../../../renderer/App';
import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary';
import { ErrorNotice } from '../../../renderer/components/ErrorNotice';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { EnquiryFlow } from '../../../renderer/screens/enquiry/EnquiryFlow';
import { SUCCESS, deferred, fakeKioskApi, patchSlice } from './fake-kiosk-api';

initI18n('en');
const initial = useKiosk.getState();
const s = () => useKiosk.getState();

function renderFlow() {
  return render(
    <I18nextProvider i18n={i18n}>
      <EnquiryFlow />
    </I18nextProvider>,
  );
}

const typeInto = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value, selectionStart: value.length } });
const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

beforeEach(async () => {
  useKiosk.setState(initial, true);
  localStorage.clear();
  sessionStorage.clear();
  setApi(fakeKioskApi());
  await act(() => i18n.changeLanguage('en'));
  s().nav.openFlow();
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('mobile step', () => {
  it('has a visible label, refuses a number starting 0–5 with a message, and continues with Enter', () => {
    renderFlow();
    const input = screen.getByLabelText('Customer mobile number');
    typeInto(input, '5876543210');
    expect(screen.getByRole('alert').textContent).toContain('starts with 6, 7, 8 or 9');
    fireEvent.submit(input.closest('form')!);
    expect(s().enquiry.step).toBe('mobile');
    typeInto(input, '9876543210');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((input as HTMLInputElement).value).toBe('98765 43210');
    fireEvent.submit(input.closest('form')!);
    expect(s().enquiry.step).toBe('aadhaar');
  });

  it('says how many digits are missing after Continue', () => {
    renderFlow();
    typeInto(screen.getByLabelText('Customer mobile number'), '98765');
    press('Continue');
    expect(screen.getByRole('alert').textContent).toContain('5 typed');
  });

  it('a pasted "+91 98765 43210" keeps the 10-digit number, not "9198765432"', () => {
    renderFlow();
    const input = screen.getByLabelText('Customer mobile number') as HTMLInputElement;
    typeInto(input, '+91 98765 43210');
    expect(input.value).toBe('98765 43210');
    expect(screen.queryByRole('alert')).toBeNull();
    typeInto(input, '');
    typeInto(input, '098765 43210');
    expect(input.value).toBe('98765 43210');
    // A 0 typed in front of a complete number is a keystroke, kept as typed: "too long", never guessed.
    typeInto(input, '098765 43210');
    expect(input.value).not.toBe('98765 43210');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('too many digits are refused with a message, never cut silently', () => {
    renderFlow();
    const input = screen.getByLabelText('Customer mobile number') as HTMLInputElement;
    typeInto(input, '98765 43210 7');
    expect(screen.getByRole('alert').textContent).toBe('Too many digits (11): a mobile number has 10. Remove the extra digits.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    press('Continue');
    expect(s().enquiry.step).toBe('mobile');
    typeInto(input, '98765 43210');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the on-screen keypad types, deletes and clears', () => {
    renderFlow();
    const input = screen.getByLabelText('Customer mobile number') as HTMLInputElement;
    const keypad = screen.getByRole('group', { name: 'Number keypad' });
    for (const d of '987654321') fireEvent.click(within(keypad).getByRole('button', { name: d }));
    expect(input.value).toBe('98765 4321');
    fireEvent.click(within(keypad).getByRole('button', { name: 'Delete last digit' }));
    expect(s().enquiry.mobile).toBe('98765432');
    fireEvent.click(within(keypad).getByRole('button', { name: 'Clear' }));
    expect(s().enquiry.mobile).toBe('');
  });

  it('the key that completes a valid number moves on by itself; an invalid one stays', () => {
    renderFlow();
    const keypad = screen.getByRole('group', { name: 'Number keypad' });
    for (const d of '9876543210') fireEvent.click(within(keypad).getByRole('button', { name: d }));
    expect(s().enquiry.step).toBe('aadhaar');
    const aadhaarPad = screen.getByRole('group', { name: 'Number keypad' });
    for (const d of '234567890125') fireEvent.click(within(aadhaarPad).getByRole('button', { name: d })); // wrong check digit
    expect(s().enquiry.step).toBe('aadhaar');
    fireEvent.click(within(aadhaarPad).getByRole('button', { name: 'Delete last digit' }));
    fireEvent.click(within(aadhaarPad).getByRole('button', { name: '4' }));
    expect(s().enquiry.step).toBe('bank');
  });
});

describe('Aadhaar step', () => {
  beforeEach(() => {
    s().enquiry.setMobile('9876543210');
    s().enquiry.next();
  });

  it('groups the digits in fours while typed', () => {
    renderFlow();
    const input = screen.getByLabelText('Aadhaar number') as HTMLInputElement;
    typeInto(input, '23456');
    expect(input.value).toBe('2345 6');
    typeInto(input, '2345 67890');
    expect(input.value).toBe('2345 6789 0');
    typeInto(input, '234567890124');
    expect(input.value).toBe('2345 6789 0124');
  });

  it('explains a wrong check digit (Verhoeff) and a wrong first digit', () => {
    renderFlow();
    const input = screen.getByLabelText('Aadhaar number');
    typeInto(input, '234567890125');
    expect(screen.getByRole('alert').textContent).toMatch(/not a valid Aadhaar number.*digit is wrong/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    typeInto(input, '1');
    expect(screen.getByRole('alert').textContent).toContain('never starts with 0 or 1');
    press('Continue');
    expect(s().enquiry.step).toBe('aadhaar');
  });

  it('from the next step on shows the number only masked — also when coming back', () => {
    const { container } = renderFlow();
    typeInto(screen.getByLabelText('Aadhaar number'), '234567890124');
    press('Continue');
    expect(s().enquiry.step).toBe('bank');
    expect(container.textContent).toContain('XXXX XXXX 0124');
    expect(container.textContent).not.toContain('2345 6789');
    expect(container.textContent).not.toContain('23456789');
    press('Back');
    expect(s().enquiry.step).toBe('aadhaar');
    expect(screen.getByTestId('aadhaar-masked').textContent).toBe('XXXX XXXX 0124');
    expect(container.innerHTML).not.toContain('23456789');
    press('Continue'); // kept: no need to type it again
    expect(s().enquiry.step).toBe('bank');
  });

  it('back on the masked number, Continue has the focus so Enter goes on', () => {
    renderFlow();
    typeInto(screen.getByLabelText('Aadhaar number'), '234567890124');
    press('Continue');
    press('Back');
    const cont = screen.getByRole('button', { name: 'Continue' });
    expect(document.activeElement).toBe(cont);
    fireEvent.submit(cont.closest('form')!); // what Enter on the focused button does
    expect(s().enquiry.step).toBe('bank');
  });
});

describe('bank step', () => {
  beforeEach(() => {
    s().enquiry.setMobile('9876543210');
    s().enquiry.next();
    s().enquiry.setAadhaar('234567890124');
    s().enquiry.next();
  });

  it('searches by name, short name or IIN; Enter picks the highlighted bank, Enter again continues', () => {
    renderFlow();
    const input = screen.getByRole('combobox', { name: 'Bank' });
    typeInto(input, 'punjab');
    const names = screen.getAllByRole('option').map((o) => o.textContent);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((n) => /punjab/i.test(n ?? ''))).toBe(true);
    typeInto(input, '607094');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(s().enquiry.bankIin).toBe('607094');
    expect(screen.getByTestId('selected-bank').textContent).toContain('State Bank of India');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(s().enquiry.step).toBe('capture');
  });

  it('arrow keys move the highlight; a tap picks a bank', () => {
    renderFlow();
    const input = screen.getByRole('combobox', { name: 'Bank' });
    typeInto(input, 'bank of');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const second = screen.getAllByRole('option')[1]!;
    expect(input.getAttribute('aria-activedescendant')).toBe(second.id);
    fireEvent.click(screen.getAllByRole('option')[0]!);
    expect(s().enquiry.bankIin).not.toBeNull();
  });

  it('says so when nothing matches, and asks for a bank on Continue', () => {
    renderFlow();
    typeInto(screen.getByRole('combobox', { name: 'Bank' }), 'zzzz');
    expect(screen.getByText(/No bank matches “zzzz”/)).toBeTruthy();
    press('Continue');
    expect(screen.getByRole('alert').textContent).toContain('Choose the customer’s bank');
  });

  it('counts the matches in words that agree with the number ("1 bank", "2 banks")', () => {
    renderFlow();
    const input = screen.getByRole('combobox', { name: 'Bank' });
    typeInto(input, '607094');
    expect(document.getElementById('bank-hint')!.textContent).toMatch(/· 1 bank$/);
    typeInto(input, 'punjab');
    expect(document.getElementById('bank-hint')!.textContent).toMatch(/· \d+ banks$/);
  });

  it('lists recently used banks first', () => {
    localStorage.setItem('kiosk.recentBanks', JSON.stringify(['608001']));
    renderFlow();
    const first = screen.getAllByRole('option')[0]!;
    expect(first.textContent).toContain('Fino Payments Bank');
    expect(first.textContent).toContain('Recent');
  });
});

describe('consent and capture', () => {
  beforeEach(() => {
    s().enquiry.setMobile('9876543210');
    s().enquiry.next();
    s().enquiry.setAadhaar('234567890124');
    s().enquiry.next();
    s().enquiry.setBank('607094');
    s().enquiry.next();
  });

  it('shows the consent text with the chosen bank beside the capture, and captures nothing without the tick', async () => {
    const api = fakeKioskApi();
    setApi(api);
    renderFlow();
    expect(screen.getByText(/State Bank of India can be shown to me/)).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: /consent/ });
    expect(document.activeElement).toBe(box); // the first thing to do on this screen
    await act(async () => press('Capture fingerprint'));
    expect(api.captureFingerprint).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('consent is needed');
    fireEvent.click(box);
    expect(screen.queryByRole('alert')).toBeNull();
    // Enter on the ticked box captures: the keyboard needs no Tab to the button.
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    expect(api.captureFingerprint).toHaveBeenCalledTimes(1);
    expect(s().enquiry.step).toBe('result');
  });

  it('capture shows the device, then the result of a good capture', async () => {
    await s().device.refresh();
    s().enquiry.setConsent(true);
    renderFlow();
    expect(screen.getByTestId('capture-device').textContent).toMatch(/MANTRA.*MFS100/);
    // How to place the finger, in a picture beside the button that takes it.
    expect(screen.getByTestId('capture-device').querySelector('[data-illustration="finger"]')).not.toBeNull();
    await act(async () => press('Capture fingerprint'));
    expect(s().enquiry.step).toBe('result');
    expect(screen.getByTestId('balance').textContent).toBe('₹5,500.75');
  });

  it('the countdown starts from the configured capture time', async () => {
    const capture = deferred<unknown>();
    setApi(fakeKioskApi({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), captureTimeoutMs: 25_000 }, captureFingerprint: () => capture.promise }));
    await s().session.loadAppInfo();
    s().enquiry.setConsent(true);
    renderFlow();
    await act(async () => press('Capture fingerprint'));
    // 25 (or 24 if this machine took a second to get here): from the configured time, not the 10 s default.
    expect(screen.getByTestId('countdown').querySelector('.countdown-num')!.textContent).toMatch(/^2[45]$/);
    await act(async () => capture.reject(new KioskError('rd.cancelled')));
  });

  it('shows the quality of a good capture while the bank is asked', async () => {
    const answer = deferred<unknown>();
    setApi(fakeKioskApi({ captureFingerprint: { handle: 'h1', qScore: 82, nmPoints: 30, quality: 'good', device: null }, balanceEnquiry: () => answer.promise }));
    s().enquiry.setConsent(true);
    renderFlow();
    await act(async () => press('Capture fingerprint'));
    expect(screen.getByTestId('quality').textContent).toBe('Quality 82');
    expect(screen.getByTestId('checking').textContent).toContain('Checking balance with the bank');
    await act(async () => answer.resolve(SUCCESS));
    expect(screen.getByTestId('balance')).toBeTruthy();
  });

  it('a failed capture says what happened and offers a retry, never the raw code as text', async () => {
    setApi(fakeKioskApi({ captureFingerprint: new KioskError('rd.captureTimeout') }));
    s().enquiry.setConsent(true);
    renderFlow();
    await act(async () => press('Capture fingerprint'));
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('rd.captureTimeout');
    expect(within(alert).getByText('No finger was placed in time.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('result', () => {
  const show = (outcome: unknown) => {
    patchSlice('enquiry', { step: 'result', outcome: outcome as never });
    return renderFlow();
  };

  it('success: the balance large, with bank, masked numbers, time and references', () => {
    const { container } = show({ ...SUCCESS, balance: '2.20834002375E9' });
    expect(screen.getByTestId('balance').textContent).toBe('₹2,20,83,40,023.75');
    for (const text of ['State Bank of India', 'XXXX XXXX 0124', 'XXXXXX3210', 'T1', 'RRN1', 'U1', 'Balance received']) {
      expect(container.textContent).toContain(text);
    }
  });

  it('refused: the reason in plain words, what to do, and Eko’s words small below', () => {
    show({ ...SUCCESS, outcome: 'refused', reason: 'notLinked', serverMessage: 'Aadhaar not seeded', balance: undefined });
    expect(screen.getByTestId('result').getAttribute('data-outcome')).toBe('refused');
    expect(screen.getByText('This Aadhaar number is not linked to an account at this bank.')).toBeTruthy();
    expect(screen.getByText('Message from Eko: Aadhaar not seeded')).toBeTruthy();
    expect(screen.queryByTestId('balance')).toBeNull();
  });

  it('unknown: never success or failure, with the reference to quote and the advice not to repeat', () => {
    const { container } = show({ ...SUCCESS, outcome: 'unknown', reason: 'timeout', clientRefId: 'KREF-42' });
    expect(screen.getByRole('heading', { name: 'Result unknown' })).toBeTruthy();
    expect(screen.getByTestId('reference').textContent).toBe('KREF-42');
    expect(container.textContent).toContain('Do not repeat');
    expect(container.textContent).not.toMatch(/Balance received|did not give/);
  });

  it('long references get a wider cell, short ones do not', () => {
    show({ ...SUCCESS, clientRefId: 'KSK20261129082150RZXESS', tid: 'T1' });
    expect(screen.getByTestId('r-ref').parentElement!.className).toBe('fact fact-long');
    expect(screen.getByTestId('r-tid').parentElement!.className).toBe('fact');
  });

  it('New enquiry clears everything and starts again', () => {
    show(SUCCESS);
    press('New enquiry');
    expect(s().enquiry).toMatchObject({ step: 'mobile', outcome: null, mobile: '', maskedAadhaar: null });
    expect(s().nav.route.name).toBe('flow');
  });

  it('Hindi: the result in Hindi', async () => {
    await act(() => i18n.changeLanguage('hi'));
    show({ ...SUCCESS, outcome: 'unknown', reason: 'awaited' });
    expect(screen.getByRole('heading', { name: 'नतीजा पता नहीं' })).toBeTruthy();
    expect(screen.getByText('बैंक ने अभी जवाब नहीं दिया है (पेंडिंग)।')).toBeTruthy();
  });
});

describe('an enquiry that failed', () => {
  const failed = (error: KioskError) => {
    s().enquiry.setMobile('9876543210');
    s().enquiry.setAadhaar('234567890124');
    s().enquiry.next();
    s().enquiry.next();
    s().enquiry.setBank('607094');
    patchSlice('enquiry', { step: 'result', enquiryError: error, maskedAadhaar: 'XXXX XXXX 0124' });
    return renderFlow();
  };

  it('provably not sent: says so, one primary action (capture again), New enquiry secondary', () => {
    failed(new KioskError('eko.offline'));
    expect(screen.getByTestId('result').getAttribute('data-outcome')).toBe('not-sent');
    expect(screen.getByRole('heading', { name: 'The enquiry was not sent to the bank' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Capture fingerprint again' }).className).toContain('button-primary');
    expect(screen.getByRole('button', { name: 'New enquiry' }).className).toContain('button-secondary');
    expect(document.querySelectorAll('.button-primary')).toHaveLength(1);
  });

  for (const code of ['internal', 'host.unreachable', 'eko.server'] as const) {
    it(`${code}: may have reached the bank, so "result unknown" and no capture again`, () => {
      failed(new KioskError(code));
      expect(screen.getByTestId('result').getAttribute('data-outcome')).toBe('maybe-sent');
      expect(screen.getByRole('heading', { name: 'The result of this enquiry is unknown' })).toBeTruthy();
      expect(screen.queryByText('The enquiry was not sent to the bank')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Capture fingerprint again' })).toBeNull();
      expect(screen.getByRole('button', { name: 'New enquiry' }).className).toContain('button-primary');
    });
  }

  it('a "not sent" found after a restart shows the masked record and its reference, and only New enquiry', () => {
    patchSlice('enquiry', {
      step: 'result',
      enquiryError: new KioskError('eko.offline'),
      notSent: { state: 'notSent', clientRefId: 'REF-8', at: SUCCESS.at, maskedAadhaar: 'XXXX XXXX 0124', maskedMobile: 'XXXXXX3210', bankIin: '607094', bankName: 'State Bank of India', error: { code: 'eko.offline', messageKey: 'errors.eko.offline' } },
    });
    const { container } = renderFlow();
    expect(screen.getByTestId('result').getAttribute('data-outcome')).toBe('not-sent');
    for (const text of ['State Bank of India', 'XXXX XXXX 0124', 'XXXXXX3210', 'REF-8']) expect(container.textContent).toContain(text);
    expect(screen.queryByRole('button', { name: 'Capture fingerprint again' })).toBeNull();
  });
});

describe('errors', () => {
  it('an error without its parameter uses the plain wording, never "{{…}}"', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorNotice error={new KioskError('rd.poorQuality')} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The fingerprint is too faint to use.');
    expect(screen.getByRole('alert').textContent).not.toContain('{{');
    cleanup();
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorNotice error={new KioskError('rd.poorQuality', { params: { qScore: '18' } })} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('(quality 18)');
  });

  const notice = (error: KioskError) => {
    cleanup();
    render(
      <I18nextProvider i18n={i18n}>
        <ErrorNotice error={error} />
      </I18nextProvider>,
    );
    const alert = screen.getByRole('alert');
    return { what: alert.querySelector('.notice-what')!.textContent, aside: alert.querySelector('.notice-aside')?.textContent ?? null };
  };

  it('names Eko’s refused fields as the agent knows them, never the API’s names', async () => {
    const error = new KioskError('eko.invalidParams', { params: { fields: 'customer_id, aadhaar, pipe' } });
    expect(notice(error).what).toBe('Eko says some details are wrong: customer mobile number, Aadhaar number, other details.');
    await act(() => i18n.changeLanguage('hi'));
    expect(notice(error).what).toBe('Eko के अनुसार कुछ जानकारी गलत है: ग्राहक का मोबाइल नंबर, आधार नंबर, अन्य जानकारी।');
  });

  it('puts Eko’s own English words and a setting’s name in a small second line, not the main text', async () => {
    const failed = notice(new KioskError('eko.failed', { params: { message: 'Initiator not found' } }));
    expect(failed.what).toBe('Eko could not do this.');
    expect(failed.aside).toBe('Message from Eko: Initiator not found');
    const config = notice(new KioskError('config.invalid', { params: { setting: 'KIOSK_RD_HOST', problem: 'not loopback' } }));
    expect(config.what).toBe('The app is not set up correctly.');
    expect(config.aside).toBe('Setting: KIOSK_RD_HOST');
    await act(() => i18n.changeLanguage('hi'));
    expect(notice(new KioskError('eko.failed', { params: { message: 'Initiator not found' } })).what).toBe('Eko यह नहीं कर सका।');
  });

  it('a rendering bug shows a calm screen with a way home, and wipes the customer’s data', () => {
    const Boom = () => {
      throw new Error('boom');
    };
    s().enquiry.setMobile('9876543210');
    const quiet = console.error;
    console.error = () => {};
    try {
      render(
        <I18nextProvider i18n={i18n}>
          <ErrorBoundary>
            <Boom />
          </ErrorBoundary>
        </I18nextProvider>,
      );
    } finally {
      console.error = quiet;
    }
    expect(screen.getByRole('alert').textContent).toContain('This screen ran into a problem.');
    expect(screen.getByRole('button', { name: 'Back to home' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('boom');
    expect(s().enquiry.mobile).toBe('');
  });

  it('the app shows a translated notice when it cannot load, with a retry', async () => {
    setApi(fakeKioskApi({ getAppInfo: new KioskError('host.unreachable') }));
    useKiosk.setState(initial, true);
    render(
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app stopped answering.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
