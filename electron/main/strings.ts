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
  restore: string
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
  cancel: string
  backupDone: string
  backupFailed: string
  restoreTitle: string
  restoreConfirm: string
  restoreConfirmDetail: string
  restoreButton: string
  restoreDone: string
  restoreDoneDetail: string
  restoreFailed: string
  restoreLatest: string
  setAsideDetail: string
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
  restore: '从备份恢复…',
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
  cancel: '取消',
  backupDone: '备份已保存。',
  backupFailed: '备份没有完成',
  restoreTitle: '选择要恢复的备份',
  restoreConfirm: '用这个备份替换当前工作区的数据吗？',
  restoreConfirmDetail: '备份：{file}\n商机数：{count}\n\n当前的数据会先另存为一个备份，需要时可以再恢复回来。',
  restoreButton: '恢复',
  restoreDone: '已从备份恢复。',
  restoreDoneDetail: '恢复前的数据已另存为：\n{file}',
  restoreFailed: '无法恢复该备份',
  restoreLatest: '恢复最近的备份（{date}）',
  setAsideDetail: '无法打开的原文件没有被修改，已保留为：\n{file}',
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
  restore: 'Restore from Backup…',
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
  cancel: 'Cancel',
  backupDone: 'The backup was saved.',
  backupFailed: 'The backup was not made',
  restoreTitle: 'Choose a Backup to Restore',
  restoreConfirm: 'Replace the workspace’s data with this backup?',
  restoreConfirmDetail: 'Backup: {file}\nOpportunities: {count}\n\nThe current data is saved as a backup first, so you can go back to it.',
  restoreButton: 'Restore',
  restoreDone: 'The backup was restored.',
  restoreDoneDetail: 'The data from before the restore was saved as:\n{file}',
  restoreFailed: 'The backup could not be restored',
  restoreLatest: 'Restore Latest Backup ({date})',
  setAsideDetail: 'The file that could not be opened was not changed; it was kept as:\n{file}',
}

const byLocale: Record<Locale, MainStrings> = { 'zh-CN': zhCN, en }

export function stringsFor(locale: Locale): MainStrings {
  return byLocale[locale]
}

/** Fills the `{name}` slots of a string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot))
}
