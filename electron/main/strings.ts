import type { Locale } from '../../shared/enums'

/** Everything the main process shows by itself: the menu and the native dialogs. */
export interface MainStrings {
  appName: string
  file: string
  newWorkspace: string
  openWorkspace: string
  loadDemo: string
  import: string
  export: string
  backup: string
  quit: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  delete: string
  selectAll: string
  view: string
  reload: string
  toggleDevTools: string
  resetZoom: string
  zoomIn: string
  zoomOut: string
  toggleFullscreen: string
  window: string
  minimize: string
  close: string
  help: string
  about: string
  showDataFolder: string
  workspaceFiles: string
  newWorkspaceTitle: string
  openWorkspaceTitle: string
  backupTitle: string
  backupFileName: string
  openFailedTitle: string
  openFailedMessage: string
  openAnother: string
  ok: string
}

const zhCN: MainStrings = {
  appName: '商机工作台',
  file: '文件',
  newWorkspace: '新建工作区…',
  openWorkspace: '打开工作区…',
  loadDemo: '加载演示数据',
  import: '导入…',
  export: '导出…',
  backup: '备份…',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  delete: '删除',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullscreen: '全屏',
  window: '窗口',
  minimize: '最小化',
  close: '关闭',
  help: '帮助',
  about: '关于商机工作台',
  showDataFolder: '打开数据所在文件夹',
  workspaceFiles: '商机工作台数据库',
  newWorkspaceTitle: '新建工作区',
  openWorkspaceTitle: '打开工作区',
  backupTitle: '备份工作区',
  backupFileName: '商机工作台备份',
  openFailedTitle: '无法打开工作区',
  openFailedMessage: '无法打开工作区文件：',
  openAnother: '打开其他工作区…',
  ok: '确定',
}

const en: MainStrings = {
  appName: 'Opportunity Workbench',
  file: 'File',
  newWorkspace: 'New Workspace…',
  openWorkspace: 'Open Workspace…',
  loadDemo: 'Load Demo Data',
  import: 'Import…',
  export: 'Export…',
  backup: 'Back Up…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  delete: 'Delete',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullscreen: 'Full Screen',
  window: 'Window',
  minimize: 'Minimize',
  close: 'Close',
  help: 'Help',
  about: 'About Opportunity Workbench',
  showDataFolder: 'Show Data Folder',
  workspaceFiles: 'Workbench databases',
  newWorkspaceTitle: 'New Workspace',
  openWorkspaceTitle: 'Open Workspace',
  backupTitle: 'Back Up Workspace',
  backupFileName: 'workbench-backup',
  openFailedTitle: 'Cannot open the workspace',
  openFailedMessage: 'The workspace file could not be opened:',
  openAnother: 'Open Another Workspace…',
  ok: 'OK',
}

const byLocale: Record<Locale, MainStrings> = { 'zh-CN': zhCN, en }

export function stringsFor(locale: Locale): MainStrings {
  return byLocale[locale]
}
