// The initiatives that have a stage history, with what innovation pathways need of them, read once per
// data version and kept with the network snapshot (cache.derived).
import type { QueryRunner } from '../../common/queryRunner.ts';
import type { InitiativeStage } from '../model.ts';
import type { Participant } from '../initiatives.ts';
import type { NetworkAccess } from '../network/cache.ts';

export interface StageStep {
  stage: InitiativeStage;
  /** YYYY-MM-DD. */
  on: string;
  sourceUrl: string | null;
}

export interface PathwayInitiative {
  id: string;
  name: string;
  /** In pathway order. */
  steps: StageStep[];
  themeIds: string[];
  /** Published organisations only. */
  participants: Participant[];
}

export interface PathwayData {
  initiatives: PathwayInitiative[];
  byId: ReadonlyMap<string, PathwayInitiative>;
}

export async function pathwayData(runner: QueryRunner, net: NetworkAccess): Promise<PathwayData> {
  const snapshot = await net.snapshot();
  return net.derived(snapshot, 'pathwayData', async () => {
    const initiatives = await runner.read<PathwayInitiative>('pathwayInitiatives');
    return { initiatives, byId: new Map(initiatives.map((i) => [i.id, i])) };
  });
}

/** An initiative's stage history (empty when it has none). */
export async function stageHistoryOf(
  runner: QueryRunner,
  net: NetworkAccess,
  id: string,
): Promise<StageStep[]> {
  return (await pathwayData(runner, net)).byId.get(id)?.steps ?? [];
}
