/**
 * Flat inline illustrations, where a picture says more than words: the scanner, a finger placed
 * on it, a result received. Decorative (aria-hidden: the words beside them carry the meaning),
 * drawn in the app's colours (styles.css maps each `ill-*` part to a custom property), sized by
 * CSS (`.illustration`), and left out on short screens (max-height 700px) where room is scarce.
 * No image files, nothing fetched.
 */
import type { ReactNode } from 'react';

function Picture({ name, viewBox, className, children }: { name: string; viewBox: string; className?: string; children: ReactNode }) {
  return (
    <svg
      className={`illustration illustration-${name}${className ? ` ${className}` : ''}`}
      viewBox={viewBox}
      aria-hidden="true"
      focusable="false"
      data-illustration={name}
    >
      {children}
    </svg>
  );
}

/** A desktop fingerprint scanner (body, glass, cable, light), its top `dy` down from the picture's. */
function ScannerBody({ dy = 0, lit = true }: { dy?: number; lit?: boolean }) {
  return (
    <g transform={dy ? `translate(0 ${dy})` : undefined}>
      <ellipse className="ill-shadow" cx="82" cy="106" rx="60" ry="6" />
      <path className="ill-cable" d="M24 82c-14 0-18 10-16 24" fill="none" strokeWidth="5" strokeLinecap="round" />
      <rect className="ill-body" x="22" y="44" width="120" height="60" rx="22" />
      <rect className="ill-plate" x="32" y="50" width="100" height="40" rx="14" />
      <rect className="ill-glass" x="54" y="55" width="56" height="30" rx="6" strokeWidth="2.5" />
      <g className="ill-ridge" fill="none" strokeWidth="2" strokeLinecap="round">
        <path d="M71 78a11 11 0 0 1 22 0" />
        <path d="M75 78a7 7 0 0 1 14 0" />
        <path d="M66 74a16 16 0 0 1 32 0" />
      </g>
      <circle className={lit ? 'ill-led' : 'ill-led-off'} cx="124" cy="97" r="3.5" />
    </g>
  );
}

/** The scanner on its own (Diagnostics, the home screen); `missing`: not found, with a question mark. */
export function Scanner({ className, missing = false }: { className?: string; missing?: boolean }) {
  return (
    <Picture name="scanner" viewBox="0 0 164 116" className={className}>
      <ScannerBody lit={!missing} />
      {missing && (
        <g>
          <circle className="ill-badge" cx="140" cy="30" r="17" strokeWidth="3" />
          <path className="ill-badge-mark" d="M135 25.5a5.2 5.2 0 0 1 10 1.6c0 3.6-5 4.3-5 7.6" fill="none" strokeWidth="3.5" strokeLinecap="round" />
          <circle className="ill-badge-dot" cx="140" cy="40" r="2.3" />
        </g>
      )}
    </Picture>
  );
}

/** A finger pressed flat on the scanner's glass: how to place it (for the capture step). */
export function FingerOnScanner({ className }: { className?: string }) {
  return (
    <Picture name="finger" viewBox="0 0 164 150" className={className}>
      <ScannerBody dy={34} />
      <g className="ill-signal" fill="none" strokeWidth="3" strokeLinecap="round">
        <path d="M52 84a30 30 0 0 1 0-26" />
        <path d="M42 90a42 42 0 0 1 0-38" />
        <path d="M112 84a30 30 0 0 0 0-26" />
        <path d="M122 90a42 42 0 0 0 0-38" />
      </g>
      <path className="ill-finger" d="M65 0h34v90a17 17 0 0 1-34 0z" strokeWidth="3" strokeLinejoin="round" />
      <rect className="ill-nail" x="70" y="76" width="24" height="22" rx="9" strokeWidth="2.5" />
      <g className="ill-crease" fill="none" strokeWidth="2.5" strokeLinecap="round">
        <path d="M72 34h20M74 41h16" />
      </g>
    </Picture>
  );
}

/** A receipt with a check on it: the answer came, and it is good (the result step's success). */
export function Success({ className }: { className?: string }) {
  return (
    <Picture name="success" viewBox="0 0 164 128" className={className}>
      <ellipse className="ill-shadow" cx="84" cy="120" rx="54" ry="5" />
      <path
        className="ill-paper"
        d="M38 8h76v98l-7.6-6-7.6 6-7.6-6-7.6 6-7.6-6-7.6 6-7.6-6-7.6 6-7.6-6-7.6 6z"
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
      <g className="ill-paper-line" fill="none" strokeWidth="5" strokeLinecap="round">
        <path d="M52 26h48M60 38h32" />
        <path d="M52 74h22M52 86h16" />
      </g>
      <path className="ill-paper-amount" d="M52 56h44" fill="none" strokeWidth="9" strokeLinecap="round" />
      <circle className="ill-check-disc" cx="118" cy="90" r="27" />
      <path className="ill-check-mark" d="m105 90 9 9 17-18" fill="none" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round" />
    </Picture>
  );
}
