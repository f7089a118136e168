// The sandboxed bridge: one function per API channel on `window.parallax`,
// nothing generic (no raw ipcRenderer, no arbitrary channel names).
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../shared/channels';

const bridge = Object.fromEntries(
  channels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
);

contextBridge.exposeInMainWorld('parallax', bridge);
