import { STATUS_LABELS, STATUSES } from "./status";

export function StatusLegend() {
  return (
    <ul className="roadmap-legend" aria-label="Legend">
      {STATUSES.map((status) => (
        <li key={status}>
          <span className={`roadmap-legend__swatch skill-status--${status}`} aria-hidden="true" />
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}
