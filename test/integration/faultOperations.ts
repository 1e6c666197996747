import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageRecord } from '../../src/emulator/emulatorState';
import type { Fault, FaultEffect } from '../../src/emulator/fault';
import type { RunningEmulator } from '../../src/emulator/startEmulator';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExtensionTestApi } from '../../src/extensionTestApi';
import { clusterNamed, clusterTarget, instanceNamed, instanceTarget, requestsTo } from '../support/emulatorTargets';
import { CANCEL, ScriptedUserInput, type RecordedMessage, type ScriptedAnswer } from '../support/scriptedUserInput';

/**
 * The ten operations of the fault matrix, each driven the way a user meets it (the tree, a command, a form) and
 * each able to say what the user was shown, lift the fault at the moment a user would try again, and prove that
 * the next call succeeds with nothing typed lost.
 */

export interface FaultCase {
  name: string;
  effect: FaultEffect;
  /** The request is carried out before its answer breaks (a mutation did happen by the time the user sees the failure). */
  appliedBeforeFailure: boolean;
}

export interface CellContext {
  api: ExtensionTestApi;
  emu: RunningEmulator;
  profileId: string;
  fault: FaultCase;
  /** Injects the fault on this operation's requests until lifted. */
  inject(fault: Omit<Fault, keyof FaultEffect | 'count'> & { path: string; method: string }): void;
  /** Lifts every fault (what a user's "try again" meets). */
  lift(): void;
  /** Installs a scripted UI for the next command; every message is answered by `onMessage`. */
  script(answers: ScriptedAnswer[], onMessage?: (message: RecordedMessage) => string | undefined): ScriptedUserInput;
}

export interface CellOutcome {
  /** The one sentence the user saw for the failure. */
  sentence: string;
  /** Error and warning messages shown while the fault was on (tree operations show none). */
  failureMessages: RecordedMessage[];
  /** What was checked about values typed before the failure ('n/a' for reads with nothing typed). */
  keptInput: 'kept' | 'n/a';
}

export interface FaultOperation {
  name: string;
  run(ctx: CellContext): Promise<CellOutcome>;
}

// ---------- the tree ----------

function treeItem(ctx: CellContext, node: ExplorerNode): vscode.TreeItem {
  return ctx.api.services.explorer.provider.getTreeItem(node);
}

function contextOf(ctx: CellContext, node: ExplorerNode): string {
  return treeItem(ctx, node).contextValue ?? '';
}

function labelOf(ctx: CellContext, node: ExplorerNode): string {
  const label = treeItem(ctx, node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

async function refreshedRoots(ctx: CellContext): Promise<ExplorerNode[]> {
  await vscode.commands.executeCommand('scpCloudMl.refresh');
  return ctx.api.services.explorer.provider.getChildren();
}

async function clusterChildren(ctx: CellContext, roots: ExplorerNode[], clusterName: string): Promise<ExplorerNode[]> {
  const node = roots.find((n) => contextOf(ctx, n).startsWith('scpCloudMl.cluster.') && labelOf(ctx, n) === clusterName);
  assert.ok(node, `the tree shows no cluster ${clusterName}`);
  return ctx.api.services.explorer.provider.getChildren(node);
}

/**
 * The sentence a failed branch shows: an error row (its tooltip is the bare sentence, the label wraps it), or for
 * rejected credentials the one "Sign in again" row that starts sign-in (the sentence is its description).
 */
function failureSentence(ctx: CellContext, nodes: ExplorerNode[], where: string): string {
  const expected = ctx.fault.effect.kind === 'gateway401' ? 'scpCloudMl.signInNode' : 'scpCloudMl.error';
  const failure = nodes.find((n) => contextOf(ctx, n) === expected);
  assert.ok(failure, `${where} shows no ${expected} row; it shows: ${nodes.map((n) => labelOf(ctx, n)).join(', ') || 'nothing'}`);
  const item = treeItem(ctx, failure);
  assert.equal(typeof item.tooltip, 'string');
  const sentence = item.tooltip as string;
  if (expected === 'scpCloudMl.signInNode') {
    assert.equal(item.command?.command, 'scpCloudMl.signIn', 'the row starts sign-in');
    assert.equal(item.description, sentence);
  } else {
    assert.ok(labelOf(ctx, failure).includes(sentence), 'the error row shows the sentence');
  }
  return sentence;
}

/** Cloud ML refused as a whole (gateway 404 on a Cloud ML path): the root explains it once, instead of an error per branch. */
function disabledNotice(ctx: CellContext, roots: ExplorerNode[]): string {
  const notice = roots.find((n) => contextOf(ctx, n) === 'scpCloudMl.notice');
  assert.ok(notice, `the root shows no notice; it shows: ${roots.map((n) => labelOf(ctx, n)).join(', ')}`);
  return labelOf(ctx, notice);
}

/** The tree works: the six seeded clusters, no error row, and the instance of ml-prod-cluster under it. */
export async function assertTreeUsable(ctx: CellContext): Promise<void> {
  const roots = await refreshedRoots(ctx);
  const clusters = roots.filter((n) => contextOf(ctx, n).startsWith('scpCloudMl.cluster.'));
  assert.equal(clusters.length, 6, `the tree shows ${roots.map((n) => labelOf(ctx, n)).join(', ')}`);
  assert.ok(!roots.some((n) => contextOf(ctx, n) === 'scpCloudMl.error' || contextOf(ctx, n) === 'scpCloudMl.notice'), 'no error or notice at the root');
  const children = await clusterChildren(ctx, roots, 'ml-prod-cluster');
  assert.ok(children.some((n) => contextOf(ctx, n).startsWith('scpCloudMl.instance.')), 'ml-prod-cluster shows its instance');
}

const isGateway404 = (ctx: CellContext): boolean => ctx.fault.effect.kind === 'gateway404';

const listClusters: FaultOperation = {
  name: 'list clusters',
  async run(ctx) {
    ctx.inject({ method: 'GET', path: '/v1/clusters', exact: true });
    const sentence = failureSentence(ctx, await refreshedRoots(ctx), 'the root');
    ctx.lift();
    return { sentence, failureMessages: [], keptInput: 'n/a' };
  },
};

const clusterLookup: FaultOperation = {
  name: 'cluster lookup',
  async run(ctx) {
    const sandbox = clusterNamed(ctx.emu, 'ds-sandbox');
    // Only this cluster's lookup fails: the error must stay on its branch.
    ctx.inject({ method: 'GET', path: `/v1/cloud-ml/clusters/${sandbox.id}`, exact: true });
    const roots = await refreshedRoots(ctx);
    const children = await clusterChildren(ctx, roots, 'ds-sandbox');
    let sentence: string;
    if (isGateway404(ctx)) {
      assert.deepEqual(children.map((n) => labelOf(ctx, n)), [], 'no error per branch when Cloud ML is refused as a whole');
      sentence = disabledNotice(ctx, await ctx.api.services.explorer.provider.getChildren());
    } else {
      sentence = failureSentence(ctx, children, 'ds-sandbox');
      const sibling = await clusterChildren(ctx, roots, 'ml-prod-cluster');
      assert.ok(sibling.some((n) => contextOf(ctx, n).startsWith('scpCloudMl.instance.')), 'the other clusters still load');
    }
    ctx.lift();
    const after = await clusterChildren(ctx, await refreshedRoots(ctx), 'ds-sandbox');
    assert.deepEqual(after.map((n) => contextOf(ctx, n)), ['scpCloudMl.createAction'], 'after the fault, ds-sandbox offers the create action');
    return { sentence, failureMessages: [], keptInput: 'n/a' };
  },
};

const images: FaultOperation = {
  name: 'images',
  async run(ctx) {
    const provider = ctx.api.services.explorer.provider;
    const groupOf = (roots: ExplorerNode[]): ExplorerNode => {
      const group = roots.find((n) => contextOf(ctx, n) === 'scpCloudMl.imagesGroup');
      assert.ok(group, 'the root shows the Images group');
      return group;
    };
    const group = groupOf(await refreshedRoots(ctx));
    ctx.inject({ method: 'GET', path: '/v1/cloud-ml/images' });
    // The Images group's own refresh: only the image list is read again.
    await vscode.commands.executeCommand('scpCloudMl.refresh', group);
    const children = await provider.getChildren(group);
    let sentence: string;
    if (isGateway404(ctx)) {
      assert.ok(!children.some((n) => contextOf(ctx, n) === 'scpCloudMl.image'), 'no images listed');
      sentence = disabledNotice(ctx, await provider.getChildren());
    } else {
      sentence = failureSentence(ctx, children, 'the Images group');
    }
    ctx.lift();
    const shown = await provider.getChildren(groupOf(await refreshedRoots(ctx)));
    assert.equal(shown.filter((n) => contextOf(ctx, n) === 'scpCloudMl.image').length, ctx.emu.admin.snapshot().images.length, 'after the fault, every image is listed');
    return { sentence, failureMessages: [], keptInput: 'n/a' };
  },
};

// ---------- the create form ----------

const REGISTRY_SECRET = 'fault-matrix-registry-secret-Xq81';
const TAGS_DONE = '$(check) Done';
const CREATE = '$(check) Create';

interface CreateValues {
  name: string;
  domain: string;
  image: ImageRecord;
  analytics: [number, number, number];
  application: [number, number];
  description: string;
}

function createValues(ctx: CellContext, name: string): CreateValues {
  const e = clusterNamed(ctx.emu, 'ds-sandbox').estimate;
  const image = ctx.emu.admin.snapshot().images.find((i) => !i.copilot_enabled);
  assert.ok(image);
  const half = (n: number): number => Math.max(1, Math.floor(n / 2));
  return {
    name,
    domain: `${name}.example.com`,
    image,
    analytics: [half(e.analytics.cpu), e.analytics.gpu, half(e.analytics.memory)],
    application: [half(e.application.cpu), half(e.application.memory)],
    description: `Typed before the ${ctx.fault.name} fault`,
  };
}

/** Name, domain, image and endpoint type: the steps before the first resource (which needs the estimate). */
function answersBeforeResources(v: CreateValues): ScriptedAnswer[] {
  return [v.name, v.domain, `${v.image.image_name} ${v.image.display_version}`, 'PRIVATE'];
}

function answersFromResources(v: CreateValues): ScriptedAnswer[] {
  return [
    ...[...v.analytics, ...v.application].map(String),
    'registry.example.com',
    'REGACCESSFAULTS01',
    REGISTRY_SECRET,
    '',
    '',
    v.description,
    TAGS_DONE,
    CREATE,
  ];
}

/** The create body holds every value as typed before the failure. */
function assertCreatedAsTyped(ctx: CellContext, v: CreateValues): void {
  const created = ctx.emu.admin.snapshot().instances.filter((i) => i.cloud_ml_name === v.name);
  assert.equal(created.length, 1, `exactly one ${v.name} exists`);
  const body = created[0].createRequest;
  assert.equal(body.domain_name, v.domain);
  assert.equal(body.image_id, v.image.image_id);
  assert.equal(body.description, v.description);
  assert.equal(body.custom_registry_access_secret_key, REGISTRY_SECRET);
  assert.deepEqual(body.analytics_resource, { cpu: v.analytics[0], gpu: String(v.analytics[1]), memory: v.analytics[2] });
}

function errorMessages(ui: ScriptedUserInput): RecordedMessage[] {
  return ui.messages.filter((m) => m.severity === 'error' || m.severity === 'warn');
}

/** Answers the failure message: lifts the fault first (the user waits, then tries again), then picks `action`. */
function liftThen(ctx: CellContext, action: string | undefined): (message: RecordedMessage) => string | undefined {
  return (message) => {
    if (message.severity === 'error' || message.severity === 'warn') ctx.lift();
    return message.severity === 'error' && message.actions.includes(action ?? '') ? action : undefined;
  };
}

const estimate: FaultOperation = {
  name: 'estimate',
  async run(ctx) {
    ctx.inject({ method: 'GET', path: `/v1/cloud-ml/clusters/${clusterNamed(ctx.emu, 'ds-sandbox').id}/estimate` });
    const v = createValues(ctx, 'ml-fault-estimate');
    const ui = ctx.script([...answersBeforeResources(v), ...answersFromResources(v)], liftThen(ctx, 'Retry'));
    await vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(ctx, 'ds-sandbox'));
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed estimate');
    assert.ok(failures[0].message.startsWith('Could not read the resource estimate of cluster ds-sandbox: '));
    // Retry continued at the first resource step, with the earlier answers kept.
    const afterFailure = ui.prompts.find((p) => p.kind === 'input' && p.value === String(clusterNamed(ctx.emu, 'ds-sandbox').estimate.analytics.cpu));
    assert.ok(afterFailure, 'the analytics CPU box opened, prefilled from the estimate read on Retry');
    assertCreatedAsTyped(ctx, v);
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'kept' };
  },
};

const create: FaultOperation = {
  name: 'create',
  async run(ctx) {
    ctx.inject({ method: 'POST', path: '/v1/cloud-ml', exact: true });
    const v = createValues(ctx, 'ml-fault-create');
    const ui = ctx.script([...answersBeforeResources(v), ...answersFromResources(v)], liftThen(ctx, 'Retry'));
    await vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(ctx, 'ds-sandbox'));
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed create');
    assert.deepEqual(failures[0].actions.slice(0, 2), ['Retry', 'Edit'], 'the failure offers Retry and Edit');
    assertCreatedAsTyped(ctx, v);
    const posts = requestsTo(ctx.emu, 'POST /v1/cloud-ml');
    // A create that went through before its answer broke must be found, not sent again.
    if (ctx.fault.appliedBeforeFailure) assert.equal(posts, 1, 'the create that went through was not sent again');
    else assert.ok(posts <= 2, `${posts} POSTs for one create`);
    assert.ok(ctx.api.services.tracker.isTracked(ctx.profileId, instanceNamed(ctx.emu, v.name)!.cloud_ml_id), 'the created instance is tracked');
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'kept' };
  },
};

const checkDuplication: FaultOperation = {
  name: 'check-duplication',
  async run(ctx) {
    ctx.inject({ method: 'GET', path: '/v1/cloud-ml/check-duplication' });
    const name = 'ml-fault-dupcheck';
    // The box refuses the name with the reason; the user presses Enter again once SCP answers.
    const ui = ctx.script([
      name,
      (prompt) => {
        assert.equal(prompt.rejected.length, 1, 'the failed check kept the box open');
        ctx.lift();
        return name;
      },
      CANCEL,
    ]);
    await vscode.commands.executeCommand('scpCloudMl.create', clusterTarget(ctx, 'ds-sandbox'));
    ui.assertFinished();
    const [namePrompt, next] = ui.prompts;
    assert.equal(namePrompt.rejected.length, 1);
    assert.equal(namePrompt.rejected[0].by, 'validateOnAccept');
    assert.equal(namePrompt.outcome, 'typed', 'the same name was accepted once the check worked');
    assert.equal(namePrompt.answer, name);
    assert.ok(next && next.kind === 'input' && next.step === 2, 'the form went on to the domain step');
    assert.deepEqual(errorMessages(ui), [], 'the reason is shown in the box, not as a notification');
    return { sentence: namePrompt.rejected[0].message, failureMessages: [], keptInput: 'kept' };
  },
};

// ---------- instance commands ----------

const show: FaultOperation = {
  name: 'show',
  async run(ctx) {
    const target = instanceTarget(ctx, 'ml-prod');
    ctx.inject({ method: 'GET', path: `/v1/cloud-ml/${target.cloudMlId}`, exact: true });
    // Update reads the instance first (show): its failure goes through the command guard.
    const ui = ctx.script([]);
    await vscode.commands.executeCommand('scpCloudMl.update', target);
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed read');
    ctx.lift();
    const again = ctx.script([(prompt) => (prompt.value === 'Production notebooks and model serving' ? 'Read after the fault' : 'the box was not prefilled')]);
    await vscode.commands.executeCommand('scpCloudMl.update', target);
    again.assertFinished();
    assert.deepEqual(errorMessages(again), []);
    assert.equal(instanceNamed(ctx.emu, 'ml-prod')?.description, 'Read after the fault');
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'n/a' };
  },
};

const update: FaultOperation = {
  name: 'update',
  async run(ctx) {
    const target = instanceTarget(ctx, 'ml-prod');
    ctx.inject({ method: 'PUT', path: `/v1/cloud-ml/${target.cloudMlId}`, exact: true });
    const typed = `Typed before the ${ctx.fault.name} fault`;
    const ui = ctx.script([typed], liftThen(ctx, 'Retry'));
    await vscode.commands.executeCommand('scpCloudMl.update', target);
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed update');
    assert.ok(failures[0].actions.includes('Retry'));
    assert.equal(instanceNamed(ctx.emu, 'ml-prod')?.description, typed, 'Retry sent the text typed before the failure');
    assert.ok(ctx.api.services.tracker.isTracked(ctx.profileId, target.cloudMlId), 'the update is tracked');
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'kept' };
  },
};

const remove: FaultOperation = {
  name: 'delete',
  async run(ctx) {
    const target = instanceTarget(ctx, 'ml-prod');
    ctx.inject({ method: 'DELETE', path: `/v1/cloud-ml/${target.cloudMlId}`, exact: true });
    const ui = ctx.script(['ml-prod'], liftThen(ctx, 'Retry'));
    await vscode.commands.executeCommand('scpCloudMl.delete', target);
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed delete');
    assert.ok(failures[0].actions.includes('Retry'));
    assert.equal(ui.prompts.length, 1, 'Retry did not ask for the name again');
    assert.equal(instanceNamed(ctx.emu, 'ml-prod')?.cloud_ml_state, 'DELETING');
    assert.ok(ctx.api.services.tracker.isTracked(ctx.profileId, target.cloudMlId), 'the delete is tracked');
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'kept' };
  },
};

const checkReleasable: FaultOperation = {
  name: 'check-releasable',
  async run(ctx) {
    const target = instanceTarget(ctx, 'ml-prod');
    ctx.inject({ method: 'GET', path: `/v1/cloud-ml/clusters/${target.clusterId}/check-releasable` });
    const ui = ctx.script([]);
    await vscode.commands.executeCommand('scpCloudMl.checkReleasable', target);
    ui.assertFinished();
    const failures = errorMessages(ui);
    assert.equal(failures.length, 1, 'one message for the failed check');
    ctx.lift();
    const again = ctx.script([]);
    await vscode.commands.executeCommand('scpCloudMl.checkReleasable', target);
    again.assertFinished();
    assert.equal(again.messages.length, 1);
    assert.equal(again.messages[0].severity, 'info');
    assert.match(again.messages[0].message, /ml-prod can be released/);
    return { sentence: failures[0].message, failureMessages: failures, keptInput: 'n/a' };
  },
};

export const FAULT_OPERATIONS: readonly FaultOperation[] = [
  listClusters,
  clusterLookup,
  images,
  estimate,
  show,
  create,
  update,
  remove,
  checkReleasable,
  checkDuplication,
];
