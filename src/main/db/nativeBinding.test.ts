import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, electronNativeBindingPath } from './nativeBinding';

describe('chooseNativeBinding', () => {
  it('uses the default (Node) build under Node', () => {
    expect(
      chooseNativeBinding('/app', { node: '20.19.0' } as NodeJS.ProcessVersions, () => true),
    ).toBeUndefined();
  });

  it("uses the Electron build for this Electron's version under Electron", () => {
    const versions = { node: '22.0.0', electron: '39.8.10' } as NodeJS.ProcessVersions;
    const expected = electronNativeBindingPath('/app', '39.8.10');
    expect(expected).toContain('electron-39.8.10');
    expect(chooseNativeBinding('/app', versions, (p) => p === expected)).toBe(expected);
  });

  it('says how to build it when the Electron build is missing', () => {
    const versions = { node: '22.0.0', electron: '39.8.10' } as NodeJS.ProcessVersions;
    expect(() => chooseNativeBinding('/app', versions, () => false)).toThrow(/npm start/);
  });
});
