import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

import { expectThrowMessage, freshRuntime } from '../helpers.js';

describe('MailApp and the outbox', () => {
  it('sends in each form and writes real MIME messages that parse back the same', async () => {
    const outboxDir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const rt = freshRuntime({ outboxDir, user: 'manager@example.com' });
    const mail = rt.service('MailApp');
    mail.sendEmail('a@example.com', 'Plain', 'Just text');
    mail.sendEmail({
      to: 'b@example.com, c@example.com',
      cc: 'd@example.com',
      subject: '[Plan] Weekly status — 3 items need you ✓',
      body: 'Text part',
      htmlBody: '<p>HTML part &amp; more</p>',
      name: 'OpsPlan',
    });
    expect(rt.outbox.messages).toHaveLength(2);
    const files = await rt.outbox.flush();
    expect(readdirSync(outboxDir)).toHaveLength(2);
    const parsed = await simpleParser(readFileSync(files[1]!));
    expect(parsed.subject).toBe('[Plan] Weekly status — 3 items need you ✓');
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to!];
    expect(to.flatMap((a) => a.value.map((v) => v.address))).toEqual(['b@example.com', 'c@example.com']);
    expect(parsed.from!.value[0]).toEqual({ address: 'manager@example.com', name: 'OpsPlan' });
    expect(parsed.text!.trim()).toBe('Text part');
    expect(parsed.html).toContain('<p>HTML part &amp; more</p>');
  });

  it('rejects invalid addresses and counts recipients against the daily quota', () => {
    const rt = freshRuntime({ dailyMailQuota: 3 });
    const mail = rt.service('MailApp');
    expect(expectThrowMessage(() => mail.sendEmail('not-an-address', 's', 'b'))).toBe(
      'Invalid email: not-an-address',
    );
    expect(mail.getRemainingDailyQuota()).toBe(3);
    mail.sendEmail({ to: 'a@example.com', cc: 'b@example.com', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(
      expectThrowMessage(() =>
        mail.sendEmail({ to: 'c@example.com,d@example.com', subject: 's', body: 'b' }),
      ),
    ).toBe('Service invoked too many times for one day: email.');
    rt.setNow('2026-03-17T14:00:00Z');
    expect(mail.getRemainingDailyQuota()).toBe(3);
  });
});

describe('ScriptApp triggers', () => {
  it('fires a weekly trigger on its weekday and hour in the given time zone, and not otherwise', () => {
    // Monday 16 March 2026, 10:00 in New York.
    const rt = freshRuntime({ now: '2026-03-16T14:00:00Z' });
    const app = rt.service('ScriptApp');
    app
      .newTrigger('menuHelp')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(app.WeekDay.WEDNESDAY)
      .atHour(9)
      .inTimezone('America/New_York')
      .create();
    expect(rt.advanceTo('2026-03-18T12:59:00Z')).toHaveLength(0); // Wed 08:59 New York
    const fired = rt.advanceTo('2026-03-18T14:00:00Z'); // Wed 10:00 New York
    expect(fired).toHaveLength(1);
    const at = fired[0]!.at;
    expect(at.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-18T13:00:00Z'));
    expect(at.getTime()).toBeLessThan(Date.parse('2026-03-18T14:00:00Z'));
    expect(rt.advanceTo('2026-03-24T23:00:00Z')).toHaveLength(0);
    expect(rt.advanceTo('2026-03-25T14:00:00Z')).toHaveLength(1);
  });

  it('applies the add-on limits and runs triggers as the user who created them', () => {
    const rt = freshRuntime({ user: 'creator@example.com' });
    const app = rt.service('ScriptApp');
    expect(expectThrowMessage(() => app.newTrigger('menuHelp').timeBased().everyMinutes(5))).toMatch(
      /more frequently than once per hour/,
    );
    // The scheduled run's handler: with no schedule saved it only removes its own trigger.
    app.newTrigger('runScheduledPipeline').timeBased().everyDays(1).atHour(6).create();
    expect(
      expectThrowMessage(() =>
        app.newTrigger('runScheduledPipeline').timeBased().everyDays(1).atHour(7).create(),
      ),
    ).toMatch(/too many time-based triggers/);
    rt.users.active = rt.users.effective = 'someone-else@example.com';
    expect(app.getProjectTriggers()).toHaveLength(0); // someone else's triggers are not visible
    const usersSeen = new Set<string>();
    const guard = rt.calls.beforeCall;
    rt.calls.beforeCall = (name) => {
      usersSeen.add(rt.users.effective);
      guard?.(name);
    };
    const [run] = rt.advanceTo('2026-03-17T14:00:00Z');
    expect(run!.error).toBeUndefined();
    expect([...usersSeen]).toEqual(['creator@example.com']);
    expect(rt.triggers.triggers).toHaveLength(0); // it ran with the creator's rights: its trigger is gone
  });

  it('records a failed run when the handler no longer exists', () => {
    const rt = freshRuntime();
    rt.service('ScriptApp').newTrigger('removedHandler').timeBased().everyHours(1).create();
    const [run] = rt.advanceTo('2026-03-16T15:30:00Z');
    expect(run!.error!.message).toBe('Script function not found: removedHandler');
  });
});

describe('LockService', () => {
  it('fails to lock while another execution holds the document lock, after waiting out the timeout', () => {
    const rt = freshRuntime();
    const locks = rt.service('LockService');
    rt.locks.holdExternally('document');
    const before = rt.clock.now();
    expect(locks.getDocumentLock().tryLock(5000)).toBe(false);
    expect(rt.clock.now() - before).toBe(5000);
    expect(expectThrowMessage(() => locks.getDocumentLock().waitLock(1000))).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    rt.locks.releaseExternal('document');
    const lock = locks.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });
});

describe('PropertiesService, Utilities and Session', () => {
  it('stores properties per store within Apps Script limits', () => {
    const rt = freshRuntime();
    const props = rt.service('PropertiesService');
    props.getDocumentProperties().setProperty('k', 'v');
    expect(props.getDocumentProperties().getProperty('k')).toBe('v');
    expect(props.getUserProperties().getProperty('k')).toBeNull();
    expect(
      expectThrowMessage(() => props.getDocumentProperties().setProperty('big', 'x'.repeat(9 * 1024 + 1))),
    ).toMatch(/too large/);
  });

  it('formats dates with Java patterns in any time zone; sleep advances the clock', () => {
    const rt = freshRuntime();
    const u = rt.service('Utilities');
    const d = new Date('2026-03-16T02:30:00Z');
    expect(u.formatDate(d, 'America/New_York', "yyyy-MM-dd HH:mm EEE 'at' XXX")).toBe(
      '2026-03-15 22:30 Sun at -04:00',
    );
    expect(u.formatDate(d, 'Asia/Kolkata', 'd MMMM yyyy, h:mm a')).toBe('16 March 2026, 8:00 AM');
    const before = rt.clock.now();
    u.sleep(1500);
    expect(rt.clock.now() - before).toBe(1500);
    expect(rt.service('Session').getScriptTimeZone()).toBe(rt.manifest.timeZone);
  });
});
