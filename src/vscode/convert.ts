import * as vscode from 'vscode';
import type { Range, Severity } from '../core';

/** Engine ranges are 1-based with an exclusive end; VS Code's are 0-based. */
export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

export function fromVsPosition(position: vscode.Position): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** Whether a 1-based engine range contains a VS Code position. */
export function rangeContains(range: Range, position: vscode.Position): boolean {
  return toVsRange(range).contains(position);
}
