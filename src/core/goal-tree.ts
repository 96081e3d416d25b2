/**
 * The goal tree as the roll-up formulas walk it (src/core/formulas.ts): each row's Parent, found by
 * ID without case, followed up at most ROLLUP_LEVELS steps. Check uses it to name loops and rows
 * too deep to roll up; the report uses it to show the tree.
 */
import { ROLLUP_LEVELS } from './formulas';

/** Where a row's Parent chain leads: to a top-level goal (its ancestors, nearest first), round a loop, or too deep. */
export type Chain =
  | { kind: 'top'; ancestors: string[] }
  | { kind: 'loop'; loop: string[] }
  | { kind: 'deep'; ancestors: string[] };

/**
 * The chain above `id`, given each ID's Parent (keys in lower case; an unknown or blank Parent ends
 * it, as the formulas treat it). A loop is reported with its IDs from the first one the walk meets.
 */
export function chainOf(id: string, parentOf: (key: string) => string | undefined): Chain {
  const ancestors: string[] = [];
  const seen = [id.toLowerCase()];
  let parent = parentOf(id.toLowerCase());
  while (parent) {
    const key = parent.toLowerCase();
    const at = seen.indexOf(key);
    if (at >= 0) return { kind: 'loop', loop: [id, ...ancestors].slice(at) };
    if (ancestors.length === ROLLUP_LEVELS) return { kind: 'deep', ancestors };
    ancestors.push(parent);
    seen.push(key);
    parent = parentOf(key);
  }
  return { kind: 'top', ancestors };
}
