/**
 * Where the pipeline keeps its own state in a project: the lock, the build cache, the scheduler's
 * status. Never published; ignored by git.
 */
export const stateDir = '.actas';
export const lockFile = `${stateDir}/lock`;
/** Inside the build folder (hidden, not part of the published tree): the release it was planned as. */
export const plannedReleaseFile = '.actas-release.json';
export const statusFile = `${stateDir}/status.json`;
