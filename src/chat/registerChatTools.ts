import * as vscode from 'vscode';
import type { ChatToolServices } from './chatToolServices';
import { clusterCapacityTool } from './clusterCapacityTool';
import { getInstanceTool } from './getInstanceTool';
import { listInstancesTool } from './listInstancesTool';
import { readOnlyTool, type ReadOnlyToolSpec } from './readOnlyTool';

/**
 * Registers the read-only Cloud ML tools for agent mode (declared in package.json `languageModelTools`). Only
 * reads: nothing that changes SCP is a tool. Registering makes no call.
 */
export function registerChatTools(services: ChatToolServices): vscode.Disposable[] {
  const register = <I>(spec: ReadOnlyToolSpec<I>): vscode.Disposable => vscode.lm.registerTool(spec.name, readOnlyTool(spec, services));
  return [register(listInstancesTool(services)), register(getInstanceTool(services)), register(clusterCapacityTool(services))];
}
