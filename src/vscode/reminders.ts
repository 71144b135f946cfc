import * as vscode from 'vscode';
import { analyzeRelationship, myActions, journalActions, reminderFor, reminderText, type Reminder } from '../core/model';
import { SECTION } from './config';
import { notify } from './editing';
import type { Feature, FeatureContext } from './feature';
import { readMe } from './tree/actionsTree';

/** The buttons of a reminder. */
export const REMINDER_BUTTONS = { newSession: 'New session', review: 'Review goals', notToday: 'Not today' } as const;
/** globalState key: the day "Not today" was chosen; no reminder while that day lasts. */
export const SNOOZED_ON = 'mentoringJournal.remindersSnoozedOn';
/** How often the daily timer looks whether the day has changed (a reminder comes at most once a day). */
export const DAILY_CHECK_MS = 60 * 60 * 1000;

/** What the reminders put on the extension's API (`api.reminders`). */
export interface RemindersApi {
  /**
   * What the daily timer runs: once indexing has finished, refreshes the Actions view and the
   * Relationships tree when the day has changed, and shows the day's reminder unless it was
   * shown today already, "Not today" was chosen today, `mentoringJournal.reminders` is off, or
   * nothing is due. Resolves with the reminder shown, else undefined.
   */
  tick(): Promise<Reminder | undefined>;
  /** The texts of the reminders shown, newest last. */
  readonly shown: string[];
  /** Acts on the latest reminder as its button `choice` does (what a click on the button runs). */
  choose(choice: string): Promise<unknown>;
}

/** The reminder of `today` for the workspace: sessions today or overdue, my overdue actions. */
export function currentReminder(ctx: FeatureContext): Reminder | undefined {
  const today = ctx.service.today();
  const me = readMe();
  const reports = [];
  const mine = [];
  for (const root of ctx.service.allRoots()) {
    const rels = root.index.relationships();
    reports.push(...rels.map((r) => analyzeRelationship(r, today, root.options)));
    if (me.length) mine.push(...myActions(journalActions(rels, today), rels, me));
  }
  return reminderFor(reports, mine);
}

/**
 * Reminders: on start-up (after the first indexing) and then once a day while the window stays
 * open, one notification naming what is due (reminders.ts of the model: at most 3, most urgent
 * first), with New session and Review goals for the most urgent relationship, and Not today.
 * The timer is injected (`schedule`) so that tests drive the day, never the wall clock.
 */
export function createReminders(ctx: FeatureContext, schedule: (run: () => void, ms: number) => vscode.Disposable = every): { api: RemindersApi; disposable: vscode.Disposable } {
  let lastDay: string | undefined;
  let viewDay: string | undefined;
  let latest: Reminder | undefined;
  const shown: string[] = [];
  const globalState = ctx.extension.globalState;

  const choose = async (choice: string): Promise<unknown> => {
    const first = latest?.items[0];
    if (choice === REMINDER_BUTTONS.notToday) return globalState.update(SNOOZED_ON, ctx.service.today());
    if (!first) return undefined;
    const located = ctx.service.relationships().find(({ relationship }) => relationship.id === first.relationship);
    const arg = located ? { relationship: located.root.fs.uri(located.relationship.folder).toString() } : { relationship: first.relationship };
    if (choice === REMINDER_BUTTONS.newSession) return vscode.commands.executeCommand('mentoringJournal.newSession', arg);
    if (choice === REMINDER_BUTTONS.review) return vscode.commands.executeCommand('mentoringJournal.reviewGoals', arg);
    return undefined;
  };

  const tick = async (): Promise<Reminder | undefined> => {
    // Not in a workspace without a journal (ready() would start a build), and never while
    // indexing: ready() resolves once the current build has finished.
    if (!ctx.service.hasStarted) return undefined;
    await ctx.service.ready();
    const today = ctx.service.today();
    // A new day moves actions from This week to Overdue and counts days anew: the views follow.
    if (viewDay !== today) {
      if (viewDay !== undefined) {
        ctx.api.actions?.provider.refresh();
        ctx.api.tree?.provider.refresh();
      }
      viewDay = today;
    }
    if (!vscode.workspace.getConfiguration(SECTION).get<boolean>('reminders', true)) return undefined;
    if (lastDay === today) return undefined;
    lastDay = today;
    if (globalState.get<string>(SNOOZED_ON) === today) return undefined;
    const reminder = currentReminder(ctx);
    if (!reminder) return undefined;
    latest = reminder;
    const text = reminderText(reminder);
    shown.push(text);
    if (shown.length > 20) shown.shift();
    void notify(ctx, 'info', text, REMINDER_BUTTONS.newSession, REMINDER_BUTTONS.review, REMINDER_BUTTONS.notToday).then((choice) => (choice ? choose(choice) : undefined));
    return reminder;
  };

  const api: RemindersApi = { tick, shown, choose };
  const timer = schedule(() => void tick(), DAILY_CHECK_MS);
  return { api, disposable: timer };
}

function every(run: () => void, ms: number): vscode.Disposable {
  const handle = setInterval(run, ms);
  return new vscode.Disposable(() => clearInterval(handle));
}

export const registerReminders: Feature = (ctx) => {
  const { api, disposable } = createReminders(ctx);
  ctx.api.reminders = api;
  // On start-up: after the first indexing, which starts once `activate` has returned and found a
  // journal (or when a view or a command asks for one).
  void ctx.service.whenStarted().then(() => api.tick());
  return disposable;
};
