import type { CommandServices } from './commandServices';

/** Reloads a branch of the explorer (the node or target given), or everything from the title bar/palette. */
export function refreshCommand(services: CommandServices, arg?: unknown): void {
  services.explorer.refresh(arg);
}
