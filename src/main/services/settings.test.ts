import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openLibrary } from '../db/library';
import { tempLibrary } from '../testing/tempLibrary';
import { getSettings, updateSettings } from './settings';

describe('settings', () => {
  it('starts without a name and keeps the one given, trimmed, across reopening', () => {
    const library = tempLibrary();
    expect(getSettings(library)).toEqual({ annotatorName: '' });
    const request = api['settings:update'].request.parse({ annotatorName: '  Zoë Ahmadi ' });
    expect(updateSettings(library, request)).toEqual({ annotatorName: 'Zoë Ahmadi' });
    library.close();
    const reopened = openLibrary(library.path);
    expect(getSettings(reopened)).toEqual({ annotatorName: 'Zoë Ahmadi' });
    reopened.close();
  });

  it('refuses a name over 100 characters with a message saying so', () => {
    const result = api['settings:update'].request.safeParse({ annotatorName: 'x'.repeat(101) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('A name is limited to 100 characters.');
  });
});
