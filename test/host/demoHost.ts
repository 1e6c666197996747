import { type CodeServerHost, startCodeServerHost } from './workbenchSession';

/**
 * What `npm start` serves: code-server with this extension loaded from the repository (development
 * mode, no test API) and a small workspace. Separate from the CLI so the e2e layer can start the
 * demo exactly the same way.
 */
export interface DemoHostOptions {
  /** 0 (default) = a free port. */
  port?: number;
  log?: (line: string) => void;
}

export const demoWorkspaceReadme = [
  '# SCP Cloud ML demo',
  '',
  'Open **SCP Cloud ML** in the activity bar (the cloud icon on the left) and press',
  '**Try the built-in emulator**: sample clusters and Cloud ML instances appear, and nothing leaves',
  'this machine. To use your own account, press **Connect to SCP** instead.',
  '',
].join('\n');

export function startDemoHost(options: DemoHostOptions = {}): Promise<CodeServerHost> {
  return startCodeServerHost({
    port: options.port,
    log: options.log,
    workspaceFiles: { 'README.md': demoWorkspaceReadme },
  });
}
