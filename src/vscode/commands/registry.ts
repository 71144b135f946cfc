import * as vscode from 'vscode';
import { requireTrust } from '../editing';
import type { FeatureContext } from '../feature';
import { resolveRelationship, type Target } from './targets';

/**
 * One command of the extension: its id (declared in package.json `contributes.commands`), the
 * action's name as messages and prompts show it, whether it writes files, and what it does.
 * `registerCommands` wraps every definition the same way: a command that writes refuses in an
 * untrusted workspace (checked here too, not only by `when` clauses), and one that acts on a
 * relationship gets it resolved first (a view node, `{ relationship }`, a file URI, or a
 * quick pick), so `run` starts with its target in hand.
 */
interface CommandBase {
  readonly id: string;
  /** The action's name in messages, prompts and quick-pick titles: `New session`. */
  readonly action: string;
  /** Whether it writes files: then it runs only in a trusted workspace. */
  readonly writes: boolean;
}

/** A command that acts on one relationship, resolved before `run`. */
export interface RelationshipCommand extends CommandBase {
  readonly target: 'relationship';
  run(ctx: FeatureContext, target: Target, arg: unknown): Promise<unknown> | unknown;
}

/** A command that takes its arguments as VS Code passes them. */
export interface PlainCommand extends CommandBase {
  readonly target?: undefined;
  run(ctx: FeatureContext, ...args: unknown[]): Promise<unknown> | unknown;
}

export type CommandDefinition = RelationshipCommand | PlainCommand;

/** The handler VS Code calls for a definition: trust check, then target, then `run`. */
export function commandHandler(ctx: FeatureContext, command: CommandDefinition): (...args: unknown[]) => Promise<unknown> {
  return async (...args) => {
    if (command.writes && !requireTrust(ctx, command.action)) return undefined;
    if (command.target !== 'relationship') return command.run(ctx, ...args);
    const arg = args[0];
    const target = await resolveRelationship(ctx, arg, command.action);
    return target ? command.run(ctx, target, arg) : undefined;
  };
}

/** Registers every definition of `table` with its wrapper. */
export function registerCommandTable(ctx: FeatureContext, table: readonly CommandDefinition[]): vscode.Disposable {
  return vscode.Disposable.from(...table.map((command) => vscode.commands.registerCommand(command.id, commandHandler(ctx, command))));
}
