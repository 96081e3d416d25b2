/**
 * Scheduled runs where a published add-on runs them (issue 11, "Scheduled runs in a published
 * add-on"): a time-driven run of an editor add-on may have no active spreadsheet, and then no
 * document properties or document lock either, so a schedule's state lives in its owner's user
 * properties, namespaced by spreadsheet, and the run opens its spreadsheet by ID (Marketplace
 * build). Each case runs in both deployments where it applies: container-bound (dist/, the
 * spreadsheet active in every run) and add-on (dist-marketplace/, none in time-driven runs).
 *
 * https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
 *   (null when there is no document)
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 *   (null outside a containing document); #getUserLock() (one execution per user at a time)
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events (triggerUid)
 * https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 * https://developers.google.com/apps-script/guides/services/quotas (500 KB per property store)
 */
import { describe, expect, it } from 'vitest';

import type { LocalAppsScript, RuntimeOptions } from '../../local/runtime/index.js';
import { exampleRuntime, expectThrowMessage, overlapAtFirstSend } from '../helpers.js';

type PipelineResult = { ran: boolean; sent: { to: string; kind: string }[]; message: string };
type Status = {
  runsAs: string | null;
  canApprove: boolean;
  approvedCount: number;
  held: { address: string }[];
  schedule: { mode: string };
};

const SAM = 'sam.patel@example.com';
const weekly = { mode: 'weekly', weekday: 'WEDNESDAY', hour: 9, reminders: false, escalations: false };
/** Wednesday 25 Nov 2026, 11:00 in New York: after the 9 o'clock run. */
const WEDNESDAY_RUN = '2026-11-25T16:00:00Z';

const deployments: { name: string; options: RuntimeOptions }[] = [
  { name: 'container-bound', options: {} },
  { name: 'published add-on', options: { deployment: 'addon', distDir: 'dist-marketplace' } },
];

const perRecipient = (rt: LocalAppsScript, since = 0) => {
  const counts = new Map<string, number>();
  for (const m of rt.outbox.messages.slice(since)) counts.set(m.to[0]!, (counts.get(m.to[0]!) ?? 0) + 1);
  return counts;
};
const documentProperties = (rt: LocalAppsScript, id = rt.workbook.options.id) =>
  Object.fromEntries(rt.documents.get(id)!.properties.data);
const userProperties = (rt: LocalAppsScript, user: string) =>
  Object.fromEntries(rt.userPropertiesOf(user).data);

/** What an earlier version left in document properties: Sam's weekly schedule and its trigger. */
function legacySchedule(rt: LocalAppsScript, approved: readonly string[]): string {
  const app = rt.service('ScriptApp');
  const trigger = app
    .newTrigger('runScheduledPipeline')
    .timeBased()
    .atHour(9)
    .inTimezone('America/New_York')
    .everyWeeks(1)
    .onWeekDay(app.WeekDay.WEDNESDAY)
    .create()
    .getUniqueId();
  rt.service('PropertiesService')
    .getDocumentProperties()
    .setProperties({
      'opsplan.schedule': JSON.stringify(weekly),
      'opsplan.schedule.owner': SAM,
      'opsplan.schedule.trigger': trigger,
      'opsplan.approved.0': approved.join('\n'),
    });
  return trigger;
}

describe.each(deployments)('Scheduled runs, $name', ({ options }) => {
  it('run as the schedule’s owner from their own store: the document holds none of its state', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    rt.run('saveScheduleSettings', weekly);
    const runs = rt.advanceTo(WEDNESDAY_RUN);
    expect(runs.map((r) => r.error?.message)).toEqual([undefined]);
    expect(runs[0]!.result).toMatchObject({ ran: true });
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
    expect(rt.outbox.messages.length).toBe(6);
    const id = rt.workbook.options.id;
    const own = userProperties(rt, SAM);
    expect(Object.keys(own)).toContain(`opsplan.sheet.${id}.opsplan.schedule`);
    expect(Object.keys(own).some((k) => k.startsWith(`opsplan.sheet.${id}.opsplan.approved.`))).toBe(true);
    expect(Object.keys(own).some((k) => k.startsWith(`opsplan.sheet.${id}.opsplan.log.`))).toBe(true);
    expect(own[`opsplan.trigger.${rt.triggers.triggers[0]!.uid}`]).toBe(id);
    const doc = Object.keys(documentProperties(rt));
    expect(doc.filter((k) => /^opsplan\.(schedule|approved|held|pending)/.test(k))).toEqual([]);
    rt.advanceTo('2026-11-25T20:00:00Z'); // nothing twice
    expect(rt.outbox.messages.length).toBe(6);
  });

  it('overlapping runs of the owner (scheduled, and Send now meanwhile) send each recipient one message', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    rt.run('saveScheduleSettings', weekly);
    const inner = overlapAtFirstSend(
      rt,
      () => rt.advanceTo(WEDNESDAY_RUN),
      () => rt.run<PipelineResult>('sendStatusEmailsNow'),
    );
    expect(inner.ran).toBe(false);
    expect(inner.message).toMatch(/Another OpsPlan run was still working/);
    const after = rt.run<PipelineResult>('sendStatusEmailsNow');
    expect(after.sent).toEqual([]);
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
  });

  it('only the schedule’s owner approves recipients: an editor can neither see nor change the approved set', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    rt.run('saveScheduleSettings', weekly);
    rt.service('SpreadsheetApp')
      .getActiveSpreadsheet()
      .getRangeByName('OpsPlan_ReportRecipients')!
      .setValue(`dana.kim@example.com, ${SAM}, boss@elsewhere.test`);
    rt.advanceTo(WEDNESDAY_RUN);
    expect(rt.outbox.messages.map((m) => m.to[0])).not.toContain('boss@elsewhere.test');
    rt.setUser('editor@example.com');
    const seen = rt.run<Status>('getSchedule');
    expect(seen).toMatchObject({ runsAs: SAM, canApprove: false, approvedCount: 0, held: [] });
    expect(expectThrowMessage(() => rt.run('approveHeldRecipients', ['boss@elsewhere.test']))).toMatch(
      /Only sam\.patel@example\.com, who owns this schedule, can approve its recipients/,
    );
    rt.setUser(SAM);
    const owner = rt.run<Status>('getSchedule');
    expect(owner.canApprove).toBe(true);
    expect(owner.held.map((h) => h.address)).toEqual(['boss@elsewhere.test']);
    expect(owner.approvedCount).toBe(6);
  });

  it('a schedule saved by an earlier version (document properties) moves to its owner, with no duplicate after the move', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    // What an earlier version left: a Send now this week (its log in the document) and a schedule.
    const sentByHand = rt.run<PipelineResult>('sendStatusEmailsNow').sent.length;
    expect(sentByHand).toBe(6);
    const trigger = legacySchedule(rt, [...perRecipient(rt).keys()]);
    // The owner opens the schedule panel (in an add-on, the run cannot reach the document's state).
    expect(rt.run<Status>('getSchedule')).toMatchObject({ runsAs: SAM, canApprove: true, approvedCount: 6 });
    const runs = rt.advanceTo(WEDNESDAY_RUN);
    expect(runs.map((r) => r.error?.message)).toEqual([undefined]);
    expect(runs[0]!.result).toMatchObject({ ran: true, sent: [] });
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
    expect(
      Object.keys(documentProperties(rt)).filter((k) => /^opsplan\.(schedule|approved)/.test(k)),
    ).toEqual([]);
    expect(rt.triggers.triggers.map((t) => t.uid)).toEqual([trigger]);
  });

  it('Send now by the former owner, after turning the schedule off or handing it on, sends nothing of this week again', () => {
    for (const handOver of [false, true]) {
      const rt = exampleRuntime({ user: SAM, ...options });
      rt.run('saveScheduleSettings', weekly);
      rt.advanceTo(WEDNESDAY_RUN);
      expect(rt.outbox.messages.length).toBe(6);
      if (handOver) {
        rt.setUser('dana.kim@example.com');
        rt.run('saveScheduleSettings', { ...weekly, weekday: 'FRIDAY' });
        rt.setUser(SAM);
      } else rt.run('saveScheduleSettings', { ...weekly, mode: 'off' });
      // The week's digests and reports went; Send now may add only what the schedule left out
      // (its escalations were off).
      const ofTheWeek = (kinds: { kind: string }[]) =>
        kinds.filter((m) => m.kind === 'digest' || m.kind === 'manager');
      const preview = rt.run<{ messages: { kind: string }[] }>('previewStatusEmails');
      const again = rt.run<PipelineResult>('sendStatusEmailsNow');
      expect([handOver, ofTheWeek(preview.messages), ofTheWeek(again.sent)]).toEqual([handOver, [], []]);
    }
  });

  it('an editor who turns off a schedule an earlier version saved keeps it off: its owner coming later does not revive it', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    legacySchedule(rt, [SAM, 'dana.kim@example.com']);
    rt.setUser('editor@example.com');
    rt.run('saveScheduleSettings', { ...weekly, mode: 'off' });
    rt.setUser(SAM);
    expect(rt.run<{ schedule: { mode: string } }>('getSchedule').schedule.mode).toBe('off');
    rt.advanceTo(WEDNESDAY_RUN);
    expect(rt.outbox.messages).toEqual([]);
  });

  it('a schedule an earlier version saved moves only under its owner’s claim: not while a run of theirs holds it', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    legacySchedule(rt, [SAM]);
    const claim = `opsplan.sheet.${rt.workbook.options.id}.opsplan.lease`;
    rt.setNow('2026-11-25T14:05:00Z');
    rt.userPropertiesOf(SAM).data.set(claim, `${Date.parse('2026-11-25T14:12:00Z')} running`);
    rt.run('getSchedule');
    expect(documentProperties(rt)['opsplan.schedule']).toBeDefined(); // not moved meanwhile
    rt.setNow('2026-11-25T14:13:00Z');
    expect(rt.run<{ schedule: { mode: string } }>('getSchedule').schedule.mode).toBe('weekly');
    expect(documentProperties(rt)['opsplan.schedule']).toBeUndefined();
    expect(rt.userPropertiesOf(SAM).data.has(claim)).toBe(false);
  });

  it('a claim left by a run killed at the time limit lapses after 7 minutes; until then another run waits its turn', () => {
    const rt = exampleRuntime({ user: SAM, ...options });
    rt.run('saveScheduleSettings', weekly);
    const claim = `opsplan.sheet.${rt.workbook.options.id}.opsplan.lease`;
    rt.setNow('2026-11-25T14:05:00Z');
    rt.userPropertiesOf(SAM).data.set(claim, `${Date.parse('2026-11-25T14:12:00Z')} killed`);
    expect(rt.run<PipelineResult>('sendStatusEmailsNow').ran).toBe(false);
    rt.setNow('2026-11-25T14:13:00Z');
    expect(rt.run<PipelineResult>('sendStatusEmailsNow').sent).toHaveLength(6);
    expect(rt.userPropertiesOf(SAM).data.has(claim)).toBe(false);
  });
});

describe('Scheduled runs in a published add-on', () => {
  const addon = (user = SAM) => exampleRuntime({ user, deployment: 'addon', distDir: 'dist-marketplace' });

  it('a schedule of spreadsheet A does not touch spreadsheet B, its state or its schedule', () => {
    const rt = addon();
    const a = rt.workbook.options.id;
    rt.run('saveScheduleSettings', weekly);
    const b = rt.addSpreadsheet({ id: '1SpreadsheetB', name: 'Plan B', timeZone: 'America/New_York' }).options
      .id;
    rt.openDocument(b);
    rt.run('insertExamplePlan');
    rt.run('saveScheduleSettings', { ...weekly, weekday: 'THURSDAY' });
    rt.setNow('2026-11-25T12:00:00Z'); // the run's day, before it: dated formulas read the same day
    const bBefore = rt.describeWorkbook();
    const bDocument = documentProperties(rt, b);
    const bState = Object.entries(userProperties(rt, SAM)).filter(([k]) => k.includes(b));
    const runs = rt.advanceTo(WEDNESDAY_RUN);
    expect(runs.map((r) => [r.trigger!.documentId, r.error?.message])).toEqual([[a, undefined]]);
    expect(rt.describeWorkbook()).toEqual(bBefore);
    expect(documentProperties(rt, b)).toEqual(bDocument);
    expect(Object.entries(userProperties(rt, SAM)).filter(([k]) => k.includes(b))).toEqual(bState);
    expect(rt.outbox.messages.length).toBe(6);
    for (const m of rt.outbox.messages) {
      expect(m.text).toContain(`/spreadsheets/d/${a}/`);
      expect(m.text).not.toContain(`/spreadsheets/d/${b}/`);
    }
    rt.advanceTo('2026-11-26T16:00:00Z'); // B's own run: its digests, once each
    expect(rt.outbox.messages.slice(6).every((m) => m.text.includes(`/spreadsheets/d/${b}/`))).toBe(true);
    expect(rt.outbox.messages.length).toBe(12);
  });

  it('a schedule another editor replaced retires its trigger in a run with no document, and sends nothing', () => {
    const rt = addon('first@example.com');
    rt.run('saveScheduleSettings', weekly);
    rt.setUser(SAM);
    rt.run('saveScheduleSettings', weekly);
    const runs = rt.advanceTo(WEDNESDAY_RUN);
    expect(runs.map((r) => [r.trigger!.owner, r.error?.message])).toEqual(
      expect.arrayContaining([
        ['first@example.com', undefined],
        [SAM, undefined],
      ]),
    );
    expect(rt.triggers.triggers.map((t) => t.owner)).toEqual([SAM]);
    expect(rt.outbox.messages.every((m) => m.from === undefined || !m.from.includes('first@'))).toBe(true);
    expect([...perRecipient(rt).values()].every((n) => n === 1)).toBe(true);
    expect(
      Object.keys(userProperties(rt, 'first@example.com')).some((k) => k.endsWith('opsplan.schedule')),
    ).toBe(false);
  });

  it('the owner’s store is shared by their spreadsheets: nearly full, a run holds mail instead of failing', () => {
    const rt = addon();
    rt.run('saveScheduleSettings', weekly);
    // Another spreadsheet's schedule of Sam's takes 478 KB of the 500 KB user store.
    const store = rt.userPropertiesOf(SAM).data;
    store.set('opsplan.sheet.1Other.opsplan.schedule', JSON.stringify(weekly));
    for (let i = 0; i < 61; i++) store.set(`opsplan.sheet.1Other.opsplan.approved.${i}`, 'x'.repeat(8000));
    const [run] = rt.advanceTo(WEDNESDAY_RUN);
    expect(run!.error).toBeUndefined();
    const result = run!.result as PipelineResult & { held: { reason: string }[] };
    expect(result.sent).toEqual([]);
    expect(result.held.map((h) => h.reason)).toEqual(Array(6).fill('send log full'));
    let bytes = 0;
    for (const [k, v] of store) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
    expect(bytes).toBeLessThanOrEqual(500 * 1024);
  });

  it('a turned-off schedule’s state leaves the owner’s store once its send log has nothing left to remember', () => {
    const rt = addon();
    const a = rt.workbook.options.id;
    rt.run('saveScheduleSettings', weekly);
    rt.advanceTo(WEDNESDAY_RUN);
    rt.run('saveScheduleSettings', { ...weekly, mode: 'off' });
    const ofA = () => Object.keys(userProperties(rt, SAM)).filter((k) => k.includes(a));
    expect(ofA().some((k) => k.includes('.opsplan.log.'))).toBe(true); // remembered: no resend this week
    expect(ofA().some((k) => /opsplan\.(schedule|approved)/.test(k))).toBe(false);
    const b = rt.addSpreadsheet({ id: '1SpreadsheetB', name: 'Plan B', timeZone: 'America/New_York' }).options
      .id;
    rt.openDocument(b);
    rt.run('insertExamplePlan');
    rt.run('saveScheduleSettings', weekly);
    expect(ofA().length).toBeGreaterThan(0);
    rt.setNow('2026-12-05T15:00:00Z'); // past every entry's expiry (digests: 8 days)
    rt.run('saveScheduleSettings', weekly);
    expect(ofA()).toEqual([]);
    expect(Object.keys(userProperties(rt, SAM)).filter((k) => k.startsWith('opsplan.trigger.'))).toHaveLength(
      1,
    );
  });

  it('clean-up leaves a namespace whose schedule is being saved: its approvals are written first', () => {
    const rt = addon();
    // Another spreadsheet's save, caught between writing its approvals and its schedule.
    const saving = 'opsplan.sheet.1SavingElsewhere.opsplan.approved.0';
    rt.userPropertiesOf(SAM).data.set(saving, 'dana.kim@example.com');
    rt.run('saveScheduleSettings', weekly); // prunes the owner's store
    expect(userProperties(rt, SAM)[saving]).toBe('dana.kim@example.com');
  });

  it('the container-bound build refuses a run with no active spreadsheet in plain words', () => {
    const rt = exampleRuntime({ user: SAM, deployment: 'addon' });
    rt.run('saveScheduleSettings', weekly);
    const [run] = rt.advanceTo(WEDNESDAY_RUN);
    expect(run!.error?.message).toMatch(/a published add-on needs the Marketplace build/);
    expect(rt.outbox.messages).toEqual([]);
  });
});
