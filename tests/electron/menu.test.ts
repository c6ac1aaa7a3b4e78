import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions, type MenuEnvironment } from '../../electron/main/menu'

vi.mock('electron', async () => (await import('./fakes')).electronMock)

const windows: MenuEnvironment = { isPackaged: true, isMac: false }

function actions(): MenuActions {
  return {
    newWorkspace: vi.fn(),
    openWorkspace: vi.fn(),
    backup: vi.fn(),
    restore: vi.fn(),
    sendToWindow: vi.fn(),
    showDataFolder: vi.fn(),
  }
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[]
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? `(${item.role})`)
}

function findItem(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = template.flatMap(submenu).find((candidate) => candidate.id === id)
  if (!item) throw new Error(`no menu item ${id}`)
  return item
}

describe('the File menu', () => {
  it('is in Chinese for zh-CN', () => {
    const [file] = buildMenuTemplate('zh-CN', windows, actions())
    expect(file?.label).toBe('文件')
    expect(labels(submenu(file))).toEqual(['新建工作区…', '打开工作区…', '加载演示数据', '导入…', '导出…', '备份…', '从备份恢复…', '退出'])
  })

  it('is in English for en', () => {
    const [file] = buildMenuTemplate('en', windows, actions())
    expect(file?.label).toBe('File')
    expect(labels(submenu(file))).toEqual([
      'New Workspace…',
      'Open Workspace…',
      'Load Demo Data',
      'Import…',
      'Export…',
      'Back Up…',
      'Restore from Backup…',
      'Quit',
    ])
  })

  it('runs each command', () => {
    const spies = actions()
    const template = buildMenuTemplate('en', windows, spies)
    const click = (id: string) => (findItem(template, id).click as () => void)()

    click('new-workspace')
    click('open-workspace')
    click('backup')
    click('restore')
    click('import')
    click('export')
    click('load-demo')

    expect(spies.newWorkspace).toHaveBeenCalledOnce()
    expect(spies.openWorkspace).toHaveBeenCalledOnce()
    expect(spies.backup).toHaveBeenCalledOnce()
    expect(spies.restore).toHaveBeenCalledOnce()
    expect(vi.mocked(spies.sendToWindow).mock.calls).toEqual([['import'], ['export'], ['load-demo']])
  })
})

describe('the top-level menus', () => {
  it('are File, Edit, View, Window, Help in both languages', () => {
    expect(buildMenuTemplate('en', windows, actions()).map((menu) => menu.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
    expect(buildMenuTemplate('zh-CN', windows, actions()).map((menu) => menu.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ])
  })

  it('give Edit the standard roles, labelled in the user’s language', () => {
    const edit = submenu(buildMenuTemplate('zh-CN', windows, actions())[1])
    expect(edit.filter((item) => item.role).map((item) => [item.role, item.label])).toEqual([
      ['undo', '撤销'],
      ['redo', '重做'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['delete', '删除'],
      ['selectAll', '全选'],
    ])
  })

  it('offer developer tools only in an unpackaged build', () => {
    const roles = (env: MenuEnvironment) => submenu(buildMenuTemplate('en', env, actions())[2]).map((item) => item.role)
    expect(roles({ isPackaged: true, isMac: false })).not.toContain('toggleDevTools')
    expect(roles({ isPackaged: false, isMac: false })).toContain('toggleDevTools')
    expect(roles({ isPackaged: true, isMac: false })).toEqual(
      expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    )
  })

  it('put About and Show Data Folder under Help', () => {
    const spies = actions()
    const template = buildMenuTemplate('en', windows, spies)
    ;(findItem(template, 'about').click as () => void)()
    ;(findItem(template, 'show-data-folder').click as () => void)()
    expect(spies.sendToWindow).toHaveBeenCalledExactlyOnceWith('about')
    expect(spies.showDataFolder).toHaveBeenCalledOnce()
  })

  it('on macOS move Quit and About into the app menu', () => {
    const template = buildMenuTemplate('en', { isPackaged: true, isMac: true }, actions())
    const [appMenu, file] = template
    expect(appMenu?.label).toBe('Opportunity Workbench')
    expect(submenu(appMenu).map((item) => item.role ?? item.id)).toEqual(expect.arrayContaining(['about', 'quit']))
    expect(submenu(file).map((item) => item.role)).not.toContain('quit')
    expect(template.flatMap(submenu).filter((item) => item.id === 'about')).toHaveLength(1)
  })
})
