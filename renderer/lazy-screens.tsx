/**
 * Screens other than home load on demand, so the first paint needs only the
 * home screen's code (initial JS goal < 150 KB gzip). They are fetched in the
 * background right after start-up, so the agent never waits on a click.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { ScreenSkeleton } from './components/Skeleton';

const loaders = {
  enquiry: () => import('./screens/enquiry/EnquiryFlow').then((m) => ({ default: m.EnquiryFlow })),
  // Only ever has something to print after a result or history screen (both loaded on demand).
  receipt: () => import('./components/receipt/ReceiptPrint').then((m) => ({ default: m.ReceiptPrintArea })),
  history: () => import('./screens/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })),
  diagnostics: () => import('./screens/diagnostics/DiagnosticsScreen').then((m) => ({ default: m.DiagnosticsScreen })),
  dailyAuth: () => import('./screens/daily-auth/DailyAuthFlow').then((m) => ({ default: m.DailyAuthFlow })),
};

export const EnquiryFlow = lazy(loaders.enquiry);
export const HistoryScreen = lazy(loaders.history);
export const DiagnosticsScreen = lazy(loaders.diagnostics);
export const DailyAuthFlow = lazy(loaders.dailyAuth);
export const ReceiptPrintArea = lazy(loaders.receipt);

/** Fetch every screen's code once the home screen is up. */
export function preloadScreens(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

/** While a screen's code arrives: the screen's outline, "Loading…" for a screen reader. */
export function ScreenSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenSkeleton />}>{children}</Suspense>;
}
