/** Every command id of the public interface; package.json contributes exactly these. */
export const CommandIds = {
  signIn: 'scpCloudMl.signIn',
  signOut: 'scpCloudMl.signOut',
  switchProfile: 'scpCloudMl.switchProfile',
  importProfiles: 'scpCloudMl.importProfiles',
  useEmulator: 'scpCloudMl.useEmulator',
  refresh: 'scpCloudMl.refresh',
  filter: 'scpCloudMl.filter',
  clearFilter: 'scpCloudMl.clearFilter',
  create: 'scpCloudMl.create',
  createFitting: 'scpCloudMl.createFitting',
  createLikeThis: 'scpCloudMl.createLikeThis',
  update: 'scpCloudMl.update',
  delete: 'scpCloudMl.delete',
  showDetails: 'scpCloudMl.showDetails',
  showEstimate: 'scpCloudMl.showEstimate',
  checkReleasable: 'scpCloudMl.checkReleasable',
  copyId: 'scpCloudMl.copyId',
  copyEndpoint: 'scpCloudMl.copyEndpoint',
  openAsJson: 'scpCloudMl.openAsJson',
  findInstance: 'scpCloudMl.findInstance',
  showDeployments: 'scpCloudMl.showDeployments',
  showLog: 'scpCloudMl.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
