// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { KioskError, type Diagnostics } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { DiagnosticsScreen, formatBytes, formatSkewSeconds } from '../../../renderer/screens/diagnostics/DiagnosticsScreen';
import { DEVICE_READY, fakeKioskApi, type FakeKioskApi } from './fake-kiosk-api';

initI18n('en');
const initial = useKiosk.getState();
let api: FakeKioskApi;

const DIAG: Diagnostics = {
  version: '0.1.0',
  profile: 'demo',
  dataDir: '/data/aeps',
  host: 'web',
  runtime: { node: '20.20.0', electron: null, chrome: null, platform: 'linux-x64' },
  device: { ...DEVICE_READY, devices: [DEVICE_READY.selected, { ...DEVICE_READY.selected, port: 11101, status: 'NOTREADY', info: 'Other' }] },
  eko: { ok: true, baseUrl: 'https://eko.example/ekoapi/v3', clockSkewMs: 1200, walletBalance: '2208340023.75', error: null },
  journal: { rows: 12, unknown: 1, fileBytes: 2_621_440, schemaVersion: 2 },
};

function open(answers: Parameters<typeof fakeKioskApi>[0]) {
  api = fakeKioskApi(answers);
  setApi(api);
  useKiosk.getState().nav.openDiagnostics();
  return render(
    <I18nextProvider i18n={i18n}>
      <DiagnosticsScreen />
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  useKiosk.setState(initial, true);
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('diagnostics', () => {
  it('formats sizes and clock skew', () => {
    expect(formatBytes(4096)).toBe('4.0 KB');
    expect(formatBytes(2_621_440)).toBe('2.5 MB');
    expect(formatSkewSeconds(1200)).toBe('+1.2');
    expect(formatSkewSeconds(-45_000)).toBe('-45.0');
  });

  it('shows the scanner inventory, device, Eko, journal and versions', async () => {
    open({ getDiagnostics: DIAG });
    const services = await screen.findByTestId('diag-services');
    const rows = within(services).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('11100');
    expect(rows[1]!.textContent).toContain('Ready');
    expect(rows[1]!.textContent).toContain('in use');
    expect(rows[2]!.textContent).toContain('Not ready');
    expect(screen.getByTestId('diag-device').textContent).toContain('MFS100');
    expect(screen.getByTestId('diag-device').textContent).toContain('L0');
    expect(screen.getByTestId('diag-eko-status').textContent).toContain('Connected');
    expect(screen.getByTestId('diag-skew').textContent).toBe('+1.2 s');
    expect(screen.queryByTestId('diag-skew-warning')).toBeNull();
    expect(screen.getByTestId('diag-wallet').textContent).toBe('₹2,20,83,40,023.75');
    expect(screen.getByTestId('diag-size').textContent).toBe('2.5 MB');
    expect(screen.getByTestId('diag-unknown').textContent).toBe('1');
    expect(screen.getByTestId('diag-datadir').textContent).toBe('/data/aeps');
    expect(screen.getByTestId('diag-app').textContent).toContain('20.20.0');
  });

  it('warns when the clock is more than 30 s off and says when Eko is not reachable', async () => {
    open({ getDiagnostics: { ...DIAG, eko: { ...DIAG.eko, ok: false, clockSkewMs: -45_000, error: { ...new KioskError('eko.timeout').toWire(), detail: 'timeout' } } } });
    expect((await screen.findByTestId('diag-skew-warning')).textContent).toContain('More than 30 seconds off');
    expect(screen.getByTestId('diag-eko-status').textContent).toContain('Not connected');
  });

  it('exports the bundle and shows where it went; a failure says what to do', async () => {
    open({ getDiagnostics: DIAG, exportDiagnostics: { path: '/data/aeps/exports/diagnostics-1.json' } });
    await screen.findByTestId('diag-services');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' })));
    expect(screen.getByTestId('diag-export-path').textContent).toBe('/data/aeps/exports/diagnostics-1.json');
    api.exportDiagnostics.mockRejectedValueOnce(new KioskError('internal'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' })));
    expect(screen.getByRole('alert').getAttribute('data-error-code')).toBe('internal');
  });

  it('a failed "Export logs" retries the logs export, not the bundle', async () => {
    open({ getDiagnostics: DIAG, exportLogs: new KioskError('internal') });
    await screen.findByTestId('diag-services');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export logs' })));
    expect(api.exportLogs).toHaveBeenCalledTimes(1);
    api.exportLogs.mockResolvedValueOnce({ path: '/data/aeps/exports/logs-1.zip', files: 1, lines: 3 });
    await act(async () => fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' })));
    expect(api.exportLogs).toHaveBeenCalledTimes(2);
    expect(api.exportDiagnostics).not.toHaveBeenCalled();
    expect(screen.getByTestId('diag-export-path').textContent).toBe('/data/aeps/exports/logs-1.zip');
  });

  it('explains an Eko failure in the agent’s language by its code, with the raw detail only as a footnote', async () => {
    const error = { ...new KioskError('eko.auth').toWire(), detail: 'HTTP 403: signature or developer key refused' };
    await act(() => i18n.changeLanguage('hi'));
    open({ getDiagnostics: { ...DIAG, eko: { ...DIAG.eko, ok: false, walletBalance: null, error } } });
    const box = await screen.findByTestId('diag-eko-error');
    expect(box.getAttribute('data-error-code')).toBe('eko.auth');
    expect(box.querySelector('.notice-what')!.textContent).toBe('Eko ने ऐप की पहचान (क्रेडेंशियल) नहीं मानी।');
    expect(box.querySelector('.notice-todo')!.textContent).toContain('ऑपरेटर');
    expect(box.querySelector('.mono')!.textContent).toBe(error.detail);
  });

  it('shows Eko’s own words for a failure it explained (the aside line of every error notice)', async () => {
    const error = { ...new KioskError('eko.failed', { params: { message: 'Initiator not found' } }).toWire(), detail: 'status 463' };
    open({ getDiagnostics: { ...DIAG, eko: { ...DIAG.eko, ok: false, walletBalance: null, error } } });
    const box = await screen.findByTestId('diag-eko-error');
    expect(box.querySelector('.notice-aside')!.textContent).toContain('Initiator not found');
    expect(box.querySelector('.mono')!.textContent).toBe('status 463');
  });

  it('refreshes', async () => {
    open({ getDiagnostics: DIAG });
    await screen.findByTestId('diag-services');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));
    expect(api.getDiagnostics).toHaveBeenCalledTimes(2);
  });
});
