import * as vscode from 'vscode';
import type { DuplicationQuery } from '../../scp/cloudMlApi';
import type { CloudMlImage } from '../../scp/cloudMlSchemas';
import { describeError } from '../../ui/errorPresenter';
import type { ExtensionLog } from '../../ui/extensionLog';
import type { PickItem } from '../../ui/userInput';
import { inputStep } from '../../wizard/inputStep';
import { listStep } from '../../wizard/listStep';
import { pickStep } from '../../wizard/pickStep';
import type { SummaryLabels } from '../../wizard/runWizard';
import {
  checkDomainName,
  checkResourceName,
  checkTag,
  formatTag,
  parseTag,
  withMessages,
  type NameProblem,
  type TagProblem,
} from '../../wizard/validation';
import type { WizardStep } from '../../wizard/wizardStep';
import { availabilityCheck, type AvailabilityTexts } from './availabilityCheck';
import type { ClusterEstimates } from './clusterEstimates';
import { chooseCluster, ENDPOINT_TYPES, type ChosenCluster, type ChosenImage, type CreateCloudMlContext, type EndpointType } from './createCloudMlContext';
import { createRegistrySteps } from './createRegistrySteps';
import { createResourceSteps } from './createResourceSteps';
import { retryablePickStep } from './retryablePickStep';

/** What the form needs from outside: the lists it offers and the availability check. */
export interface CreateWizardDeps {
  log: ExtensionLog;
  estimates: ClusterEstimates;
  /** RUNNING clusters without a Cloud ML, each added as soon as it is known to have none. */
  clusterItems(add: (items: PickItem<ChosenCluster>[]) => void, signal: AbortSignal): Promise<void>;
  images(): Promise<CloudMlImage[]>;
  /** check-duplication: true = taken. */
  isTaken(query: DuplicationQuery): Promise<boolean>;
}

export function createTitle(): string {
  return vscode.l10n.t('Create Cloud ML');
}

export function createSummaryLabels(): SummaryLabels {
  return {
    executeLabel: vscode.l10n.t('$(check) Create'),
    editLabel: (label) => vscode.l10n.t('Edit {0}…', label),
    cancelLabel: vscode.l10n.t('$(close) Cancel'),
    placeholder: vscode.l10n.t('Review the new Cloud ML, then create it'),
  };
}

/**
 * Every step of the create form, in the order the form asks them: cluster, name, domain, image, endpoint type,
 * resources, copilot and its resources, registry, description, tags.
 */
export function createCloudMlSteps(deps: CreateWizardDeps): WizardStep<CreateCloudMlContext>[] {
  const resources = createResourceSteps(deps);
  const availability = availabilityCheck((query) => deps.isTaken(query), availabilityTexts(), deps.log);
  const isCopilotResource = (step: WizardStep<CreateCloudMlContext>): boolean => step.id.startsWith('copilot.');
  return [
    clusterStep(deps),
    nameStep(availability),
    domainStep(availability),
    imageStep(deps),
    endpointTypeStep(),
    ...resources.filter((step) => !isCopilotResource(step)),
    copilotStep(deps),
    ...resources.filter(isCopilotResource),
    ...createRegistrySteps(deps.log),
    descriptionStep(),
    tagsStep(),
  ];
}

function clusterStep(deps: CreateWizardDeps): WizardStep<CreateCloudMlContext> {
  return retryablePickStep<CreateCloudMlContext, ChosenCluster>({
    id: 'cluster',
    label: vscode.l10n.t('Cluster'),
    // Shown at once (busy) and filled as the lookups answer: the first clusters can be chosen before the last lookup.
    progressiveItems: (_ctx, add, signal) => deps.clusterItems(add, signal),
    get: (ctx) => ctx.cluster,
    set: (ctx, cluster) => {
      chooseCluster(ctx, cluster);
      deps.estimates.prefetch(cluster.id, false);
    },
    equals: (a, b) => a.id === b.id,
    placeholder: vscode.l10n.t('The SKE cluster to install Cloud ML on (RUNNING, without Cloud ML)'),
    emptyMessage: vscode.l10n.t('No RUNNING cluster without Cloud ML. Create an SKE cluster first.'),
    matchOnDescription: true,
    // Started from a cluster node: the cluster is given, the step is neither asked nor counted.
    shouldPrompt: (ctx) => !ctx.clusterPreset,
    summary: (ctx) => ctx.cluster?.name,
    log: deps.log,
    operation: 'list clusters for create',
  });
}

type Availability = ReturnType<typeof availabilityCheck>;

function availabilityTexts(): AvailabilityTexts {
  return {
    taken: (value, field) =>
      field === 'name'
        ? vscode.l10n.t('The name {0} is already taken. Choose another one.', value)
        : vscode.l10n.t('The domain name {0} is already taken. Choose another one.', value),
    unreadable: (value) =>
      vscode.l10n.t("Could not check whether {0} is free: SCP's answer could not be read. Press Enter again to go on; SCP checks it when the Cloud ML is created.", value),
    failed: (value, error) => vscode.l10n.t('Could not check whether {0} is free: {1} Press Enter to try again.', value, describeError(error)),
  };
}

function nameStep(availability: Availability): WizardStep<CreateCloudMlContext> {
  return inputStep<CreateCloudMlContext>({
    id: 'name',
    label: vscode.l10n.t('Name'),
    get: (ctx) => ctx.name,
    set: (ctx, value) => (ctx.name = value),
    prompt: vscode.l10n.t('The Cloud ML name: 3 to 30 lower-case letters, digits or "-", starting with a letter.'),
    placeholder: vscode.l10n.t('e.g. ml-team'),
    validate: withMessages(checkResourceName, nameMessage),
    validateOnAccept: (value) => availability({ name: value }, value),
  });
}

function domainStep(availability: Availability): WizardStep<CreateCloudMlContext> {
  return inputStep<CreateCloudMlContext>({
    id: 'domainName',
    label: vscode.l10n.t('Domain name'),
    get: (ctx) => ctx.domainName,
    set: (ctx, value) => (ctx.domainName = value),
    prompt: vscode.l10n.t('The domain name of the Cloud ML endpoint: 3 to 50 lower-case letters, digits, "-" or ".".'),
    placeholder: vscode.l10n.t('e.g. ml-team.example.com'),
    validate: withMessages(checkDomainName, domainMessage),
    validateOnAccept: (value) => availability({ domainName: value }, value),
  });
}

function imageStep(deps: CreateWizardDeps): WizardStep<CreateCloudMlContext> {
  return retryablePickStep<CreateCloudMlContext, ChosenImage>({
    id: 'image',
    label: vscode.l10n.t('Image'),
    items: async () => (await deps.images()).map(imageItem),
    get: (ctx) => ctx.image,
    set: (ctx, image) => (ctx.image = image),
    equals: (a, b) => a.id === b.id,
    placeholder: vscode.l10n.t('The Cloud ML image (copilot-capable images are marked)'),
    // Also when the image was given (copied) and its list never shown.
    summary: (ctx) => (ctx.image ? [ctx.image.name, ctx.image.displayVersion].filter(Boolean).join(' ') : undefined),
    emptyMessage: vscode.l10n.t('No Cloud ML image is offered in this region.'),
    matchOnDescription: true,
    log: deps.log,
    operation: 'list images',
  });
}

function imageItem(image: CloudMlImage): PickItem<ChosenImage> {
  const chosen: ChosenImage = {
    id: image.image_id,
    name: image.image_name ?? image.image_id,
    displayVersion: image.display_version,
    k8sVersion: image.k8s_version,
    copilotEnabled: image.copilot_enabled,
  };
  const k8s = image.k8s_version ?? '?';
  return {
    label: [chosen.name, chosen.displayVersion].filter(Boolean).join(' '),
    description: chosen.copilotEnabled
      ? vscode.l10n.t('$(sparkle) copilot · Kubernetes {0}', k8s)
      : vscode.l10n.t('Kubernetes {0}', k8s),
    value: chosen,
  };
}

function endpointTypeStep(): WizardStep<CreateCloudMlContext> {
  const describe = (type: EndpointType): string =>
    type === 'PRIVATE' ? vscode.l10n.t('Reachable inside the VPC only') : vscode.l10n.t('Reachable from the internet');
  return pickStep<CreateCloudMlContext, EndpointType>({
    id: 'endpointType',
    label: vscode.l10n.t('Endpoint type'),
    items: () => ENDPOINT_TYPES.map((type) => ({ label: type, description: describe(type), value: type })),
    get: (ctx) => ctx.endpointType,
    set: (ctx, type) => (ctx.endpointType = type),
    placeholder: vscode.l10n.t('How the Cloud ML endpoint is reached'),
  });
}

function copilotStep(deps: CreateWizardDeps): WizardStep<CreateCloudMlContext> {
  return pickStep<CreateCloudMlContext, boolean>({
    id: 'useCopilot',
    label: vscode.l10n.t('Copilot'),
    items: () => [
      { label: vscode.l10n.t('Use copilot'), description: vscode.l10n.t('Needs its own CPU, GPU and memory'), value: true },
      { label: vscode.l10n.t('No copilot'), value: false },
    ],
    get: (ctx) => ctx.useCopilot,
    set: (ctx, use) => {
      ctx.useCopilot = use;
      if (use && ctx.cluster) deps.estimates.prefetch(ctx.cluster.id, true);
    },
    placeholder: vscode.l10n.t('This image supports copilot'),
    summary: (ctx) => (ctx.useCopilot === undefined ? undefined : ctx.useCopilot ? vscode.l10n.t('Use copilot') : vscode.l10n.t('No copilot')),
    // Only images that support copilot ask; "does this apply", so the answer keeps its row in the summary.
    shouldPrompt: (ctx) => ctx.image?.copilotEnabled === true,
  });
}

function descriptionStep(): WizardStep<CreateCloudMlContext> {
  return inputStep<CreateCloudMlContext>({
    id: 'description',
    label: vscode.l10n.t('Description'),
    get: (ctx) => ctx.description,
    set: (ctx, value) => (ctx.description = value),
    prompt: vscode.l10n.t('A description (optional).'),
  });
}

function tagsStep(): WizardStep<CreateCloudMlContext> {
  return listStep<CreateCloudMlContext, { key: string; value: string }>({
    id: 'tags',
    label: vscode.l10n.t('Tags'),
    get: (ctx) => ctx.tags,
    set: (ctx, tags) => (ctx.tags = tags),
    format: formatTag,
    validate: (text, existing) => {
      const problem = checkTag(text, existing);
      return problem === undefined ? undefined : tagMessage(problem);
    },
    parse: parseTag,
    labels: {
      placeholder: vscode.l10n.t('Pick "Add tag…" to add one (key=value), pick a tag to remove it, or "Done"'),
      add: vscode.l10n.t('$(add) Add tag…'),
      done: vscode.l10n.t('$(check) Done'),
      remove: vscode.l10n.t('Remove'),
      inputPrompt: vscode.l10n.t('A tag as key=value'),
      inputPlaceholder: vscode.l10n.t('e.g. team=ml'),
    },
  });
}

function nameMessage(problem: NameProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Enter a name.');
    case 'tooShort':
    case 'tooLong':
      return vscode.l10n.t('Use 3 to 30 characters.');
    case 'pattern':
      return vscode.l10n.t('Use lower-case letters, digits and "-", starting with a letter and ending with a letter or digit.');
  }
}

function domainMessage(problem: NameProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Enter a domain name.');
    case 'tooShort':
    case 'tooLong':
      return vscode.l10n.t('Use 3 to 50 characters.');
    case 'pattern':
      return vscode.l10n.t('Use only lower-case letters, digits, "-" and ".".');
  }
}

function tagMessage(problem: TagProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Type a tag as key=value.');
    case 'noEquals':
      return vscode.l10n.t('Use key=value, e.g. team=ml.');
    case 'emptyKey':
      return vscode.l10n.t('The key before "=" must not be empty.');
    case 'duplicateKey':
      return vscode.l10n.t('A tag with this key is already there; pick it in the list to remove it first.');
  }
}
