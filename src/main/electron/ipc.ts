import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/api';
import { channels } from '../../shared/channels';
import { dispatch } from '../services/dispatch';

/**
 * Binds every API channel to ipcMain. Only frames showing Parallax's own UI may
 * call (`isTrustedSender`, from security.ts); the payload is validated by
 * `dispatch` against the contract.
 */
export function bindIpc(
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) {
        const frameUrl = event.senderFrame?.url ?? '';
        return {
          ok: false,
          error: `Refused ${channel} from an untrusted page (${frameUrl || 'unknown'}).`,
        };
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
