/** The set-up the renderer's screen tests share: a fresh store, storage and language each test, and rendering in English. */
import type { ReactNode } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { setApi } from '../../../renderer/bridge';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';

initI18n('en');

/**
 * Each test starts from the store's first state, empty local and session storage, English, and the
 * fake API `use()` installs; each ends unmounted, with no API. Call it once, at the top of a file.
 */
export function freshKioskEachTest(use: () => void) {
  const initial = useKiosk.getState();
  beforeEach(async () => {
    useKiosk.setState(initial, true);
    localStorage.clear();
    sessionStorage.clear();
    use();
    await act(() => i18n.changeLanguage('en'));
  });
  afterEach(() => {
    cleanup();
    setApi(null);
  });
}

/** Renders a screen inside the app's i18n provider. */
export function renderIn(node: ReactNode) {
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}
