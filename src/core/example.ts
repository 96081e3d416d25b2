/**
 * The example plan: the seed's IT endpoint-security plan, with dates placed around today so that
 * it is live — some work done, some due soon, one milestone late, every KPI status on show.
 * Rows are keyed by column key; dates are day numbers; RACI rows name people.
 */
import type { SettingKey } from './settings';
import type { TabKey } from './spec/types';

export interface ExamplePlan {
  settings: Partial<Record<SettingKey, string | number>>;
  rows: Partial<Record<Exclude<TabKey, 'plan' | 'report' | 'history' | 'raci'>, Record<string, string | number>[]>>;
  /** RACI: activity ID and name, then a letter per person name. */
  raci: { id: string; activity: string; letters: Record<string, string> }[];
}

const ALEX = 'Alex Rivera';
const DANA = 'Dana Kim';
const SAM = 'Sam Patel';
const JORDAN = 'Jordan Lee';
const PRIYA = 'Priya Shah';
const MORGAN = 'Morgan Blake';

export function examplePlan(today: number): ExamplePlan {
  const d = (offset: number) => today + offset;
  const periodStart = d(-120);
  const periodEnd = d(45);
  return {
    settings: {
      planName: 'Endpoint security plan',
      vision: 'Reduce the risk of a data breach and comply with the new security regulations.',
      periodStart,
      periodEnd,
      planOwner: SAM,
      reportRecipients: 'dana.kim@example.com, sam.patel@example.com',
    },
    rows: {
      people: [
        { name: ALEX, email: 'alex.rivera@example.com', role: 'IT support specialist', team: 'IT' },
        { name: DANA, email: 'dana.kim@example.com', role: 'CISO', team: 'Security' },
        { name: SAM, email: 'sam.patel@example.com', role: 'IT manager', team: 'IT' },
        { name: JORDAN, email: 'jordan.lee@example.com', role: 'Security engineer (antivirus)', team: 'Security' },
        { name: PRIYA, email: 'priya.shah@example.com', role: 'Security engineer (vulnerability scans)', team: 'Security' },
        { name: MORGAN, email: 'morgan.blake@example.com', role: 'Training consultant', team: 'Northwind Consulting' },
      ],
      goals: [
        { id: 'G1', goal: 'Achieve 99.9% endpoint security compliance by year end', owner: DANA, start: periodStart, due: periodEnd },
        { id: 'G2', goal: 'Devices compliant with the endpoint policy', parent: 'G1', owner: ALEX, kpi: '% of devices compliant', unit: '%', direction: 'Increase', baseline: 72, target: 99.9, actual: 90.2, start: periodStart, due: periodEnd, updated: d(-3) },
        { id: 'G3', goal: 'Staff trained in security awareness', parent: 'G1', owner: MORGAN, kpi: 'Users who completed training', unit: 'users', direction: 'Increase', baseline: 0, target: 50, actual: 20, start: d(-60), due: d(30), updated: d(-2) },
        { id: 'G4', goal: 'Fewer vulnerabilities after the new controls', parent: 'G1', owner: PRIYA, kpi: 'Vulnerabilities found per scan', unit: 'count', direction: 'Decrease', baseline: 40, target: 5, actual: 12, start: d(-45), due: d(45), updated: d(-5) },
        { id: 'G5', goal: 'New antivirus on every device', parent: 'G1', owner: JORDAN, kpi: '% of devices with the new antivirus', unit: '%', direction: 'Increase', baseline: 0, target: 100, actual: 100, start: d(-60), due: d(-46), updated: d(-46) },
        { id: 'G6', goal: 'Keep helpdesk response fast during the roll-out', parent: 'G1', owner: SAM, kpi: 'Median helpdesk response (hours)', unit: 'hours', direction: 'Maintain', baseline: 4, target: 4, actual: 4.2, start: periodStart, due: periodEnd, updated: d(-1) },
        { id: 'G7', goal: 'Fewer clicks on phishing simulations', parent: 'G1', owner: MORGAN, kpi: '% of users clicking a simulated phish', unit: '%', direction: 'Decrease', baseline: 18, target: 5, start: d(-30), due: d(40) },
        { id: 'G8', goal: 'Security policy signed by all staff', parent: 'G1', owner: SAM, kpi: '% of staff who signed the policy', unit: '%', direction: 'Increase', baseline: 0, target: 100, actual: 92, start: periodStart, due: d(-10), updated: d(-10) },
        { id: 'G9', goal: 'Backup drives encrypted', parent: 'G1', owner: ALEX, kpi: '% of backup drives encrypted', unit: '%', direction: 'Increase', baseline: 10, target: 100, actual: 10, start: d(10), due: d(45), updated: d(-20) },
      ],
      timeline: [
        { id: 'T1', name: 'Security-awareness training, wave 1', type: 'Milestone', goal: 'G3', owner: MORGAN, start: d(-62), due: d(-60), percentDone: 1, state: 'Done', completed: d(-60) },
        { id: 'T2', name: 'Security-awareness training, wave 2', type: 'Milestone', goal: 'G3', owner: MORGAN, start: d(-32), due: d(-30), dependsOn: 'T1', percentDone: 1, state: 'Done', completed: d(-29) },
        { id: 'T3', name: 'Security-awareness training, wave 3', type: 'Milestone', goal: 'G3', owner: MORGAN, start: d(-2), due: d(2), dependsOn: 'T2', percentDone: 0.3, state: 'In progress' },
        { id: 'T4', name: 'New antivirus on all devices', type: 'Milestone', goal: 'G5', owner: JORDAN, start: d(-60), due: d(-46), dependsOn: 'T1', percentDone: 1, state: 'Done', completed: d(-47) },
        { id: 'T5', name: 'First vulnerability scan of updated devices', type: 'Milestone', goal: 'G4', owner: PRIYA, start: d(-44), due: d(-5), dependsOn: 'T4', percentDone: 0.6, state: 'In progress' },
        { id: 'T6', name: 'Compliance re-evaluation', type: 'Milestone', goal: 'G2', owner: ALEX, start: d(30), due: d(40), dependsOn: 'T3, T5', percentDone: 0, state: 'Not started' },
        { id: 'T7', name: 'Monthly plan check-in', type: 'Check-in', goal: 'G1', owner: SAM, start: d(11), due: d(12), percentDone: 0, state: 'Not started' },
        { id: 'T8', name: 'Patch the remaining non-compliant devices', type: 'Task', goal: 'G2', owner: ALEX, start: d(-20), due: d(20), percentDone: 0.4, state: 'In progress' },
      ],
      budget: [
        { id: 'B1', item: 'Antivirus and vulnerability-scanning tools', category: 'Tools', goal: 'G5', owner: JORDAN, planned: 5000, actual: 4850 },
        { id: 'B2', item: 'User training by outside consultants', category: 'Training', goal: 'G3', owner: MORGAN, planned: 3000, actual: 3300 },
        { id: 'B3', item: 'In-house work: device updates and support', category: 'People', goal: 'G2', owner: ALEX, hours: 40, rate: 120, actual: 2400 },
      ],
      risks: [
        {
          id: 'R1',
          risk: 'Consultant scheduling backlog delays training',
          category: 'People',
          assumption: 'The consultants can train all 50 employees in three waves (so far 20 done; 12 did not start the first session).',
          likelihood: 'Likely',
          impact: 'Moderate',
          owner: MORGAN,
          response: 'If fewer than 35 of 50 are trained two weeks before the deadline, then book two extra sessions and make attendance mandatory.',
          reviewDate: d(3),
          state: 'Open',
        },
        {
          id: 'R2',
          risk: 'New antivirus conflicts with legacy finance software',
          category: 'Technology',
          assumption: 'All endpoint software is compatible with the new agent.',
          likelihood: 'Possible',
          impact: 'Major',
          owner: JORDAN,
          response: 'If the agent breaks a legacy application, then roll back that device group and open a vendor ticket within 24 hours.',
          reviewDate: d(-2),
          state: 'Open',
        },
        {
          id: 'R3',
          risk: 'Scanning-tool licence renewal slips',
          category: 'Vendors',
          assumption: 'Procurement signs the renewal before the licence expires.',
          likelihood: 'Unlikely',
          impact: 'Major',
          owner: SAM,
          response: 'If the renewal is not signed three weeks before expiry, then escalate to procurement and switch to the trial licence.',
          reviewDate: d(14),
          state: 'Monitoring',
        },
        {
          id: 'R4',
          risk: 'Final compliance deadline slips',
          category: 'Timeline',
          assumption: 'Scans and fixes finish before the period ends.',
          likelihood: 'Almost certain',
          impact: 'Severe',
          owner: ALEX,
          response: 'If the first scan is more than a week late, then use the two-week buffer before the final deadline and add weekend patch windows.',
          reviewDate: d(7),
          state: 'Open',
        },
        {
          id: 'R5',
          risk: 'Key security engineer unavailable during roll-out',
          category: 'People',
          assumption: 'Both security engineers stay on the project until the period ends.',
          likelihood: 1,
          impact: 4,
          owner: DANA,
          response: 'If an engineer is away for more than a week, then the other covers scans and antivirus, and the IT manager re-plans.',
          reviewDate: d(21),
          state: 'Monitoring',
        },
      ],
    },
    raci: [
      { id: 'G1', activity: 'Achieve 99.9% endpoint security compliance', letters: { [DANA]: 'A', [SAM]: 'R', [ALEX]: 'R', [JORDAN]: 'C', [PRIYA]: 'C', [MORGAN]: 'I' } },
      { id: 'T1', activity: 'Training wave 1', letters: { [MORGAN]: 'R', [SAM]: 'A', [ALEX]: 'C', [DANA]: 'I' } },
      { id: 'T2', activity: 'Training wave 2', letters: { [MORGAN]: 'R', [SAM]: 'A', [ALEX]: 'C', [DANA]: 'I' } },
      { id: 'T3', activity: 'Training wave 3', letters: { [MORGAN]: 'R', [SAM]: 'A', [ALEX]: 'C', [DANA]: 'I' } },
      { id: 'T4', activity: 'New antivirus on all devices', letters: { [JORDAN]: 'R', [SAM]: 'A', [ALEX]: 'C', [DANA]: 'I' } },
      { id: 'T5', activity: 'First vulnerability scan', letters: { [PRIYA]: 'R', [SAM]: 'A', [JORDAN]: 'C', [DANA]: 'I' } },
      { id: 'T6', activity: 'Compliance re-evaluation', letters: { [ALEX]: 'R', [DANA]: 'A', [SAM]: 'C', [PRIYA]: 'C' } },
      { id: 'T7', activity: 'Monthly plan check-in', letters: { [SAM]: 'R', [DANA]: 'A', [ALEX]: 'I', [JORDAN]: 'I', [PRIYA]: 'I', [MORGAN]: 'I' } },
      { id: 'T8', activity: 'Patch the remaining devices', letters: { [ALEX]: 'R', [SAM]: 'A' } },
    ],
  };
}
