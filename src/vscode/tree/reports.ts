import { analyzeRelationship } from '../../core/model';
import type { RelationshipHistory } from '../../core/history';
import type { GitHistoryApi } from '../gitHistory';
import type { JournalChange, JournalRoot, JournalService } from '../journalService';
import type { RelationshipEntry } from './items';

/**
 * Every relationship of the workspace with its report for today, computed by the engine's model
 * on demand and kept until the service reports a change to that relationship (or a new day).
 */
export class ReportCache {
  private readonly entries = new Map<string, RelationshipEntry>();
  private roots: readonly JournalRoot[] = [];
  /** The git history each cached report was made with (undefined until read, and without git). */
  private readonly histories = new Map<string, RelationshipHistory | undefined>();

  constructor(
    private readonly service: JournalService,
    private readonly history?: GitHistoryApi,
  ) {}

  static key(root: JournalRoot, relationshipId: string): string {
    return `${root.uri.toString()}::${relationshipId}`;
  }

  /** Drops the reports that a change of the service made stale. */
  invalidate(changes: readonly JournalChange[]): void {
    if (this.service.allRoots() !== this.roots) {
      this.entries.clear();
      return;
    }
    for (const { root, change } of changes) for (const id of change.relationships) this.entries.delete(ReportCache.key(root, id));
  }

  /** Every relationship, in the order of the roots and then by folder. */
  all(): RelationshipEntry[] {
    this.sync();
    return this.service.allRoots().flatMap((root) => root.index.relationships().map((r) => this.get(root, r.id)).filter((e): e is RelationshipEntry => !!e));
  }

  get(root: JournalRoot, relationshipId: string): RelationshipEntry | undefined {
    return this.lookUp(root, relationshipId, true);
  }

  /** The report if it is computed and current; undefined rather than computing it. */
  peek(root: JournalRoot, relationshipId: string): RelationshipEntry | undefined {
    return this.lookUp(root, relationshipId, false);
  }

  private lookUp(root: JournalRoot, relationshipId: string, compute: boolean): RelationshipEntry | undefined {
    this.sync();
    const key = ReportCache.key(root, relationshipId);
    const cached = this.entries.get(key);
    const relationship = root.index.relationship(relationshipId);
    if (!relationship) return undefined;
    const history = this.history?.get(root, relationship);
    if (cached && cached.relationship === relationship && cached.report.today === this.service.today() && this.histories.get(key) === history) return cached;
    if (!compute) return undefined;
    const entry = { root, relationship, report: analyzeRelationship(relationship, this.service.today(), root.options, history) };
    this.entries.set(key, entry);
    this.histories.set(key, history);
    return entry;
  }

  private sync(): void {
    if (this.service.allRoots() === this.roots) return;
    this.roots = this.service.allRoots();
    this.entries.clear();
  }
}
