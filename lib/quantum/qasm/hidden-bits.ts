/**
 * Hidden classical bits: latches (a condition evaluated once, so measurements under it cannot
 * change it halfway) and the bits of run-time `int` variables. They are numbered from
 * HIDDEN_BASE while lowering, because registers may still be declared after them, and placed
 * after the visible bits once every register is known (`place`), so counts, which read only the
 * declared registers, never include them.
 */
import { mapClassicalBits } from "../classical";
import type { Condition, Op } from "../ir";

/** Far above any visible bit index, so the two never meet while lowering. */
export const HIDDEN_BASE = 2 ** 30;

export class HiddenBits {
  private count = 0;
  /** The condition each latch holds, as the source wrote it. */
  private readonly latchTexts = new Map<number, string>();

  get size(): number {
    return this.count;
  }

  allocate(width: number): number[] {
    const bits = Array.from({ length: width }, (_, i) => HIDDEN_BASE + this.count + i);
    this.count += width;
    return bits;
  }

  /** A one-bit latch holding the condition written `text`. */
  latch(text: string): number {
    const [bit] = this.allocate(1);
    this.latchTexts.set(bit, text);
    return bit;
  }

  isHidden(bit: number): boolean {
    return bit >= HIDDEN_BASE;
  }

  /** What a cube's hidden bit means: the latch's condition, or its negation for value 0. */
  describe(bit: number, value: 0 | 1): string {
    const text = this.latchTexts.get(bit) ?? "a run-time value";
    return value === 1 ? text : `!(${text})`;
  }

  /** The ops with hidden bits renumbered to follow the `visible` declared bits. */
  place(ops: readonly Op[], visible: number): Op[] {
    if (this.count === 0) return [...ops];
    const map = (bit: number) => (bit >= HIDDEN_BASE ? visible + bit - HIDDEN_BASE : bit);
    return ops.map((op) => {
      const condition: Condition | undefined = op.condition && {
        ...op.condition,
        clbits: op.condition.clbits.map(map),
      };
      const placed = condition ? { ...op, condition } : op;
      if (placed.kind !== "classical") return placed;
      return {
        ...placed,
        targets: placed.targets.map(map),
        expr: mapClassicalBits(placed.expr, map),
      };
    });
  }
}
