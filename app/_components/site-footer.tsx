export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Ketbook — learn quantum machine learning by running circuits. Circuits are written in
        OpenQASM; bitstrings follow Qiskit&apos;s order (qubit 0 is the rightmost bit).
      </p>
    </footer>
  );
}
