import * as vscode from 'vscode';
import type { ExtensionLog } from '../../ui/extensionLog';
import { inputStep } from '../../wizard/inputStep';
import type { WizardStep } from '../../wizard/wizardStep';
import type { CreateCloudMlContext } from './createCloudMlContext';

/**
 * The container registry the instance pulls its images from. Its credentials are the registry's own key pair,
 * not the SCP access key: every prompt says so, because mixing them up is the usual mistake.
 */
export function createRegistrySteps(log: ExtensionLog): WizardStep<CreateCloudMlContext>[] {
  return [
    inputStep<CreateCloudMlContext>({
      id: 'registry.host',
      label: vscode.l10n.t('Registry host'),
      get: (ctx) => ctx.registry.host,
      set: (ctx, value) => (ctx.registry.host = value.trim()),
      prompt: vscode.l10n.t('The container registry the instance pulls images from.'),
      placeholder: vscode.l10n.t('e.g. registry.example.com'),
      validate: (value) => {
        const trimmed = value.trim();
        if (trimmed === '') return vscode.l10n.t('Enter the registry host.');
        return /\s/.test(trimmed) ? vscode.l10n.t('A host name has no spaces.') : undefined;
      },
    }),
    inputStep<CreateCloudMlContext>({
      id: 'registry.accessKey',
      label: vscode.l10n.t('Registry access key'),
      get: (ctx) => ctx.registry.accessKey,
      set: (ctx, value) => (ctx.registry.accessKey = value.trim()),
      prompt: vscode.l10n.t("The container registry's own access key, not your SCP access key."),
      validate: (value) => (value.trim() === '' ? vscode.l10n.t("Enter the registry's access key.") : undefined),
    }),
    inputStep<CreateCloudMlContext>({
      id: 'registry.secretKey',
      label: vscode.l10n.t('Registry secret key'),
      get: (ctx) => ctx.registry.secretKey,
      set: (ctx, value) => {
        ctx.registry.secretKey = value;
        // Masked in every later log line from now on, whatever happens to the request.
        log.addSecret(value);
      },
      prompt: vscode.l10n.t("The container registry's own secret key, not your SCP secret key. It is sent with the request and never stored."),
      password: true,
      validate: (value) => (value === '' ? vscode.l10n.t("Enter the registry's secret key.") : undefined),
    }),
    inputStep<CreateCloudMlContext>({
      id: 'registry.projectId',
      label: vscode.l10n.t('Registry project ID'),
      get: (ctx) => ctx.registry.projectId,
      set: (ctx, value) => (ctx.registry.projectId = value.trim()),
      prompt: vscode.l10n.t("The registry's project ID, if it has one. Leave empty otherwise."),
    }),
    inputStep<CreateCloudMlContext>({
      id: 'registry.region',
      label: vscode.l10n.t('Registry region'),
      get: (ctx) => ctx.registry.region,
      set: (ctx, value) => (ctx.registry.region = value.trim()),
      prompt: vscode.l10n.t("The registry's region, if it needs one. Leave empty otherwise."),
    }),
  ];
}
