import type * as vscode from 'vscode';
import type { CloudMlDetail } from '../scp/cloudMlSchemas';

export type OperationKind = 'create' | 'update' | 'delete';

/** What a command hands to deployment tracking after a successful create/update/delete call. */
export interface TrackRequest {
  profileId: string;
  cloudMlId: string;
  clusterId: string;
  name: string;
  kind: OperationKind;
  /** The request id SCP gave the write's answer, when it gave one. */
  requestId?: string;
}

/**
 * One event per observed change of an instance (a poll result, a settle, a delete). The tree node and the
 * open details panel update from it in place; nobody else polls.
 */
export interface InstanceChange {
  profileId: string;
  cloudMlId: string;
  clusterId: string;
  /** The fresh detail; absent when the instance is gone. */
  detail?: CloudMlDetail;
  deleted: boolean;
  /** True once the operation that produced this change has settled (success, failure, deleted, timeout). */
  settled: boolean;
}

/**
 * An instance as some part of the extension just read it from SCP (the tree, a picker, a details panel). When
 * it is in a transitional state, deployment tracking follows it until it settles, whoever started it.
 */
export interface InstanceSighting {
  profileId: string;
  clusterId: string;
  clusterName?: string;
  detail: CloudMlDetail;
}

/** The part of deployment tracking other features depend on. */
export interface DeploymentTracking {
  track(request: TrackRequest): void;
  isTracked(profileId: string, cloudMlId: string): boolean;
  /** An instance read from SCP: followed until it settles when it is transitional and nobody follows it yet. */
  follow(sighting: InstanceSighting): void;
  readonly onDidChangeInstance: vscode.Event<InstanceChange>;
}
