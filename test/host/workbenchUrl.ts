/**
 * The workbench URL code-server serves. The `payload` query is how the web workbench receives what
 * desktop VS Code gets as --extensionDevelopmentPath / --extensionTestsPath: paths on the server,
 * written as vscode-remote URIs of this host.
 */
export interface WorkbenchUrlOptions {
  /** Absolute folder to open. */
  folder: string;
  /** Absolute path of an extension folder to load as "under development". */
  extensionDevelopmentPath?: string;
  /** Absolute path (without .js) of a module exporting `run(): Promise<void>` to run in the extension host. */
  extensionTestsPath?: string;
}

/** Absolute OS path -> URI path (`C:\x` -> `/C:/x`). */
function uriPath(absolutePath: string): string {
  const slashed = absolutePath.replace(/\\/g, '/');
  return slashed.startsWith('/') ? slashed : `/${slashed}`;
}

export function workbenchUrl(baseUrl: string, options: WorkbenchUrlOptions): string {
  const authority = new URL(baseUrl).host;
  const remote = (p: string): string => `vscode-remote://${authority}${encodeURI(uriPath(p))}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const query = [`folder=${encodeURIComponent(uriPath(options.folder))}`];
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${baseUrl}/?${query.join('&')}`;
}
