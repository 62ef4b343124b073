"use client";

/** Opens the browser's print dialog, where "Save as PDF" makes the PDF (print CSS trims the page). */
export function PrintButton() {
  return (
    <button type="button" className="button button--small" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
