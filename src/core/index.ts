/** The Mentoring Journal engine: editor-free, with file access and the clock injected. */
export * from './types';
export * from './dates';
export { FIELDS_BY_TYPE, AGREEMENT_FIELDS, GOAL_FIELDS, SESSION_FIELDS, REVIEW_FIELDS, INLINE_GOAL_FIELDS, type FieldSpec, type FieldSpecs } from './fields';
export { parseJournalFile } from './parseFile';
export { AGREEMENT_FILE, GOAL_ID, JOURNAL_TYPES, isAgreementFile, isExcludedPath, relationshipLabel, typeFromPath } from './conventions';
export { parseMarkdown } from './frontmatter';
export { YamlLocator } from './yamlLocator';
export { BodyPieceCache } from './bodyPieces';
export { JournalIndex, sortProblems, type BuildListener, type IndexChange } from './journalIndex';
export { FolderMoves } from './folderMoves';
export { assembleRelationship, unread as frontMatterUnread } from './relationshipRules';
export { RULES, defaultSeverity, isRuleCode, problem, applySeverities, ruleAnchor, type RuleCode, type RuleInfo } from './rules';
export { MemoryFileSystem } from './memoryFileSystem';
export { LineIndex } from './text';
export { nearest, editDistance } from './suggest';
export * from './model';
export * from './history';
