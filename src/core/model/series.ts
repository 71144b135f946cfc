import { addDays } from '../dates';
import type { GoalStatusRead, SessionStatusRead } from '../types';
import type { RelationshipReport } from './types';

/** The data a progress chart draws: one line per goal and the sessions along the time axis. */
export interface ProgressSeries {
  today: string;
  /** First and last day of the time axis: from `started` (or the earliest date) to today (or the latest date). */
  start: string;
  end: string;
  /** The partnership's planned end, when it falls on the axis. */
  ends?: string;
  goals: Array<{ id: string; title: string; status: GoalStatusRead; points: Array<{ date: string; progress: number }> }>;
  sessions: Array<{ date: string; status: SessionStatusRead; file: string }>;
  /** The second series: each held session's pulse, 1-5 per partner as recorded (absent or empty: none). */
  pulse?: Array<{ date: string; mentor?: number; mentee?: number }>;
}

/** Per goal its recorded progress points, per session its date and status, and the axis they share. */
export function progressSeries(report: RelationshipReport): ProgressSeries {
  const goals = report.goals.map((g) => ({ id: g.id, title: g.title, status: g.status, points: g.history.map((p) => ({ date: p.date, progress: p.progress })) }));
  const sessions = report.sessions.map((s) => ({ ...s }));
  const pulse = report.pulse.map(({ file: _file, ...p }) => p);
  const dates = [...goals.flatMap((g) => g.points.map((p) => p.date)), ...sessions.map((s) => s.date), report.today].sort();
  const start = report.started && report.started < dates[0]! ? report.started : dates[0]!;
  let end = dates[dates.length - 1]!;
  if (end <= start) end = addDays(start, 1);
  return {
    today: report.today,
    start,
    end,
    ...(report.ends && report.ends >= start && report.ends <= end ? { ends: report.ends } : {}),
    goals,
    sessions,
    pulse,
  };
}
