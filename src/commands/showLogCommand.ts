import type { CommandServices } from './commandServices';

/** Reveals the "SCP Cloud ML" log channel. */
export function showLogCommand(services: CommandServices): void {
  services.log.show();
}
