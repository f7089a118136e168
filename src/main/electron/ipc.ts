import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/api';
import { channels } from '../../shared/channels';
import { dispatch } from '../services/dispatch';

/**
 * Binds every API channel to ipcMain. Only frames showing Parallax's own UI may
 * call; the payload is validated by `dispatch` against the contract.
 */
export function bindIpc(handlers: Handlers, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(frameUrl)) {
        return {
          ok: false,
          error: `Refused ${channel} from an untrusted page (${frameUrl || 'unknown'}).`,
        };
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
