// The API's channel names, kept free of zod so the sandboxed preload can bundle
// them without pulling in the schemas. api.ts checks that both lists agree.
export const channels = [
  'app:info',
  'library:overview',
  'library:search',
  'version:get',
  'import:preview',
  'import:commit',
  'comparison:list',
  'comparison:open',
  'comparison:analyze',
  'version:diff',
  'codebook:list',
  'code:create',
  'code:update',
  'code:merge',
  'annotation:list',
  'annotation:create',
  'annotation:update',
  'annotation:delete',
  'annotation:restore',
  'lens:list',
  'lens:save',
  'lens:delete',
  'settings:get',
  'settings:update',
  'report:create',
  'bundle:export',
  'bundle:open',
  'bundle:assignments',
] as const;

export type Channel = (typeof channels)[number];

export function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}
