import { contextBridge, ipcRenderer } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge } from '../../shared/client'
import { IpcChannels } from '../../shared/transport'

vi.mock('electron', async () => (await import('./fakes')).electronMock)

let bridge: Required<Bridge>

beforeAll(async () => {
  await import('../../electron/preload/index')
  bridge = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]![1] as Required<Bridge>
})

describe('the preload’s file dialogs', () => {
  it('asks main on the open and save channels and hands back the picked path', async () => {
    const options = { title: '选择要导入的文件', extensions: ['xlsx', 'csv'] }
    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce('/data/a.xlsx').mockResolvedValueOnce(null)

    expect(await bridge.pickOpenPath(options)).toBe('/data/a.xlsx')
    expect(await bridge.pickSavePath({ ...options, suggestedName: '商机.xlsx' })).toBeNull()

    expect(vi.mocked(ipcRenderer.invoke).mock.calls).toEqual([
      [IpcChannels.pickOpenPath, options],
      [IpcChannels.pickSavePath, { ...options, suggestedName: '商机.xlsx' }],
    ])
  })
})
