/**
 * A zod issue in plain words, for the person who will read it in the sidebar or an alert. Never
 * echoes the rejected value: it may be huge, or text a sheet would take for a formula.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const MAX_KEY_SHOWN = 40;
const shorten = (text: string) => (text.length > MAX_KEY_SHOWN ? `${text.slice(0, MAX_KEY_SHOWN)}…` : text);
const quoted = (keys: readonly string[]) =>
  keys
    .slice(0, 3)
    .map((k) => `"${shorten(k)}"`)
    .join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '');

/** zod/mini loads no locale, so its own message is this placeholder unless a schema gave one. */
const PLACEHOLDER = 'Invalid input';

/** What is wrong with `subject`, e.g. `the cell must be a cell address such as B7`. */
export function describeIssue(issue: Issue, subject: string): string {
  if (issue.message && issue.message !== PLACEHOLDER) return `${subject} ${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${subject} must be ${article(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${subject} is longer than ${String(issue.maximum)} characters`
        : `${subject} must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${subject} is empty`
        : `${subject} must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `${subject} must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${subject} has unknown field(s) ${quoted(issue.keys)}`;
    default:
      return `${subject} is not valid`;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
