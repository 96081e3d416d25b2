/**
 * The sidebar's server API at its trust boundary. Arguments that arrive through google.script.run
 * are untrusted (docs/APPS-SCRIPT.md, "The sidebar bridge"): src/main.ts parses them with these
 * schemas before anything runs, and sidebar/server.ts takes its argument types from them, so the
 * sidebar and the server cannot disagree.
 */
import * as z from 'zod/mini';

import { CheckinRequestSchema } from './checkin';
import { describeIssue } from './issue-words';
import { NormaliseSelectionSchema } from './normalise';
import { ScheduleSchema } from './schedule';

/** Our own bound, far above any tab name OpsPlan reports: a larger payload is refused unread. */
export const MAX_TAB_NAME = 1_000;

const TabName = z.string().check(z.minLength(1), z.maxLength(MAX_TAB_NAME));
/** One cell in A1 notation, as a finding gives it ('' means the tab itself); never a formula. */
const CellAddress = z
  .string()
  .check(z.regex(/^([A-Z]{1,3}\d{1,7})?$/, { error: 'must be a cell address such as B7' }));

const NONE = z.tuple([]);
/** Email addresses as the sidebar showed them (compared in lower case; never parsed as anything else). */
const Addresses = z.array(z.string().check(z.maxLength(254))).check(z.maxLength(10_000));

/** Every function the sidebar calls, with the schema of its arguments (in order). */
export const SIDEBAR_API = {
  getAddonInfo: NONE,
  previewSetUp: NONE,
  setUpPlan: NONE,
  insertExamplePlan: NONE,
  refreshKpiStatus: NONE,
  checkPlanNow: NONE,
  listCheckRules: NONE,
  // The person picked when Apps Script withholds the user's email; null for "find me by email".
  getMyItems: z.tuple([z.nullable(z.string().check(z.maxLength(200)))]),
  saveMyItems: z.tuple([CheckinRequestSchema]),
  goToCell: z.tuple([TabName, CellAddress]),
  generateReportNow: NONE,
  buildGanttNow: NONE,
  previewStatusEmails: NONE,
  // The recipients the person confirmed; without them, everyone the preview would list.
  sendStatusEmailsNow: z.tuple([z.optional(Addresses)]),
  getSchedule: NONE,
  // Strict: a field the server does not know means the sidebar and server disagree.
  saveScheduleSettings: z.tuple([
    z.strictObject({ ...ScheduleSchema.shape, recipients: z.optional(Addresses) }),
  ]),
  approveHeldRecipients: z.tuple([Addresses]),
  previewNormaliseValues: NONE,
  normaliseValues: z.tuple([NormaliseSelectionSchema]),
};

export type SidebarFunction = keyof typeof SIDEBAR_API;
/** What the sidebar sends. */
export type SidebarArgsIn<K extends SidebarFunction> = z.input<(typeof SIDEBAR_API)[K]>;
/** What the server function receives once parsed. */
export type SidebarArgs<K extends SidebarFunction> = z.output<(typeof SIDEBAR_API)[K]>;

/** One name per element of a tuple type. */
type NamesOf<Args> = { [I in keyof Args]: string };

/** Argument names for messages; one per argument, so a missing name does not compile. */
const ARGUMENT_NAMES: { [K in SidebarFunction]: NamesOf<SidebarArgs<K>> } = {
  getAddonInfo: [],
  previewSetUp: [],
  setUpPlan: [],
  insertExamplePlan: [],
  refreshKpiStatus: [],
  checkPlanNow: [],
  listCheckRules: [],
  getMyItems: ['name'],
  saveMyItems: ['check-in'],
  goToCell: ['tab name', 'cell'],
  generateReportNow: [],
  buildGanttNow: [],
  previewStatusEmails: [],
  sendStatusEmailsNow: ['recipients'],
  getSchedule: [],
  saveScheduleSettings: ['schedule'],
  previewNormaliseValues: [],
  normaliseValues: ['cells'],
  approveHeldRecipients: ['recipients'],
};

/**
 * Parses a sidebar call's arguments; anything else throws an Error whose message the sidebar shows
 * as it is. Parsing comes first, so a refused call reads and writes nothing.
 */
export function parseSidebarArgs<K extends SidebarFunction>(
  name: K,
  args: ArrayLike<unknown>,
): SidebarArgs<K> {
  const result = SIDEBAR_API[name].safeParse(Array.from(args));
  if (result.success) return result.data as SidebarArgs<K>;
  const issue = result.error.issues[0]!;
  const names = ARGUMENT_NAMES[name] as readonly string[];
  const [index, ...rest] = issue.path;
  const detail =
    index === undefined
      ? `${name} takes ${names.length === 0 ? 'no arguments' : `${names.length} argument(s): ${names.join(', ')}`}`
      : describeIssue(
          issue,
          ['the', names[Number(index)] ?? `argument ${String(index)}`, ...rest.map(String)].join(' '),
        );
  throw new Error(`OpsPlan refused the request: ${detail}.`);
}
