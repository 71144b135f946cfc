import * as vscode from 'vscode';
import { relationshipLabel } from '../core';
import { reviewGoals } from './commands/reviewGoals';
import type { Feature } from './feature';
import type { JournalService } from './journalService';
import { isClosed, nextSessionLabel, relationshipDescription, stageLabel, type RelationshipNode } from './tree/items';
import { ReportCache } from './tree/reports';

/**
 * The status bar entry for the relationship of the active editor's file: its stage and the days
 * to the next session. A click runs Review goals for that relationship. Hidden for other files.
 */
export class RelationshipStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mentoringJournal.status', vscode.StatusBarAlignment.Left, 50);
  private readonly reports: ReportCache;
  private readonly disposables: vscode.Disposable[] = [];
  private shown = false;

  constructor(private readonly service: JournalService) {
    this.reports = new ReportCache(service);
    this.item.name = 'Mentoring Journal';
    this.disposables.push(
      this.item,
      service.onDidChange((changes) => {
        this.reports.invalidate(changes);
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** Shows or hides the entry for the active editor; returns whether it is shown. */
  update(): boolean {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const located = uri && this.service.locate(uri);
    const id = located ? located.root.index.relationshipIdOf(located.path) : undefined;
    // During the first build, a relationship whose files are not all read has no report yet.
    const whole = located && id !== undefined && located.root.index.isComplete(id);
    const entry = whole ? this.reports.get(located.root, id) : undefined;
    if (!entry) {
      this.item.hide();
      return (this.shown = false);
    }
    const { report } = entry;
    const next = nextSessionLabel(report);
    const pair = relationshipLabel(report.mentors, report.mentees, report.id);
    // With more than one relationship, say which one: by first names, to stay short.
    const first = (names: string[]) => names.map((n) => n.trim().split(/\s+/)[0] ?? n);
    const several = this.service.relationships().length > 1;
    const who = several ? `${relationshipLabel(first(report.mentors), first(report.mentees), report.id)} · ` : '';
    this.item.text = `$(mortar-board) ${who}${relationshipDescription(report)}`;
    this.item.tooltip = `${pair}\nStage: ${stageLabel(report)}${next ? `\n${next}` : ''}\nClick to review goals`;
    // What a screen reader says: the words, not the icon's name ("mortar-board") first.
    this.item.accessibilityInformation = { label: `Mentoring: ${pair}, ${relationshipDescription(report)}. Review goals.`, role: 'button' };
    this.item.backgroundColor = report.cadence.overdue && !isClosed(report) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // The same argument the view's context menu passes, so Review goals needs to handle one shape.
    const node: RelationshipNode = { kind: 'relationship', id: ReportCache.key(entry.root, entry.relationship.id), parent: undefined, entry };
    this.item.command = { command: reviewGoals.id, title: reviewGoals.action, arguments: [node] };
    this.item.show();
    return (this.shown = true);
  }

  /** Whether the entry is shown (StatusBarItem itself does not tell). */
  get visible(): boolean {
    return this.shown;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export const registerStatusBar: Feature = ({ service, api }) => {
  const status = new RelationshipStatus(service);
  api.statusBar = status;
  return status;
};
