/**
 * Small inline icons (no icon library), one line style: 24×24, drawn with the text's colour
 * (stroke currentColor), round ends. Decorative (aria-hidden): the words next to them carry the
 * meaning. Each icon is one drawing (an SVG path); its comment says what it shows and the action
 * it stands for, so a button gets the icon that fits what it does.
 */
import type { ReactNode } from 'react';

type P = { size?: number; className?: string };

/** A circle as path data (two half arcs). */
function ring(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

/** A rectangle with rounded corners as path data. */
function box(x: number, y: number, w: number, h: number, r: number): string {
  const arc = (dx: number, dy: number) => `a${r} ${r} 0 0 1 ${dx} ${dy}`;
  return `M${x + r} ${y}h${w - 2 * r}${arc(r, r)}v${h - 2 * r}${arc(-r, r)}h${2 * r - w}${arc(-r, -r)}v${2 * r - h}${arc(r, -r)}Z`;
}

function Svg({ children, size = 24, className, strokeWidth = 2.2 }: { children: ReactNode; size?: number; className?: string; strokeWidth?: number }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** An icon component from its drawing (the parts of one path), its stroke and its default size. */
function icon(parts: string[], { strokeWidth, size: defaultSize = 24 }: { strokeWidth?: number; size?: number } = {}) {
  const d = parts.join('');
  return function Icon({ size = defaultSize, className }: P) {
    return (
      <Svg size={size} className={className} strokeWidth={strokeWidth}>
        <path d={d} />
      </Svg>
    );
  };
}

/* Outcomes and notices */
/** A check in a circle: done, success. */
export const IconCheck = icon([ring(12, 12, 10), 'M7.5 12.5l3 3 6-6.5']);
/** A cross in a circle: refused, failed; clear. */
export const IconCross = icon([ring(12, 12, 10), 'M8.5 8.5l7 7m0-7-7 7']);
/** A question mark in a circle: not known. */
export const IconQuestion = icon([ring(12, 12, 10), 'M9.3 9a2.8 2.8 0 0 1 5.4 1c0 1.9-2.7 2.4-2.7 4.2M12 17.6h.01']);
/** A warning triangle: something to fix. */
export const IconWarning = icon(['M10.3 3.9 2.4 17.6A2 2 0 0 0 4.1 20.6h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z', 'M12 9.5v4.5M12 17.3h.01']);
/** A clock face: the time (the PC's clock). */
export const IconClock = icon([ring(12, 12, 10), 'M12 6.5V12l3.5 2']);

/* Actions */
/** Two turning arrows: refresh, try again. */
export const IconRefresh = icon(['M20 11a8 8 0 0 0-14.3-4.9L4 8M4 3v5h5', 'M4 13a8 8 0 0 0 14.3 4.9L20 16M20 21v-5h-5']);
/** A key with a cross: delete the last digit or letter. */
export const IconBackspace = icon(['M21 5H9l-6 7 6 7h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1Z', 'M12.5 9.5l5 5m0-5-5 5']);
/** Arrow right: continue, open. */
export const IconArrowRight = icon(['M5 12h14M13 6l6 6-6 6']);
/** Arrow left: back, close and return. */
export const IconArrowLeft = icon(['M19 12H5M11 18l-6-6 6-6']);
/** A magnifier: search, find (the scanner). */
export const IconSearch = icon([ring(11, 11, 7), 'M20 20l-3.5-3.5']);
/** A house: go home. */
export const IconHome = icon(['M3 11 12 4l9 7', 'M5.5 9.5V20h13V9.5M10 20v-5.5h4V20']);
/** A clock with a turning-back arrow: the history of past operations. */
export const IconHistory = icon(['M3.5 12a8.5 8.5 0 1 0 2.5-6M3 3.5V8h4.5', 'M12 7.5V12l3 2']);
/** A person with a plus: a new customer, a new enquiry. */
export const IconUserPlus = icon([ring(9.5, 8, 3.5), 'M3 20a6.5 6.5 0 0 1 13 0', 'M19 8v6M16 11h6']);
/** A pencil: change what was typed or chosen. */
export const IconEdit = icon(['M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z', 'M13.5 6.5l4 4']);
/** A printer: print the receipt. */
export const IconPrinter = icon(['M7 9V3h10v6', box(3, 9, 18, 8, 2), 'M7 14h10v7H7z'], { size: 22 });
/** A page with a downward arrow: save as a file (the receipt's PDF). */
export const IconFileDown = icon(['M14 3H6v18h12V7zM14 3v4h4', 'M12 10.5v6.5M9.5 14.5 12 17l2.5-2.5'], { size: 22 });
/** An arrow into a tray: download, export to a file. */
export const IconDownload = icon(['M12 3v12M7 10l5 5 5-5', 'M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3']);
/** A gear: the operator's settings. */
export const IconGear = icon(
  [
    ring(12, 12, 3),
    'M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z',
  ],
  { strokeWidth: 2 },
);
/** A padlock: lock the settings. */
export const IconLock = icon([box(4, 11, 16, 10, 2), 'M8 11V7a4 4 0 0 1 8 0v4'], { size: 22 });

/* Things */
/** A fingerprint: capture a finger, authenticate; the scanner. */
export const IconFingerprint = icon([
  'M6.4 5.3A9 9 0 0 1 21 12v1M3 15.5V12a9 9 0 0 1 1.4-4.8',
  'M7 19.5c.9-1.9 1-3.6 1-7.5a4 4 0 0 1 8 0v1.5M12 12v1.5c0 3-.6 5.4-1.9 7.5',
  'M16 17c-.2 1.3-.6 2.6-1.1 3.8M20.5 17.5c-.2.6-.4 1.1-.6 1.6',
]);
/** A wallet: the agent's Eko wallet. */
export const IconWallet = icon(['M19 7V5a1 1 0 0 0-1-1H5a2 2 0 0 0 0 4h15a1 1 0 0 1 1 1v4', 'M3 6v12a2 2 0 0 0 2 2h15a1 1 0 0 0 1-1v-3', 'M21 12h-4a2 2 0 0 0 0 4h4v-4Z']);
/** A rupee sign in a circle: the customer's balance. */
export const IconRupee = icon([ring(12, 12, 10), 'M8.5 7.5h7M8.5 10.5h7', 'M10.5 7.5a3 3 0 0 1 0 6h-2l5 4']);
/** A bank's columns: a bank, another bank. */
export const IconBank = icon(['M3 10 12 4l9 6', 'M5 10v8M9.7 10v8M14.3 10v8M19 10v8M3 21h18']);
/** A page with lines: the mini statement. */
export const IconStatement = icon(['M6 3h9l4 4v14H6z', 'M9 10h7M9 14h7M9 18h4']);
/** A list of entries: a record, the history file. */
export const IconList = icon(['M9 6h11M9 12h11M9 18h11', 'M4.5 6h.01M4.5 12h.01M4.5 18h.01']);
/** A screen: this PC, the app running on it. */
export const IconMonitor = icon([box(3, 4, 18, 12, 2), 'M8 20h8M12 16v4']);
/** A pulse line: diagnostics (the app's and the scanner's health). */
export const IconPulse = icon(['M3 12h4l2.5-6 4 12 2.5-6H21']);
/** Arrow down-left: money in (a statement's credit). */
export const IconMoneyIn = icon(['M17 7 7 17M7 9v8h8'], { strokeWidth: 2.4 });
/** Arrow up-right: money out (a statement's debit). */
export const IconMoneyOut = icon(['M7 17 17 7M9 7h8v8'], { strokeWidth: 2.4 });
