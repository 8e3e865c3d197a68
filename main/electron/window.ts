/**
 * The one window: its options and how the shell decides between a release
 * (locked-down, full-screen kiosk) and a development run.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export interface ShellMode {
  /** A packaged build: no DevTools, no reload/zoom shortcuts, always kiosk. */
  release: boolean;
  /** Full-screen kiosk window (Windows: kiosk mode; real lock-down is Assigned Access). */
  kiosk: boolean;
}

/**
 * Release builds are always kiosk. A development run is windowed unless asked
 * for kiosk with `--kiosk` or KIOSK_WINDOW=kiosk (to try the real thing).
 */
export function resolveShellMode(input: { isPackaged: boolean; argv: readonly string[]; env: NodeJS.ProcessEnv }): ShellMode {
  if (input.isPackaged) return { release: true, kiosk: true };
  const wantsKiosk = input.argv.includes('--kiosk') || input.env.KIOSK_WINDOW === 'kiosk';
  return { release: false, kiosk: wantsKiosk };
}

export function mainWindowOptions(mode: ShellMode, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    kiosk: mode.kiosk,
    fullscreen: mode.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6fb',
    title: 'AePS Counter',
    webPreferences: secureWebPreferences(preloadPath, { release: mode.release }),
  };
}
