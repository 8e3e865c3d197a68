import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n';
import { useKiosk } from '../store';
import { IconWarning } from './Icons';

/**
 * The last line of defence: a rendering bug shows a calm, translated screen with a
 * way back, never a blank page or a stack trace. The customer's data is wiped.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately not logged to the console: the state may hold customer data.
    try {
      useKiosk.getState().nav.goHome('agent');
    } catch {
      /* the store itself failed: the reload button still works */
    }
  }

  private goHome = () => {
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <div className="crash" role="alert">
        <div className="card crash-card">
          <IconWarning size={48} className="crash-icon" />
          <h1>{t('crash.title')}</h1>
          <p>{t('crash.body')}</p>
          <div className="actions">
            <button type="button" className="button button-primary button-big" onClick={this.goHome}>
              {t('crash.home')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
              {t('crash.reload')}
            </button>
          </div>
        </div>
      </div>
    );
  }
}
