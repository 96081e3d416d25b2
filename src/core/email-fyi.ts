/**
 * "For your information" (issue 14): when the Plan's FYI setting is on, a digest also lists the
 * late and due-soon work whose RACI names its reader Consulted or Informed. It rides in the
 * reader's one digest of the period, so it never makes a message of its own.
 */
import type { DigestSection } from './email-digest';
import { activityRows, listSection, type MailContext, rowUrl, tabUrl, textLine } from './email-render';
import { normalizeName } from './headers';
import type { Activity, PlanModel } from './plan-model';
import { keptInformed, LETTER_WORDS, raciEntryOf } from './raci';
import type { ReportModel } from './report';
import { WORK_COLUMNS } from './report-columns';
import { isoFromDay } from './values';

export interface FyiItem {
  activity: Activity;
  /** Why the reader hears of it: Consulted or Informed. */
  letter: 'C' | 'I';
}

/**
 * FYI items by reader (People name, normalised), late work first. The owner of a piece of work is
 * not told of it again here: their own digest lists it.
 */
export function fyiByPerson(
  model: PlanModel,
  report: ReportModel,
): Map<string, { name: string; items: FyiItem[] }> {
  const byPerson = new Map<string, { name: string; items: FyiItem[] }>();
  if (!model.settings.fyiDigest) return byPerson;
  for (const activity of [...report.overdue, ...report.dueSoon]) {
    const entry = raciEntryOf(model.raci, activity);
    if (!entry) continue;
    for (const [name, letter] of keptInformed(entry)) {
      const key = normalizeName(name);
      if (key === normalizeName(activity.owner)) continue;
      let reader = byPerson.get(key);
      if (!reader) byPerson.set(key, (reader = { name, items: [] }));
      if (!reader.items.some((i) => i.activity === activity)) reader.items.push({ activity, letter });
    }
  }
  return byPerson;
}

/** The digest's "For your information" section: each item with its owner, and why the reader hears of it. */
export function fyiSection(
  items: readonly FyiItem[],
  context: MailContext,
  timelineTab: string,
): DigestSection {
  return (rows) =>
    listSection(
      'For your information',
      WORK_COLUMNS.email,
      items,
      rows,
      (shown) =>
        activityRows(
          shown.map((i) => i.activity),
          context,
          { owner: true },
        ),
      ({ activity: a, letter }) =>
        textLine(
          a,
          `${a.name}: ${a.status}, ${a.due === null ? 'no due date' : `due ${isoFromDay(a.due)}`}, owner ${a.owner || 'none'}; you are ${LETTER_WORDS[letter]}`,
          rowUrl(context, a),
        ),
      tabUrl(context, timelineTab),
    );
}
