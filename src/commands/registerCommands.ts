import * as vscode from 'vscode';
import { showError } from '../ui/errorPresenter';
import { clearActivityCommand, copyRequestIdCommand, stopTrackingCommand } from './activityCommands';
import { checkReleasableCommand } from './checkReleasableCommand';
import { clearFilterCommand } from './clearFilterCommand';
import { CommandIds, type CommandId } from '../model/commandIds';
import type { CommandServices } from './commandServices';
import { copyEndpointCommand } from './copyEndpointCommand';
import { copyIdCommand } from './copyIdCommand';
import { createCommand } from './create/createCommand';
import { createFittingCommand } from './create/createFittingCommand';
import { createLikeThisCommand } from './create/createLikeThisCommand';
import { deleteCommand } from './deleteCommand';
import { filterCommand } from './filterCommand';
import { findInstanceCommand } from './findInstanceCommand';
import { importProfilesCommand } from './importProfilesCommand';
import { openAsJsonCommand } from './openAsJsonCommand';
import { refreshCommand } from './refreshCommand';
import { showDeploymentsCommand } from './showDeploymentsCommand';
import { showDetailsCommand } from './showDetailsCommand';
import { showEstimateCommand } from './showEstimateCommand';
import { showLogCommand } from './showLogCommand';
import { signInCommand } from './signInCommand';
import { signOutCommand } from './signOutCommand';
import { switchProfileCommand } from './switchProfileCommand';
import { updateCommand } from './updateCommand';
import { useEmulatorCommand } from './useEmulatorCommand';

type CommandHandler = (services: CommandServices, ...args: unknown[]) => unknown;

/** The one place where every command id meets its handler. */
function handlers(): Record<CommandId, CommandHandler> {
  return {
    [CommandIds.signIn]: signInCommand,
    [CommandIds.signOut]: signOutCommand,
    [CommandIds.switchProfile]: switchProfileCommand,
    [CommandIds.importProfiles]: importProfilesCommand,
    [CommandIds.useEmulator]: useEmulatorCommand,
    [CommandIds.refresh]: refreshCommand,
    [CommandIds.filter]: filterCommand,
    [CommandIds.clearFilter]: clearFilterCommand,
    [CommandIds.create]: createCommand,
    [CommandIds.createFitting]: createFittingCommand,
    [CommandIds.createLikeThis]: createLikeThisCommand,
    [CommandIds.update]: updateCommand,
    [CommandIds.delete]: deleteCommand,
    [CommandIds.showDetails]: showDetailsCommand,
    [CommandIds.showEstimate]: showEstimateCommand,
    [CommandIds.checkReleasable]: checkReleasableCommand,
    [CommandIds.copyId]: copyIdCommand,
    [CommandIds.copyEndpoint]: copyEndpointCommand,
    [CommandIds.openAsJson]: openAsJsonCommand,
    [CommandIds.findInstance]: findInstanceCommand,
    [CommandIds.showDeployments]: showDeploymentsCommand,
    [CommandIds.showLog]: showLogCommand,
    [CommandIds.clearActivity]: clearActivityCommand,
    [CommandIds.copyRequestId]: copyRequestIdCommand,
    [CommandIds.stopTracking]: stopTrackingCommand,
  };
}

/**
 * Registers every command. Each handler runs inside one guard: any failure is logged and shown as one
 * sentence with next steps, so no command ever surfaces an unhandled error or a stack trace.
 */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  return Object.entries(handlers()).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(services, ...args);
      } catch (error) {
        await showError(services.ui, services.log, error, { operation: id });
        return undefined;
      }
    }),
  );
}
