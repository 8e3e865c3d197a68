/**
 * A placeholder shaped like the content on its way (a figure, rows, panels), in place of a bare
 * "Loading…": one component for every screen. Screen readers hear the words (`label`, by default
 * "Loading…") from a live status region; the grey shapes are hidden from them. The shapes
 * shimmer gently, and stand still under prefers-reduced-motion (styles.css).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A line's width, in per cent of its row (styles.css has a class for each). */
export type SkeletonWidth = 20 | 30 | 40 | 50 | 60 | 70 | 80 | 90 | 100;
/** A line's height: small text, body text, a heading, a big figure. */
export type SkeletonSize = 'sm' | 'md' | 'lg' | 'xl';
export type SkeletonLine = { width: SkeletonWidth; size?: SkeletonSize };

type Props = {
  /** `lines`: text lines, one above the other; `blocks`: `count` boxes (rows or panels), each holding the lines. */
  variant: 'lines' | 'blocks';
  lines?: SkeletonLine[];
  count?: number;
  /** Blocks side by side (the diagnostics panels); 1 (rows) unless said. */
  columns?: 1 | 2 | 3;
  /** What a screen reader hears; "Loading…" unless said. */
  label?: string;
  className?: string;
  testId?: string;
};

const DEFAULT_LINES: SkeletonLine[] = [{ width: 60, size: 'lg' }, { width: 90 }, { width: 70 }];

function Lines({ lines }: { lines: SkeletonLine[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <span key={i} className={`skeleton-shape skeleton-line skeleton-${l.size ?? 'md'} skeleton-w${l.width}`} />
      ))}
    </>
  );
}

export function Skeleton({ variant, lines = DEFAULT_LINES, count = 1, columns = 1, label, className, testId = 'skeleton' }: Props) {
  const { t } = useTranslation();
  let shapes: ReactNode = <Lines lines={lines} />;
  if (variant === 'blocks') {
    shapes = Array.from({ length: count }, (_, i) => (
      <span key={i} className="skeleton-block">
        <Lines lines={lines} />
      </span>
    ));
  }
  return (
    <div
      className={`skeleton skeleton-${variant} skeleton-cols-${columns}${className ? ` ${className}` : ''}`}
      // A live status, never aria-busy: a busy live region is held back by screen readers, so "Loading…" would go unsaid.
      role="status"
      data-testid={testId}
    >
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
      <span className="skeleton-shapes" aria-hidden="true">
        {shapes}
      </span>
    </div>
  );
}

/** A whole screen on its way (start-up, a screen's code, the settings check): a heading and two panels. */
export function ScreenSkeleton({ label }: { label?: string }) {
  return (
    <Skeleton
      variant="blocks"
      count={2}
      className="skeleton-screen"
      lines={[{ width: 40, size: 'lg' }, { width: 90 }, { width: 70 }, { width: 80 }]}
      label={label}
      testId="screen-skeleton"
    />
  );
}
