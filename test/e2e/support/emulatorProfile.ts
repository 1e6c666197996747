import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../../src/emulator/startEmulator';
import { CloudMlApi } from '../../../src/scp/cloudMlApi';
import { ScpHttpClient } from '../../../src/scp/scpHttpClient';
import type { QuickInput } from './quickInput';
import { activityBarItem, welcomeButton } from './workbenchSurfaces';

/**
 * A person whose ~/.scpconf names an emulator this runner started (its URL as the endpoint override, its keys),
 * so the runner can move that emulator's instances from outside the extension: a second signed client, as a
 * colleague, the SCP console or `npm run scp` would, or the in-process admin.
 */

/** A temporary HOME with ~/.scpconf (Terraform v2 format) for `emulator`; remove it when done. */
export function homeWithScpconf(emulator: RunningEmulator): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'scp-e2e-home-'));
  const scpconf = path.join(home, '.scpconf');
  fs.mkdirSync(scpconf);
  fs.writeFileSync(
    path.join(scpconf, 'config.json'),
    JSON.stringify({ 'auth-url': 'https://iam.e.samsungsdscloud.com/v1', 'default-region': 'kr-west1', 'endpoint-override': emulator.url }),
  );
  fs.writeFileSync(path.join(scpconf, 'credentials.json'), JSON.stringify({ 'access-key': emulator.accessKey, 'secret-key': emulator.secretKey }));
  return home;
}

/** Opens the SCP Cloud ML view and imports the one profile of ~/.scpconf from its welcome view. */
export async function importScpconfProfile(page: Page, quick: QuickInput): Promise<void> {
  await activityBarItem(page, 'SCP Cloud ML').click();
  await welcomeButton(page, 'Import from ~/.scpconf').click({ timeout: 30_000 });
  await quick.choose({ title: 'Import SCP profiles', placeholder: 'Found 1 profile(s)' }, 'default', 'default, e · kr-west1');
  await quick.waitHidden();
}

/** Expands the Activity view's pane (collapsed by default) when it is not expanded already. */
export async function expandActivityView(page: Page): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Activity' }).first();
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.part.sidebar .pane-header')).some((h) => h.textContent?.includes('Activity') && h.getAttribute('aria-expanded') === 'true'));
}

/** A second SCP client with the emulator's keys: what a colleague or the CLI uses, not this window. */
export function secondClient(emulator: RunningEmulator): CloudMlApi {
  return new CloudMlApi(
    new ScpHttpClient({
      endpoint: { environment: 'e', region: 'kr-west1', endpointOverride: emulator.url },
      credentials: () => Promise.resolve({ accessKey: emulator.accessKey, secretKey: emulator.secretKey }),
      timeoutMs: 10_000,
      language: 'en-US',
    }),
  );
}

/** The id of the instance called `name` in the emulator's state. */
export function instanceIdOf(emulator: RunningEmulator, name: string): string {
  const found = emulator.admin.snapshot().instances.find((i) => i.cloud_ml_name === name);
  if (!found) throw new Error(`The emulator has no instance ${name}.`);
  return found.cloud_ml_id;
}

/** The seed's analytics-dev-ml is CREATING for ever: settled, so that only what a scenario moves is in flight. */
export function settleSeededDeployment(emulator: RunningEmulator): void {
  emulator.admin.forceState(instanceIdOf(emulator, 'analytics-dev-ml'), 'DEPLOYED');
}
