/** A role's readiness as an accessible progress bar with its number beside it. */
export function ReadinessBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="readiness">
      <div
        className="progress"
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="readiness__value">{percent}%</span>
    </div>
  );
}
