/**
 * Settings that weaken a safety check when changed: only the user's own settings may set them, never a
 * workspace (a cloned repository could otherwise turn "type the name to delete" into one click). The manifest
 * gives them application scope and lists them as restricted in untrusted workspaces; the reader also ignores
 * any workspace value itself.
 */
export const USER_ONLY_SETTINGS: readonly string[] = ['deleteConfirmation'];
