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

/** The part of deployment tracking other features depend on. */
export interface DeploymentTracking {
  track(request: TrackRequest): void;
  isTracked(profileId: string, cloudMlId: string): boolean;
  readonly onDidChangeInstance: vscode.Event<InstanceChange>;
}
