import * as vscode from 'vscode';
import { REGIONS_BY_ENVIRONMENT, SCP_ENVIRONMENTS, type ScpEnvironment } from '../scp/endpoints';
import type { PickItem, UserInput } from '../ui/userInput';
import { inputStep } from '../wizard/inputStep';
import { pickStep } from '../wizard/pickStep';
import { runWizard, type WizardOptions } from '../wizard/runWizard';
import type { WizardStep } from '../wizard/wizardStep';
import { regionStep } from './regionStep';
import type { CompleteSignInForm, SignInForm } from './signInFormFields';

export const SignInStepIds = { name: 'name', environment: 'environment', region: 'region', accessKey: 'accessKey', secretKey: 'secretKey' } as const;

const MAX_NAME_LENGTH = 64;

export interface SignInFormRun {
  /** The first step to show (earlier ones count as answered), or the summary (after "Edit"). */
  startAt?: WizardOptions<SignInForm>['startAt'];
  /** Ask this one step only (e.g. another name after a clash); the others keep their answers. */
  only?: (typeof SignInStepIds)[keyof typeof SignInStepIds];
}

/**
 * Runs the sign-in form (name, environment, region with the optional endpoint override, access key, secret key)
 * and resolves to the completed form, or undefined when the user cancelled anywhere.
 */
export async function runSignInForm(ui: UserInput, form: SignInForm, options: SignInFormRun = {}): Promise<CompleteSignInForm | undefined> {
  let run = options;
  // The summary only serves "Edit" after a failed check; a first sign-in goes straight to the check.
  const summary =
    options.startAt === 'summary'
      ? {
          executeLabel: vscode.l10n.t('Sign in'),
          editLabel: (label: string) => vscode.l10n.t('Edit {0}…', label),
          cancelLabel: vscode.l10n.t('Cancel'),
          placeholder: vscode.l10n.t('Review the profile, then sign in'),
        }
      : undefined;
  for (;;) {
    const steps = signInSteps().filter((step) => run.only === undefined || step.id === run.only);
    const done = await runWizard({ title: vscode.l10n.t('Sign in to SCP'), steps, context: form, ui, startAt: run.startAt, summary });
    if (done === undefined) return undefined;
    // An environment changed from the summary can leave a region it does not have: ask the region again.
    if (isComplete(done)) return done;
    run = { startAt: { stepId: SignInStepIds.region } };
  }
}

function isComplete(form: SignInForm): form is CompleteSignInForm {
  return (
    form.name !== undefined &&
    form.environment !== undefined &&
    form.region !== undefined &&
    REGIONS_BY_ENVIRONMENT[form.environment].includes(form.region) &&
    form.accessKey !== undefined &&
    form.secretKey !== undefined
  );
}

function signInSteps(): WizardStep<SignInForm>[] {
  return [
    inputStep<SignInForm>({
      id: SignInStepIds.name,
      label: vscode.l10n.t('Profile name'),
      get: (form) => form.name,
      set: (form, value) => (form.name = value.trim()),
      prompt: vscode.l10n.t('A name for this connection, shown in the status bar (e.g. "dev" or "prod kr-west1")'),
      validate: (value) => {
        if (value.trim() === '') return vscode.l10n.t('Enter a name for this profile.');
        if (value.trim().length > MAX_NAME_LENGTH) return vscode.l10n.t('Use at most {0} characters.', String(MAX_NAME_LENGTH));
        return undefined;
      },
    }),
    pickStep<SignInForm, ScpEnvironment>({
      id: SignInStepIds.environment,
      label: vscode.l10n.t('Environment'),
      items: () => SCP_ENVIRONMENTS.map(environmentItem),
      get: (form) => form.environment,
      set: (form, environment) => {
        if (form.region !== undefined && !REGIONS_BY_ENVIRONMENT[environment].includes(form.region)) form.region = undefined;
        form.environment = environment;
      },
      placeholder: vscode.l10n.t('Which SCP environment is your account in?'),
      matchOnDescription: true,
      // The steps are rebuilt for every run of the form, so name the answer here rather than from the last list.
      summary: (form) => (form.environment ? environmentItem(form.environment).label : undefined),
    }),
    regionStep(),
    inputStep<SignInForm>({
      id: SignInStepIds.accessKey,
      label: vscode.l10n.t('Access key'),
      get: (form) => form.accessKey,
      set: (form, value) => (form.accessKey = value.trim()),
      prompt: (form) => form.keyProblem ?? vscode.l10n.t('The access key of your SCP authentication key'),
      validate: keyProblem(vscode.l10n.t('Enter the access key.'), vscode.l10n.t('An access key has no spaces.')),
      // Never shown in the summary: the access key is kept in SecretStorage like the secret key.
      summary: (form) => (form.accessKey ? '••••' : undefined),
    }),
    inputStep<SignInForm>({
      id: SignInStepIds.secretKey,
      label: vscode.l10n.t('Secret key'),
      get: (form) => form.secretKey,
      set: (form, value) => (form.secretKey = value.trim()),
      prompt: (form) => form.keyProblem ?? vscode.l10n.t('The secret key that belongs to this access key (stored only in VS Code SecretStorage)'),
      password: true,
      validate: keyProblem(vscode.l10n.t('Enter the secret key.'), vscode.l10n.t('A secret key has no spaces.')),
    }),
  ];
}

function environmentItem(environment: ScpEnvironment): PickItem<ScpEnvironment> {
  const host = `*.${environment}.samsungsdscloud.com`;
  switch (environment) {
    case 's':
      return { label: vscode.l10n.t('Samsung Cloud Platform'), description: 's', detail: vscode.l10n.t('Public cloud ({0})', host), value: environment };
    case 'g':
      return { label: vscode.l10n.t('Samsung Cloud Platform for Government'), description: 'g', detail: vscode.l10n.t('Sovereign / public sector ({0})', host), value: environment };
    case 'e':
      return { label: vscode.l10n.t('Samsung Cloud Platform Enterprise'), description: 'e', detail: vscode.l10n.t('Enterprise ({0})', host), value: environment };
  }
}

function keyProblem(emptyMessage: string, spaceMessage: string): (value: string) => string | undefined {
  return (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return emptyMessage;
    return /\s/.test(trimmed) ? spaceMessage : undefined;
  };
}
