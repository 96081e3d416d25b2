import { describe, expect, it } from 'vitest';

import type { LocalAppsScript } from '../../local/runtime/index.js';
import { exampleRuntime } from '../helpers.js';

type Status = {
  schedule: { mode: string };
  runsAs: string | null;
  nextRun: string | null;
  triggerVisible: boolean;
  lastRun: { at: string; summary: string } | null;
  description: string;
};

const weekly = { mode: 'weekly', weekday: 'WEDNESDAY', hour: 9, reminders: false, escalations: false };
const digestsIn = (rt: LocalAppsScript) =>
  rt.outbox.messages.filter((m) => /Weekly (status|report)/.test(m.subject));

function newYorkHour(date: Date): { weekday: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    weekday: 'long',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  return {
    weekday: parts.find((p) => p.type === 'weekday')!.value,
    hour: Number(parts.find((p) => p.type === 'hour')!.value),
  };
}

describe('Schedules', () => {
  it('weekly digests arrive on the set weekday and hour in the spreadsheet time zone, once each, and not otherwise', () => {
    const rt = exampleRuntime({ user: 'sam.patel@example.com' });
    const status = rt.run<Status>('saveScheduleSettings', weekly);
    expect(status.runsAs).toBe('sam.patel@example.com');
    expect(status.nextRun).toMatch(/^2026-11-25 between 9:00 and 10:00 \(America\/New_York\)$/);
    // Tuesday 24 Nov 10:00 New York → the Monday after.
    const runs = rt.advanceTo('2026-12-07T15:00:00Z');
    expect(runs.every((r) => !r.error)).toBe(true);
    const digests = digestsIn(rt);
    expect(digests.length).toBeGreaterThan(0);
    for (const mail of digests) expect(newYorkHour(mail.sentAt)).toEqual({ weekday: 'Wednesday', hour: 9 });
    const perWeek = new Map<string, number>();
    for (const mail of digests) {
      const key = `${mail.sentAt.toISOString().slice(0, 10)}|${mail.to.join()}`;
      perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    }
    expect([...perWeek.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(digests.map((m) => m.sentAt.toISOString().slice(0, 10)))).toEqual(
      new Set(['2026-11-25', '2026-12-02']),
    );
  });

  it('with reminders on, one daily trigger still sends digests only on the weekday, and reminders between them once per task', () => {
    const rt = exampleRuntime();
    rt.run('saveScheduleSettings', { ...weekly, reminders: true, escalations: true });
    rt.advanceTo('2026-12-01T15:00:00Z');
    const digestDays = new Set(digestsIn(rt).map((m) => newYorkHour(m.sentAt).weekday));
    expect(digestDays).toEqual(new Set(['Wednesday']));
    const reminders = rt.outbox.messages.filter((m) => m.subject.includes('Reminder'));
    const escalated = (id: string) =>
      rt.outbox.messages.filter((m) => new RegExp(`Late work escalated to you:\\n- ${id} `).test(m.text));
    expect(escalated('T5')).toHaveLength(1); // once per task per due date
    expect(escalated('T3')).toHaveLength(1); // T3 became late, then escalated once
    // T3 is due on the 26th: the Wednesday digest covers it, so no separate reminder for it.
    expect(reminders.filter((m) => m.text.includes('T3'))).toHaveLength(0);
  });

  it('keeps exactly one trigger: saving again replaces it, off deletes it, stale ones are cleaned up', () => {
    const rt = exampleRuntime();
    rt.triggers.triggers.push({
      uid: 'stale-1',
      handler: 'handlerFromAnOldVersion',
      eventType: 'ON_OPEN',
      source: 'SPREADSHEETS',
      owner: rt.users.effective,
      documentId: rt.workbook.options.id,
      createdAt: rt.clock.now(),
    });
    rt.run('saveScheduleSettings', weekly);
    rt.run('saveScheduleSettings', { ...weekly, mode: 'daily', hour: 7 });
    expect(rt.triggers.triggers.map((t) => t.handler)).toEqual(['runScheduledPipeline']);
    expect(rt.triggers.triggers[0]!.schedule).toMatchObject({
      everyDays: 1,
      atHour: 7,
      timeZone: 'America/New_York',
    });
    const off = rt.run<Status>('saveScheduleSettings', { ...weekly, mode: 'off' });
    expect(rt.triggers.triggers).toHaveLength(0);
    expect(off.runsAs).toBeNull();
  });

  it('rejects an invalid schedule in plain words and changes nothing', () => {
    const rt = exampleRuntime();
    expect(() => rt.run('saveScheduleSettings', { ...weekly, hour: 25 })).toThrow(
      /the schedule hour must be at most 23/,
    );
    expect(rt.triggers.triggers).toHaveLength(0);
  });

  it('records the last run for the sidebar', () => {
    const rt = exampleRuntime();
    rt.run('saveScheduleSettings', weekly);
    rt.advanceTo('2026-11-25T15:00:00Z');
    const status = rt.run<Status>('getSchedule');
    expect(status.lastRun!.summary).toMatch(/emails? sent/);
    expect(status.triggerVisible).toBe(true);
  });

  it('a trigger left behind by another user or a turned-off schedule removes itself', () => {
    const rt = exampleRuntime({ user: 'first@example.com' });
    rt.run('saveScheduleSettings', weekly);
    rt.users.active = rt.users.effective = 'second@example.com';
    rt.run('saveScheduleSettings', weekly); // second user now owns the schedule
    rt.advanceTo('2026-11-25T15:00:00Z');
    expect(rt.triggers.triggers.map((t) => t.owner)).toEqual(['second@example.com']);
    const digests = digestsIn(rt);
    expect(new Set(digests.map((m) => m.to.join())).size).toBe(digests.length); // still once each
  });
});

describe('Schedules in a published add-on', () => {
  // https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet):
  // in an add-on getProjectTriggers() lists the user's triggers of every document using it.
  it('saving or turning off a schedule in one spreadsheet keeps the same user’s schedule of another', () => {
    const rt = exampleRuntime({ deployment: 'addon' });
    rt.run('saveScheduleSettings', weekly);
    const second = rt.addSpreadsheet({ name: 'Second plan', timeZone: 'America/New_York' }).options.id;
    rt.openDocument(second);
    rt.run('insertExamplePlan');
    rt.run('saveScheduleSettings', weekly);
    expect(rt.triggers.triggers).toHaveLength(2);
    rt.run('saveScheduleSettings', { ...weekly, mode: 'off' });
    expect(rt.triggers.triggers.map((t) => t.documentId)).toEqual([rt.documents.keys().next().value]);
  });
});
