import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { checkCredentials } from '../connection/credentialCheck';
import type { Profile } from '../connection/profile';
import { runSignInForm, SignInStepIds, type SignInFormRun } from '../connection/signInForm';
import type { CompleteSignInForm, SignInForm } from '../connection/signInFormFields';
import { isScpError } from '../scp/scpError';
import { describeError, logError } from '../ui/errorPresenter';
import { apiLanguage, readSettings } from '../ui/settings';
import type { CommandServices } from './commandServices';
import { useEmulatorCommand } from './useEmulatorCommand';

/**
 * `scpCloudMl.signIn`: the sign-in form, then one cheap signed call with the typed keys before anything is
 * saved. Refused keys bring the form back to the key steps with every other answer kept; an unreachable SCP
 * offers "Save anyway" / "Edit" / Cancel. Cancel anywhere saves nothing.
 *
 * With a profile id as argument (from switchProfile), or when the active profile's keys were just refused
 * ("Sign in again"), the form renews that profile: its fields are prefilled and it starts at the keys.
 */
export async function signInCommand(services: CommandServices, arg?: unknown): Promise<void> {
  const { ui, connection, log } = services;
  const renewing = profileToRenew(services, arg);
  if (renewing?.source === 'emulator') {
    await useEmulatorCommand(services);
    return;
  }
  const form: SignInForm = renewing ? await prefilledFrom(services, renewing) : {};
  let run: SignInFormRun = renewing ? { startAt: { stepId: SignInStepIds.accessKey } } : {};

  for (;;) {
    const answers = await runSignInForm(ui, form, run);
    if (answers === undefined) return;

    const clash = connection.profiles().find((p) => p.name === answers.name && p.id !== renewing?.id);
    if (clash) {
      const replace = vscode.l10n.t('Replace');
      const rename = vscode.l10n.t('Choose Another Name');
      const choice = await ui.warn(
        vscode.l10n.t('A profile named "{0}" already exists.', answers.name),
        { modal: true, detail: vscode.l10n.t('Replace it with this one, or go back and choose another name.') },
        replace,
        rename,
      );
      if (choice === undefined) return;
      if (choice === rename) {
        run = { only: SignInStepIds.name };
        continue;
      }
    }
    const profile = profileOf(answers, renewing?.id ?? clash?.id ?? randomUUID());

    let failure: unknown;
    try {
      const settings = readSettings();
      await ui.withProgress({ title: vscode.l10n.t('Checking the keys with SCP…'), cancellable: true }, (_progress, signal) =>
        checkCredentials(
          { environment: answers.environment, region: answers.region, ...(answers.endpointOverride ? { endpointOverride: answers.endpointOverride } : {}) },
          { accessKey: answers.accessKey, secretKey: answers.secretKey },
          { timeoutMs: settings.requestTimeoutSeconds * 1000, language: apiLanguage(settings), log, signal },
        ),
      );
    } catch (error) {
      failure = error;
    }

    if (failure === undefined) {
      await save(services, profile, answers);
      void ui.info(vscode.l10n.t('Signed in to SCP as "{0}" ({1}).', profile.name, profile.region));
      return;
    }
    logError(log, failure, `sign-in check for profile "${profile.name}"`);
    if (isScpError(failure) && failure.kind === 'cancelled') return;
    if (isScpError(failure) && failure.kind === 'auth') {
      form.keyProblem = refusedKeysSentence(failure.details);
      run = { startAt: { stepId: SignInStepIds.accessKey } };
      continue;
    }

    const saveAnyway = vscode.l10n.t('Save Anyway');
    const edit = vscode.l10n.t('Edit');
    const choice = await ui.warn(
      vscode.l10n.t('Could not check the keys with SCP. {0}', describeError(failure)),
      { modal: true, detail: vscode.l10n.t('Save the profile anyway and SCP will check the keys on the first call, or edit what you typed.') },
      saveAnyway,
      edit,
    );
    if (choice === saveAnyway) {
      await save(services, profile, answers);
      void ui.info(vscode.l10n.t('Saved profile "{0}" without checking its keys.', profile.name));
      return;
    }
    if (choice !== edit) return;
    form.keyProblem = undefined;
    run = { startAt: 'summary' };
  }
}

/** The profile whose keys to renew: the argument's, or the active one right after SCP refused its keys. */
function profileToRenew(services: CommandServices, arg: unknown): Profile | undefined {
  const { connection } = services;
  if (typeof arg === 'string') return connection.profiles().find((p) => p.id === arg);
  if (connection.authFailed) return connection.activeProfile();
  return undefined;
}

async function prefilledFrom(services: CommandServices, profile: Profile): Promise<SignInForm> {
  const stored = await services.connection.credentials(profile.id);
  return {
    name: profile.name,
    environment: profile.environment,
    region: profile.region,
    endpointOverride: profile.endpointOverride,
    // The access key helps to spot a typo; the secret key is never shown back.
    accessKey: stored?.accessKey,
  };
}

function profileOf(answers: CompleteSignInForm, id: string): Profile {
  return {
    id,
    name: answers.name,
    environment: answers.environment,
    region: answers.region,
    ...(answers.endpointOverride ? { endpointOverride: answers.endpointOverride } : {}),
    source: 'manual',
  };
}

async function save(services: CommandServices, profile: Profile, answers: CompleteSignInForm): Promise<void> {
  await services.connection.saveProfile(profile, { accessKey: answers.accessKey, secretKey: answers.secretKey }, true);
  services.log.info(`signed in: profile "${profile.name}" (${profile.environment} ${profile.region}${profile.endpointOverride ? ' via ' + profile.endpointOverride : ''})`);
}

function refusedKeysSentence(details: readonly string[]): string {
  // SCP's detail often ends with its own full stop; the sentence adds one after the parenthesis.
  const why = details.map((detail) => detail.trim().replace(/[.。]+$/u, '')).find((detail) => detail !== '');
  return why
    ? vscode.l10n.t("SCP refused these keys ({0}). Check the access key, the secret key and this computer's clock, then try again.", why)
    : vscode.l10n.t("SCP refused these keys. Check the access key, the secret key and this computer's clock, then try again.");
}
