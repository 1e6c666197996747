import type { CommandServices } from './commands/commandServices';
import type { UserInput } from './ui/userInput';

/**
 * What activate() returns in ExtensionMode.Test only: integration tests script the UserInput, read the
 * services (connection, tree, tracker, status items) and the log. Never returned to other extensions.
 */
export interface ExtensionTestApi {
  /** Installs a scripted UserInput; `undefined` restores the real one. */
  setUserInput(ui: UserInput | undefined): void;
  services: CommandServices;
  /** The log channel's text so far (already scrubbed). */
  logText(): string;
  /** The last value set for a context key (VS Code has no getter). */
  contextKey(key: string): unknown;
  /** activate()'s own wall time in ms. */
  activationMs: number;
}
