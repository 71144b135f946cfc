import * as vscode from 'vscode';
import type { Relationship } from '../../core';
import { analyzeRelationship, calendarEvents, isCalendarExport, renderCalendar } from '../../core/model';
import { notify } from '../editing';
import type { FeatureContext } from '../feature';
import type { PlainCommand } from './registry';
import { asArgs } from './targets';

const ACTION = 'Export calendar';

export interface ExportCalendarArgs {
  /** Where to write; without it a save dialog asks. */
  uri?: vscode.Uri | string;
  /** Only this relationship (its id, the folder relative to the journal root); default: all. */
  relationship?: string;
}

/** Whether `uri` may be written: it does not exist yet, or is an iCalendar file (an earlier export). */
async function replaceable(uri: vscode.Uri): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return true;
  }
  return bytes.length === 0 || isCalendarExport(new TextDecoder().decode(bytes.subarray(0, 200)));
}

/**
 * A folder's path in the git repository it is in (`.` for the repository's top), found by looking
 * for `.git` in it and the folders above; undefined outside one, and for a root that is not a
 * file folder (a virtual workspace).
 */
async function repositoryPath(folder: vscode.Uri): Promise<string | undefined> {
  if (folder.scheme !== 'file') return undefined;
  const below: string[] = [];
  for (let dir = folder, depth = 0; depth < 256; depth++) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, '.git'));
      return below.reverse().join('/') || '.';
    } catch {
      // not here: one folder up
    }
    const up = vscode.Uri.joinPath(dir, '..');
    if (up.path === dir.path) return undefined;
    below.push(dir.path.slice(dir.path.lastIndexOf('/') + 1));
    dir = up;
  }
  return undefined;
}

/**
 * Export calendar: writes the journal's dates (next sessions, open actions and active goals due,
 * the partnerships' ends) as an iCalendar file (the engine's calendar.ts) where the save dialog
 * says, through `workspace.fs`. Counts as a write, so it is refused in Restricted Mode like every
 * other write; an existing file that is not an iCalendar file is never replaced. Takes
 * `{ uri, relationship }` to skip the dialog or export one relationship. Resolves with the URI
 * written, or undefined.
 */
export const exportCalendar: PlainCommand = {
  id: 'mentoringJournal.exportCalendar', action: ACTION, writes: true,
  async run(ctx: FeatureContext, arg: unknown) {
    const args = asArgs<ExportCalendarArgs>(arg);
    await ctx.service.ready();
    const today = ctx.service.today();
    let entries = ctx.service.relationships();
    if (typeof args.relationship === 'string') entries = entries.filter((e) => e.relationship.id === args.relationship);
    if (entries.length === 0) {
      void notify(ctx, 'error', `${ACTION}: ${args.relationship ? `there is no relationship \`${args.relationship}\` in this workspace` : 'there is no mentoring relationship in this workspace yet'}.`);
      return undefined;
    }
    const reports = entries.map(({ root, relationship }: { root: { options: Parameters<typeof analyzeRelationship>[2] }; relationship: Relationship }) => analyzeRelationship(relationship, today, root.options));
    // UIDs from each relationship's folder in its git repository, as the command line makes them:
    // the same journal gives the same UIDs whichever folder is open.
    const keys = new Map<string, string>();
    for (const { root, relationship } of entries) {
      const folder = relationship.id === '.' ? root.uri : vscode.Uri.joinPath(root.uri, ...relationship.id.split('/'));
      keys.set(relationship.id, (await repositoryPath(folder)) ?? relationship.id);
    }
    const events = calendarEvents(reports, (id) => keys.get(id) ?? id);

    const given = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
    const uri =
      given ??
      (await vscode.window.showSaveDialog({
        title: ACTION,
        saveLabel: 'Export',
        defaultUri: vscode.Uri.joinPath(entries[0]!.root.uri, 'mentoring.ics'),
        filters: { iCalendar: ['ics'] },
      }));
    if (!uri) return undefined;
    const name = vscode.workspace.asRelativePath(uri);
    if (!(await replaceable(uri))) {
      void notify(ctx, 'error', `${ACTION}: ${name} exists and is not an earlier export of this command; it was left as it is. Pick a new name or an earlier export.`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderCalendar(events, new Date())));
    const what = `${events.length === 1 ? '1 event' : `${events.length} events`} for ${reports.length === 1 ? '1 relationship' : `${reports.length} relationships`}`;
    void notify(ctx, 'info', `Exported ${what} to ${name}. Import it in your calendar; importing a newer export updates the same events.`, 'Open').then((button) => {
      if (button === 'Open') void vscode.window.showTextDocument(uri);
    });
    return uri;
  },
};
