// The engine work that may take long on big texts, as tasks a worker runs.
import { compareTexts } from '../../core/engine/compareTexts';
import { diffVersions, withoutCosmetic } from '../../core/engine/versionDiff';
import { wordVectors } from './wordVectorsFile';

export const engineTasks = {
  compare: (args: { aBody: string; bBody: string; lenses: { name: string; terms: string[] }[] }) =>
    compareTexts(args.aBody, args.bBody, args.lenses, { vectors: wordVectors() }),
  versionDiff: (args: { oldBody: string; newBody: string; hideCosmetic: boolean }) => {
    const diff = diffVersions(args.oldBody, args.newBody);
    return args.hideCosmetic ? withoutCosmetic(diff) : diff;
  },
};

export type EngineTask = keyof typeof engineTasks;
export type EngineArgs<T extends EngineTask> = Parameters<(typeof engineTasks)[T]>[0];
export type EngineResult<T extends EngineTask> = ReturnType<(typeof engineTasks)[T]>;
