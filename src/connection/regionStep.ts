import * as vscode from 'vscode';
import { isLoopbackHost, normalizeEndpointOverride, REGIONS_BY_ENVIRONMENT } from '../scp/endpoints';
import { BACK, type PickItem } from '../ui/userInput';
import type { WizardStep } from '../wizard/wizardStep';
import type { SignInForm } from './signInFormFields';

/** Row values besides region names (regions never start with ':'). */
const SET_OVERRIDE = ':override';
const REMOVE_OVERRIDE = ':removeOverride';

/**
 * The region of the chosen environment, with "Advanced: endpoint override…" as one more row: the override is
 * asked only when someone picks that row, then the region list comes back (the override replaces the host, but
 * the profile still names its region). Back from the override box returns to the list, not to the previous step.
 */
export function regionStep(): WizardStep<SignInForm> {
  return {
    id: 'region',
    label: vscode.l10n.t('Region'),
    shouldPrompt: () => true,
    summary: (form) =>
      form.region === undefined
        ? undefined
        : form.endpointOverride
          ? vscode.l10n.t('{0} via {1}', form.region, form.endpointOverride)
          : form.region,
    async prompt(form, ui, step) {
      for (;;) {
        const regions = form.environment ? REGIONS_BY_ENVIRONMENT[form.environment] : [];
        const choice = await ui.pick(regionItems(regions, form.endpointOverride), {
          ...step,
          placeholder: vscode.l10n.t('Choose the region of this profile'),
          activeValue: form.region,
        });
        if (choice === undefined || choice === BACK) return choice;
        if (choice === REMOVE_OVERRIDE) {
          form.endpointOverride = undefined;
          continue;
        }
        if (choice !== SET_OVERRIDE) {
          form.region = choice;
          return 'next';
        }
        const override = await ui.input({
          ...step,
          canGoBack: true,
          prompt: vscode.l10n.t('One base URL for every SCP service, e.g. a private gateway or a local emulator. Plain http:// only for a loopback host.'),
          placeholder: 'https://host:port',
          value: form.endpointOverride,
          validate: overrideProblem,
        });
        if (override === undefined) return undefined;
        if (override === BACK) continue;
        form.endpointOverride = normalizeEndpointOverride(override);
      }
    },
  };
}

function regionItems(regions: readonly string[], override: string | undefined): PickItem<string>[] {
  const items: PickItem<string>[] = regions.map((region) => ({ label: region, value: region }));
  items.push({ label: vscode.l10n.t('Advanced'), value: '', separator: true });
  if (override === undefined) {
    items.push({
      label: vscode.l10n.t('Advanced: endpoint override…'),
      detail: vscode.l10n.t('Send every call to one base URL instead of the standard SCP hosts.'),
      value: SET_OVERRIDE,
      alwaysShow: true,
    });
  } else {
    items.push(
      { label: vscode.l10n.t('Change the endpoint override…'), description: override, value: SET_OVERRIDE, alwaysShow: true },
      { label: vscode.l10n.t('Remove the endpoint override'), value: REMOVE_OVERRIDE, alwaysShow: true },
    );
  }
  return items;
}

/** A localized sentence for an override the client would refuse, or undefined when it is usable. */
export function overrideProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return vscode.l10n.t('Enter a base URL such as https://host:port.');
  try {
    normalizeEndpointOverride(trimmed);
    return undefined;
  } catch {
    let url: URL | undefined;
    try {
      url = new URL(trimmed);
    } catch {
      url = undefined;
    }
    if (url?.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      return vscode.l10n.t('Plain http:// is allowed only for a loopback host such as 127.0.0.1, because the signature must not travel unencrypted. Use https://.');
    }
    return vscode.l10n.t('Enter a base URL such as https://host:port, without a user name, query or fragment.');
  }
}
