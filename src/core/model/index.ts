/** The review model: stage inference, goal reports, cadence health, signals and their renderings. */
export * from './types';
export { analyzeRelationship, analyzeJournal } from './analyze';
export { changesSince, latestReview } from './changes';
export { inferStage, sessionsThinning, THINNING_FACTOR } from './stage';
export { cadenceHealth, closureInForce } from './cadence';
export { openActions, progressHistory, progressHome, type ProgressHome } from './goals';
export { FIRST_SESSION_DAYS, MISSED_IN_A_ROW, PULSE_DROP, PULSE_LOW } from './relationshipSignals';
export { AT_RISK_PROGRESS, AT_RISK_WINDOW_DAYS, CLOSURE_WINDOW_DAYS, TOO_BROAD_SHARE, UNSIGNED_LONG_DAYS } from './signals';
export { DUE_SLIPS, ONE_SIDED_SESSIONS } from './gitSignals';
export { renderReviewMarkdown, renderReviewFile } from './markdown';
export { reviewToJson, type ActionJson, type CadenceJson, type ChangesJson, type GoalJson, type GoalChangeJson, type RecordsJson, type JournalJson, type RelationshipJson, type SignalJson } from './json';
export { progressSeries, type ProgressSeries } from './series';
export { renderProgressSvg, type SvgOptions } from './svg';
export { ACTION_GROUP_LABELS, ACTION_GROUPS, actionGroup, compareActions, isMine, journalActions, myActions, tickAction, WEEK_DAYS, type ActionGroup, type JournalAction } from './actions';
export { REMINDER_LIMIT, reminderFor, reminderText, type Reminder, type ReminderItem } from './reminders';
export { calendarEvents, CALENDAR_PRODID, escapeText, isCalendarExport, foldLine, journalCalendar, relationshipEvents, renderCalendar, reportsToCalendar, stableHash, type CalendarEvent, type CalendarEventKind } from './calendar';
