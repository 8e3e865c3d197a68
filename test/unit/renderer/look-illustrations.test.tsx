// @vitest-environment happy-dom
/**
 * The finished look, pictures and icons: the illustrations are decoration (hidden from screen
 * readers, sized by CSS), the success picture shows for a balance received and for nothing else,
 * the scanner picture where a scanner is looked for; icons never change a button's name.
 */
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setApi } from '../../../renderer/bridge';
import * as Icons from '../../../renderer/components/Icons';
import { FingerOnScanner, Scanner, Success } from '../../../renderer/components/Illustrations';
import { initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { HomeScreen } from '../../../renderer/screens/HomeScreen';
import { DiagnosticsScreen } from '../../../renderer/screens/diagnostics/DiagnosticsScreen';
import { ResultStep } from '../../../renderer/screens/enquiry/ResultStep';
import { DEVICE_READY, STATEMENT, SUCCESS, fakeKioskApi, patchSlice } from './fake-kiosk-api';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';

initI18n('en');
const s = () => useKiosk.getState();

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  setApi(fakeKioskApi(answers));
}

freshKioskEachTest(() => use());

const DEVICE_NONE = { ...DEVICE_READY, state: 'none' as const, selected: null, deviceInfo: null };

describe('illustrations', () => {
  it.each([
    ['finger', <FingerOnScanner />],
    ['scanner', <Scanner />],
    ['scanner', <Scanner missing />],
    ['success', <Success />],
  ])('%s: inline SVG, aria-hidden, not focusable, sized by CSS', (name, picture) => {
    const { container } = render(picture);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.getAttribute('data-illustration')).toBe(name);
    expect(svg.getAttribute('class')).toContain('illustration');
    expect(svg.getAttribute('class')).toContain(`illustration-${name}`);
    // No fixed size (the stylesheet sizes it, and hides it on short screens), no image or link inside.
    expect(svg.hasAttribute('width')).toBe(false);
    expect(svg.hasAttribute('height')).toBe(false);
    expect(svg.querySelector('image, use, a, text')).toBeNull();
    // Colours come from the stylesheet's custom properties, through each part's class.
    for (const part of svg.querySelectorAll('path, rect, circle, ellipse')) {
      expect(part.hasAttribute('fill') && part.getAttribute('fill') !== 'none').toBe(false);
      expect(part.hasAttribute('stroke')).toBe(false);
      expect(part.getAttribute('class') ?? part.parentElement!.getAttribute('class')).toMatch(/^ill-/);
    }
  });

  it('the scanner not found shows a question mark on it; a found one a light', () => {
    const { container, rerender } = render(<Scanner missing />);
    expect(container.querySelector('.ill-badge')).toBeTruthy();
    expect(container.querySelector('.ill-led-off')).toBeTruthy();
    rerender(<Scanner />);
    expect(container.querySelector('.ill-badge')).toBeNull();
    expect(container.querySelector('.ill-led')).toBeTruthy();
  });
});

describe('the success picture in the result', () => {
  const show = (outcome: unknown, operation: 'balance' | 'miniStatement' = 'balance') => {
    s().nav.openFlow(operation);
    patchSlice('enquiry', { step: 'result', outcome: outcome as never });
    return renderIn(<ResultStep />);
  };
  const picture = () => document.querySelector('[data-illustration="success"]');

  it('shows beside a balance received, hidden from screen readers', () => {
    show(SUCCESS);
    expect(screen.getByTestId('result').dataset.outcome).toBe('success');
    expect(screen.getByTestId('balance').textContent).toBe('₹5,500.75');
    expect(picture()).toBeTruthy();
    expect(picture()!.getAttribute('aria-hidden')).toBe('true');
    // The heading still gets the focus, and is the heading a screen reader finds.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Balance received' }));
  });

  it('and when the bank gave no figure (the answer still came)', () => {
    show({ ...SUCCESS, balance: null });
    expect(screen.getByTestId('balance-missing')).toBeTruthy();
    expect(picture()).toBeTruthy();
  });

  it('never on a refusal or an unknown result', () => {
    const { unmount } = show({ ...SUCCESS, outcome: 'refused', reason: 'notLinked', serverMessage: null, balance: undefined });
    expect(screen.getByTestId('result').dataset.outcome).toBe('refused');
    expect(picture()).toBeNull();
    unmount();
    show({ ...SUCCESS, outcome: 'unknown', reason: 'awaited', balance: undefined });
    expect(screen.getByTestId('result').dataset.outcome).toBe('unknown');
    expect(picture()).toBeNull();
  });

  it('a mini statement received keeps its room for the lines (no picture), with the same head', () => {
    show(STATEMENT, 'miniStatement');
    expect(screen.getByRole('heading', { name: 'Mini statement received' })).toBeTruthy();
    expect(screen.getByTestId('balance').className).toContain('statement-balance');
    expect(picture()).toBeNull();
  });

  it('the result’s buttons keep their names with their icons', () => {
    show(SUCCESS);
    const again = screen.getByRole('button', { name: 'New enquiry' });
    expect(again.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('button', { name: 'Print receipt' }).querySelector('svg')).toBeTruthy();
  });
});

describe('the scanner picture', () => {
  it('home: only when no scanner is found', async () => {
    use({ getDeviceStatus: DEVICE_NONE });
    await act(() => s().session.loadAppInfo());
    await act(() => s().device.refresh());
    renderIn(<HomeScreen />);
    const panel = screen.getByTestId('scanner');
    expect(within(panel).getByText('No scanner found', { exact: false })).toBeTruthy();
    expect(panel.querySelector('[data-illustration="scanner"] .ill-badge')).toBeTruthy();

    act(() => patchSlice('device', { status: DEVICE_READY as never }));
    expect(panel.querySelector('[data-illustration="scanner"]')).toBeNull();
  });

  it('diagnostics: beside the scanner’s state', async () => {
    use({
      getDiagnostics: {
        version: '0.1.0', profile: 'demo', dataDir: '/d', host: 'web',
        runtime: { node: '20', electron: null, chrome: null, platform: 'linux-x64' },
        device: { ...DEVICE_READY, devices: [] },
        eko: { ok: true, baseUrl: 'x', clockSkewMs: 0, walletBalance: '1', error: null },
        journal: { rows: 0, unknown: 0, fileBytes: 0, schemaVersion: 2 },
      },
    });
    act(() => s().nav.openDiagnostics());
    renderIn(<DiagnosticsScreen />);
    const panel = await screen.findByTestId('diag-scanner');
    const svg = panel.querySelector('[data-illustration="scanner"]')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelector('.ill-badge')).toBeNull();
  });
});

describe('icons', () => {
  it('every icon: 24×24, drawn in the text’s colour, hidden from screen readers', () => {
    const entries = Object.entries(Icons);
    expect(entries.length).toBeGreaterThan(25);
    for (const [name, Icon] of entries) {
      const { container, unmount } = render(<Icon />);
      const svg = container.querySelector('svg')!;
      expect(svg.getAttribute('viewBox'), name).toBe('0 0 24 24');
      expect(svg.getAttribute('stroke'), name).toBe('currentColor');
      expect(svg.getAttribute('aria-hidden'), name).toBe('true');
      expect(svg.getAttribute('focusable'), name).toBe('false');
      expect(svg.querySelector('path')!.getAttribute('d'), name).toMatch(/^M/);
      unmount();
    }
  });
});
