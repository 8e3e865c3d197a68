/** The entered details that have a value, masked, above a flow's steps (nothing when none has). */
export function SummaryList({ items, label, testId }: { items: [string, string | null][]; label: string; testId: string }) {
  const shown = items.filter(([, v]) => v);
  if (shown.length === 0) return null;
  return (
    <dl className="summary" aria-label={label} data-testid={testId}>
      {shown.map(([k, v]) => (
        <div key={k} className="summary-item">
          <dt>{k}</dt>
          <dd className="mono-ish">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
