import * as vscode from 'vscode';
import { relationshipLabel, STAGES, type Relationship, type Session, type SessionStatusRead, type SourceRef } from '../../core';
import { escapeMarkdown } from '../../core/model/escape';
import type { GoalReport, RelationshipReport, Signal } from '../../core/model';
import { historyLines } from '../../core/history';
import { fromToday, plural } from '../../core/words';
import { toVsRange } from '../convert';
import type { JournalRoot } from '../journalService';
import type { TreeNode } from './baseTreeProvider';

/** One relationship with its report for today: what every node of its subtree refers to. */
export interface RelationshipEntry {
  readonly root: JournalRoot;
  readonly relationship: Relationship;
  readonly report: RelationshipReport;
}

interface NodeBase extends TreeNode {
  readonly entry: RelationshipEntry;
  readonly parent: JournalNode | undefined;
}

export interface RelationshipNode extends NodeBase { readonly kind: 'relationship' }
export interface AgreementNode extends NodeBase { readonly kind: 'agreement' }
export interface GroupNode extends NodeBase { readonly kind: 'goals' | 'sessions' | 'signals' }
export interface GoalNode extends NodeBase { readonly kind: 'goal'; readonly goal: GoalReport }
/** A goal file whose front matter could not be read: the goal it defines is unknown until it is fixed. */
export interface UnreadGoalNode extends NodeBase { readonly kind: 'unreadGoal'; readonly file: string }
export interface SessionNode extends NodeBase { readonly kind: 'session'; readonly session: Session }
export interface SignalNode extends NodeBase { readonly kind: 'signal'; readonly signal: Signal }

/**
 * A node of the Relationships tree. Commands run from the view's menus receive it as their
 * first argument: `node.entry` names the journal root, the relationship and its report.
 */
export type JournalNode = RelationshipNode | AgreementNode | GroupNode | GoalNode | UnreadGoalNode | SessionNode | SignalNode;

/**
 * A relationship listed before its report is ready (while the journal is read for the first
 * time): its partners and declared stage, from the agreement alone. It turns into a
 * RelationshipNode with the same id once its files are read and its report is computed.
 */
export interface PendingRelationshipNode extends TreeNode {
  readonly kind: 'pending';
  readonly parent: undefined;
  readonly root: JournalRoot;
  readonly relationship: Relationship;
}

/** A node of the Relationships view: a JournalNode, or a relationship whose report is not ready yet. */
export type ViewNode = JournalNode | PendingRelationshipNode;

export const OPEN_ITEM = 'mentoringJournal.openItem';

/** The row of a relationship whose sessions are still being read: partners, declared stage, a spinner. */
export function pendingItem(node: PendingRelationshipNode): vscode.TreeItem {
  const { relationship } = node;
  const agreement = relationship.agreement;
  const names = relationshipLabel(agreement?.mentors.map((p) => p.name) ?? [], agreement?.mentees.map((p) => p.name) ?? [], relationship.id);
  const item = new vscode.TreeItem(names, vscode.TreeItemCollapsibleState.Collapsed);
  const stage = agreement?.stage ? `${agreement.stage} (stage ${STAGES.indexOf(agreement.stage) + 1})` : undefined;
  // Whole but without its report yet: the first build is still reading other relationships.
  const read = node.root.index.isComplete(relationship.id);
  item.description = [stage, read ? 'preparing…' : 'reading sessions…'].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('loading~spin');
  item.tooltip = `${names}\nFolder: ${relationship.folder || '.'}\n${read ? 'Its files are read; its health, goals, sessions and signals follow once the rest of the journal is read.' : 'Reading the journal: health, goals, sessions and signals follow.'}`;
  item.contextValue = 'relationship.pending';
  item.id = node.id;
  return item;
}


/** A note for the items of a file whose text has errors: the view shows its last version without errors. */
const STALE = 'The file has errors: this shows its last version without errors.';

/** A file of the relationship's journal root as a URI. */
export function fileUri(entry: RelationshipEntry, file: string): vscode.Uri {
  return entry.root.fs.uri(file);
}

function openCommand(entry: RelationshipEntry, source: SourceRef): vscode.Command {
  const uri = fileUri(entry, source.file);
  return { command: OPEN_ITEM, title: 'Open', arguments: [uri, toVsRange(source.range)] };
}

/** Whether the closure the partners recorded is in force (dated today or earlier). */
export function isClosed(report: RelationshipReport): boolean {
  return !!report.closure;
}

/** "building (stage 2)": the declared stage, or the inferred one when none is declared. */
export function stageLabel(report: RelationshipReport): string {
  const stage = report.declaredStage ?? report.inferred.stage;
  return `${stage} (stage ${STAGES.indexOf(stage) + 1})`;
}

/** Whether the partnership's end date has passed (without a recorded closure). */
export function hasEnded(report: RelationshipReport): boolean {
  return !report.closure && report.daysLeft !== undefined && report.daysLeft < 0;
}

/**
 * "next session in 5 days", "next session tomorrow" (planned with `next:`), "session due in 9
 * days" (by the cadence, nothing planned), "overdue 3 days"; for a partnership that is over,
 * "closed 2026-10-30" or "ended 2026-10-30" instead of a due session; undefined when neither a
 * plan nor a cadence says when. The same day as the review's and the calendar's next session.
 */
export function nextSessionLabel(report: RelationshipReport): string | undefined {
  if (isClosed(report)) return `closed ${report.closure!.date}`;
  if (hasEnded(report)) return `ended ${report.ends}`;
  const { overdue, overdueDays, nextSession } = report.cadence;
  if (overdue) return `overdue ${plural(overdueDays, 'day')}`;
  if (!nextSession) return undefined;
  const { daysTo, from } = nextSession;
  const what = from === 'cadence' ? 'session due' : 'next session';
  return daysTo >= 0 ? `${what} ${fromToday(daysTo)}` : `${from === 'cadence' ? 'session was' : 'next session was'} due ${fromToday(daysTo)}`;
}

/**
 * How pressing a relationship is, for sorting the view by urgency (lower first): overdue ones by
 * how late they are, then by the days to the next session, then those with nothing planned, and
 * partnerships that are over last.
 */
export function urgency(report: RelationshipReport): number {
  if (isClosed(report) || hasEnded(report)) return 3e6;
  const { overdue, overdueDays, nextSession } = report.cadence;
  if (overdue) return -overdueDays;
  if (nextSession) return 1e6 + nextSession.daysTo;
  return 2e6;
}

/**
 * A relationship's description: what needs attention first (an overdue session, one today or
 * tomorrow, a partnership that ended without a recorded closure), so that it survives a narrow
 * side bar; the stage after it. A session further away, or a recorded closure, comes after the stage.
 */
export function relationshipDescription(report: RelationshipReport): string {
  // Without a readable agreement the stage and dates are guesses: say so, and nothing else.
  if (report.signals.some((s) => s.code === 'agreement-unreadable')) return 'agreement not readable: see the Problems panel';
  const next = nextSessionLabel(report);
  // A closed partnership needs nothing more; one that ended without a recorded closure does.
  const urgent = !!next && !isClosed(report) && (report.cadence.overdue || hasEnded(report) || (report.cadence.nextSession?.daysTo ?? 2) <= 1);
  return (urgent ? [next, stageLabel(report)] : [stageLabel(report), next]).filter(Boolean).join(' · ');
}

/** How the relationship is doing, from the cadence and the severity of its signals. */
export function healthIcon(report: RelationshipReport): vscode.ThemeIcon {
  if (isClosed(report)) return new vscode.ThemeIcon('archive', new vscode.ThemeColor('descriptionForeground'));
  if (report.signals.some((s) => s.severity === 'error')) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (report.cadence.overdue || report.signals.some((s) => s.severity === 'warning')) {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

const GOAL_ICONS: Record<GoalReport['status'], [icon: string, color: string]> = {
  proposed: ['circle-large-outline', 'charts.blue'],
  active: ['play-circle', 'charts.yellow'],
  paused: ['debug-pause', 'disabledForeground'],
  achieved: ['pass-filled', 'testing.iconPassed'],
  dropped: ['circle-slash', 'disabledForeground'],
  unknown: ['question', 'list.warningForeground'],
};

const SIGNAL_ICONS: Record<Signal['severity'], [icon: string, color: string]> = {
  error: ['error', 'list.errorForeground'],
  warning: ['warning', 'list.warningForeground'],
  info: ['info', 'charts.blue'],
};

const themeIcon = ([icon, color]: [string, string]) => new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));

/** "2026-12-18 (25 days left)", "2026-10-01 (overdue 3 days)". */
function dueLabel(goal: GoalReport): string | undefined {
  if (!goal.due) return undefined;
  if (goal.daysLeft === undefined || goal.status === 'achieved' || goal.status === 'dropped') return `due ${goal.due}`;
  if (goal.daysLeft < 0) return `due ${goal.due} (overdue ${plural(-goal.daysLeft, 'day')})`;
  return `due ${goal.due} (${plural(goal.daysLeft, 'day')} left)`;
}

function relationshipItem(node: RelationshipNode): vscode.TreeItem {
  const { report, relationship } = node.entry;
  const names = relationshipLabel(report.mentors, report.mentees, relationship.id);
  const item = new vscode.TreeItem(names, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = relationshipDescription(report);
  item.iconPath = healthIcon(report);
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`**${escapeMarkdown(names)}**  \n`);
  tip.appendMarkdown(`Folder: \`${relationship.folder || '.'}\`  \n`);
  tip.appendMarkdown(`Stage: ${report.declaredStage ?? (report.declaredStageInvalid ? 'not valid as written' : 'not declared')}; the journal suggests **${report.inferred.stage}**`);
  for (const reason of report.inferred.reasons) tip.appendMarkdown(`\n- ${escapeMarkdown(reason)}`);
  if (report.cadence.cadence) tip.appendMarkdown(`\n\nCadence: ${report.cadence.cadence.label}`);
  const next = report.cadence.nextSession;
  if (next) tip.appendMarkdown(`\n\nNext session: ${next.date}${next.from === 'cadence' ? ' (due by the cadence; none planned with `next:`)' : next.from === 'agenda' ? ' (an agenda is written for it)' : ''}`);
  item.tooltip = tip;
  return item;
}

function agreementItem(node: AgreementNode): vscode.TreeItem {
  const { relationship } = node.entry;
  const signed = relationship.agreement?.signed ?? {};
  const item = new vscode.TreeItem('Agreement', vscode.TreeItemCollapsibleState.None);
  if (signed.mentor && signed.mentee) {
    item.description = 'signed';
    item.iconPath = new vscode.ThemeIcon('verified', new vscode.ThemeColor('testing.iconPassed'));
  } else {
    const by = signed.mentor ? ', signed by the mentor only' : signed.mentee ? ', signed by the mentee only' : '';
    item.description = `not signed${by}`;
    item.iconPath = new vscode.ThemeIcon('unverified', new vscode.ThemeColor('list.warningForeground'));
  }
  item.tooltip = `Signed by the mentor: ${signed.mentor ?? 'no'}\nSigned by the mentee: ${signed.mentee ?? 'no'}`;
  if (isStale(node.entry, relationship.agreementFile)) {
    item.description = `stale · ${String(item.description)}`;
    item.tooltip += `\n${STALE}`;
  }
  const source = relationship.agreement?.source ?? { file: relationship.agreementFile, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  item.command = openCommand(node.entry, source);
  // With the file's URI, VS Code decorates the item with the file's problems (color and count).
  item.resourceUri = fileUri(node.entry, source.file);
  return item;
}

function groupItem(node: GroupNode, count: number, hidden: number): vscode.TreeItem {
  const title = node.kind === 'goals' ? 'Goals' : node.kind === 'sessions' ? 'Sessions' : 'Signals';
  const item = new vscode.TreeItem(title, count ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.description = count ? String(count) : 'none';
  if (hidden) item.description += ` (${hidden} achieved hidden)`;
  item.iconPath = new vscode.ThemeIcon(node.kind === 'goals' ? 'target' : node.kind === 'sessions' ? 'calendar' : 'bell');
  return item;
}

function unreadGoalItem(node: UnreadGoalNode): vscode.TreeItem {
  const name = node.file.slice(node.file.lastIndexOf('/') + 1);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.description = 'not readable: see the Problems panel';
  item.iconPath = themeIcon(['warning', 'list.warningForeground']);
  item.tooltip = `${node.file} could not be read (its front matter has an error, or it is not UTF-8 text): the goal it defines is unknown until it is fixed, and goal references are not checked meanwhile.`;
  item.command = openCommand(node.entry, { file: node.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
  item.resourceUri = fileUri(node.entry, node.file);
  return item;
}

function goalItem(node: GoalNode): vscode.TreeItem {
  const goal = node.goal;
  const item = new vscode.TreeItem(goal.title || goal.id, vscode.TreeItemCollapsibleState.None);
  const progress = goal.progress !== undefined ? `${goal.progress}%` : 'no progress yet';
  const stale = isStale(node.entry, goal.source.file);
  item.description = [stale ? 'stale' : undefined, progress, dueLabel(goal)].filter(Boolean).join(' · ');
  item.iconPath = themeIcon(GOAL_ICONS[goal.status]);
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`**${escapeMarkdown(goal.title)}** \`${goal.id}\`\n\n`);
  if (stale) tip.appendMarkdown(`*${STALE}*\n\n`);
  tip.appendMarkdown(`Status: **${goal.status}**, owner: ${goal.owner}, progress: ${progress}\n\n`);
  tip.appendMarkdown(`Success criteria: ${goal.success ? escapeMarkdown(goal.success) : '*none written*'}\n\n`);
  tip.appendMarkdown(`Last discussed: ${goal.lastDiscussed ?? 'never'}; ${plural(goal.discussedIn.length, 'session')}`);
  if (goal.openActions.length) tip.appendMarkdown(`; ${plural(goal.openActions.length, 'open action')}`);
  const history = historyLines(goal.fieldHistory);
  if (history.length) tip.appendMarkdown(`\n\nHistory: ${history.map(escapeMarkdown).join('; ')}`);
  item.tooltip = tip;
  item.command = openCommand(node.entry, goal.source);
  if (goal.source.file !== node.entry.relationship.agreementFile) item.resourceUri = fileUri(node.entry, goal.source.file);
  return item;
}

/** A session's icon by its status; one whose status could not be read is not shown as cancelled. */
const SESSION_ICONS: Record<SessionStatusRead, string> = { held: 'comment-discussion', missed: 'circle-slash', cancelled: 'close', unknown: 'question' };

function sessionItem(node: SessionNode, stale: boolean): vscode.TreeItem {
  const session = node.session;
  const { report } = node.entry;
  const item = new vscode.TreeItem(session.date, vscode.TreeItemCollapsibleState.None);
  const unchecked = session.actions.filter((a) => !a.done).length;
  const agenda = session.date > report.today;
  // Open actions count once, at their latest occurrence (report.actions): a copy carried over to
  // a later session is counted there, not here too.
  const open = report.actions.filter((a) => a.source.file === session.source.file).length;
  const carried = unchecked - open;
  const parts = agenda
    ? ['agenda', session.goals.length ? session.goals.join(', ') : 'no goals yet', plural(unchecked, 'action') + ' to go through']
    : [
      session.status === 'held' ? undefined : session.status === 'unknown' ? 'status not readable' : session.status,
      session.goals.length ? session.goals.join(', ') : 'no goals discussed',
      plural(open, 'open action'),
      carried > 0 ? `${carried} carried over` : undefined,
    ];
  if (stale) parts.unshift('stale');
  item.description = parts.filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(stale ? 'warning' : agenda ? 'calendar' : SESSION_ICONS[session.status]);
  const when = agenda
    ? `${session.date} (agenda: not held yet, it counts once its day has come)`
    : session.status === 'unknown'
      ? `${session.date} (status not readable: its front matter has an error, or its \`status\` is not held, missed or cancelled; see the Problems panel. The review counts it as none of them.)`
      : `${session.date} (${session.status})`;
  item.tooltip = `${when}${session.duration ? `, ${session.duration} minutes` : ''}${stale ? `\n${STALE}` : ''}\nGoals: ${session.goals.join(', ') || 'none'}\nOpen actions: ${agenda ? unchecked : open}${carried > 0 && !agenda ? ` (${carried} more carried over to a later session)` : ''}`;
  item.command = openCommand(node.entry, session.source);
  item.resourceUri = fileUri(node.entry, session.source.file);
  return item;
}

function signalItem(node: SignalNode): vscode.TreeItem {
  const signal = node.signal;
  const item = new vscode.TreeItem(signal.message, vscode.TreeItemCollapsibleState.None);
  item.description = signal.advice;
  item.iconPath = themeIcon(SIGNAL_ICONS[signal.severity]);
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`${escapeMarkdown(signal.message)}\n\n**Advice:** ${escapeMarkdown(signal.advice)}\n\n\`${signal.code}\``);
  item.tooltip = tip;
  if (signal.source) item.command = openCommand(node.entry, signal.source);
  return item;
}

/** Whether the index stands in for a file with its last version without errors (JournalFile.stale). */
export function isStale(entry: RelationshipEntry, file: string): boolean {
  return !!entry.root.index.file(file)?.stale;
}

/** The TreeItem of a node: label, description, icon, tooltip, the command a click runs, and `contextValue` for menus. */
export function treeItem(node: JournalNode, counts: { children: number; hidden: number }): vscode.TreeItem {
  let item: vscode.TreeItem;
  switch (node.kind) {
    case 'relationship': item = relationshipItem(node); item.contextValue = 'relationship'; break;
    case 'agreement': item = agreementItem(node); item.contextValue = 'agreement'; break;
    case 'goal': item = goalItem(node); item.contextValue = `goal.${node.goal.status}`; break;
    case 'unreadGoal': item = unreadGoalItem(node); item.contextValue = 'unreadableGoal'; break;
    case 'session': item = sessionItem(node, isStale(node.entry, node.session.source.file)); item.contextValue = `session.${node.session.status}`; break;
    case 'signal': item = signalItem(node); item.contextValue = `signal.${node.signal.code}`; break;
    default: item = groupItem(node, counts.children, counts.hidden); item.contextValue = node.kind;
  }
  item.id = node.id;
  return item;
}
