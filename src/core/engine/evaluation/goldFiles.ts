// The gold pairs of a folder laid out as fixtures/alignment-gold: `<triplet>_<x>.txt`
// texts and `<triplet>_<x>-<y>.json` alignments. File access is passed in, so the
// engine stays free of Node.
import { readGoldPair, type GoldFile, type GoldPair } from './goldAlignment';

export interface GoldFolder {
  list(): string[];
  read(file: string): string;
}

export function loadGoldPairs(folder: GoldFolder): GoldPair[] {
  return folder
    .list()
    .filter((f) => /^[0-9a-f]+_[a-z]+-[a-z]+\.json$/.test(f))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const [triplet, sources] = name.split('_') as [string, string];
      const [x, y] = sources.split('-') as [string, string];
      const gold = JSON.parse(folder.read(file)) as GoldFile;
      return readGoldPair(
        name,
        folder.read(`${triplet}_${x}.txt`),
        folder.read(`${triplet}_${y}.txt`),
        gold,
      );
    });
}
