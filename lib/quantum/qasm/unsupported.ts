/**
 * OpenQASM 3 keywords that start a statement Ketbook does not implement, with the message that
 * names the construct. The parser stops at the keyword, so the learner sees exactly what to
 * remove, instead of a confusing syntax error further on. A Map, so that a learner's name such
 * as `toString` or `constructor` is never mistaken for one of them.
 */
export const UNSUPPORTED_STATEMENTS: ReadonlyMap<string, string> = new Map([
  ["while", "`while` loops are not supported"],
  ["def", "subroutines (`def`) are not supported"],
  ["return", "`return` is not supported"],
  ["break", "`break` is not supported"],
  ["continue", "`continue` is not supported"],
  ["end", "`end` is not supported"],
  ["box", "`box` is not supported"],
  ["delay", "`delay` is not supported"],
  ["extern", "`extern` functions are not supported"],
  ["cal", "pulse-level calibration (`cal`) is not supported"],
  ["defcal", "pulse-level calibration (`defcal`) is not supported"],
  ["defcalgrammar", "pulse-level calibration (`defcalgrammar`) is not supported"],
  ["let", "aliases (`let`) are not supported"],
  ["switch", "`switch` statements are not supported"],
  ["output", "`output` declarations are not supported"],
  ["opaque", "`opaque` gates are not supported: a gate needs a body Ketbook can simulate"],
  ["duration", "`duration` variables are not supported"],
  ["stretch", "`stretch` variables are not supported"],
  ["array", "arrays are not supported"],
  ["complex", "`complex` variables are not supported"],
  ["angle", "`angle` variables are not supported; use `const float` or `input float`"],
  ["bool", "`bool` variables are not supported"],
  ["int", "classical variables (`int`) are not supported; use `const int n = ...;` for a constant"],
  [
    "uint",
    "classical variables (`uint`) are not supported; use `const uint n = ...;` for a constant",
  ],
  [
    "float",
    "classical variables (`float`) are not supported; use `const float x = ...;` for a constant",
  ],
]);
