import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { i18nReady, initI18n } from './i18n';
import { useKiosk } from './store';
import './styles.css';

const i18n = initI18n();
// Ask the main side the start-up questions now, while React draws the first screen.
useKiosk.getState().session.startUp();
// Render once the agent's language is loaded (immediate for English).
void i18nReady().finally(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </I18nextProvider>
  </StrictMode>,
));
