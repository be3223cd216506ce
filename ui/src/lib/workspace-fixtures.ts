// TEST DATA: what `workspace_info` answers for a workspace of `creators` creators. Imported by tests only.
import type { WorkspaceInfo } from "./common/types";

export function workspaceInfo(creators: number, sortIndexesBuilding = false): WorkspaceInfo {
  return {
    path: "/tmp/big.scout",
    name: "big",
    creator_count: creators,
    batch_count: 1,
    sort_indexes_building: sortIndexesBuilding,
  };
}
