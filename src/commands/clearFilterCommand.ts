import type { CommandServices } from './commandServices';

/** Shows every cluster again. */
export function clearFilterCommand(services: CommandServices): void {
  services.explorer.setFilter(undefined);
}
