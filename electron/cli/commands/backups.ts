import fs from 'node:fs'
import type { Locale, MethodOutput } from '../../../shared'
import type { BackupCheck, BackupInfo } from '../../../shared/methods/backups'
import { dispatch, openCore } from '../../core'
import { isRestorableFailure, latestRestorableBackup, restoreUnopenableWorkspace } from '../../core/services/backups'
import { print, type Command, type FileSession } from '../command'
import { CliFailure, describeFailure, valueOf } from '../output'

const strings = {
  'zh-CN': {
    latest: '最新的可用备份：',
    howToRestore: '恢复该备份（当前文件会被保留）：',
    noBackup: '没有找到可用的备份。',
    none: '还没有备份。',
    restored: '已恢复备份：',
    keptAs: '恢复前的数据已保留为：',
    setAside: '无法打开的原文件已保留为：',
    needBackup: '请指定要恢复的备份文件：restore BACKUP --db PATH',
    opportunities: (n: number) => `（${n} 个商机）`,
  },
  en: {
    latest: 'Latest good backup: ',
    howToRestore: 'To restore it (the current file is kept):',
    noBackup: 'No usable backup was found.',
    none: 'No backups yet.',
    restored: 'Restored backup: ',
    keptAs: 'The data from before the restore is kept as: ',
    setAside: 'The file that did not open is kept as: ',
    needBackup: 'Name the backup to restore: restore BACKUP --db PATH',
    opportunities: (n: number) => ` (${n} opportunities)`,
  },
} as const

/**
 * When the workspace does not open because it is damaged, foreign or newer,
 * the user learns which backup to restore and the exact command for it.
 */
export function explainOpenFailure(err: unknown, dbPath: string, locale: Locale): unknown {
  if (!isRestorableFailure(err)) return err
  const t = strings[locale]
  const backup = latestRestorableBackup(dbPath)
  const hint = backup
    ? [`${t.latest}${backup.path} (${localTime(backup.createdAt)})`, t.howToRestore, restoreCommand(backup.path, dbPath)]
    : [t.noBackup]
  return new CliFailure([describeFailure(err, locale), ...hint].join('\n'))
}

export const backupsCommands: Record<string, Command> = {
  backup: {
    usage: ['backup  --db PATH [--out FILE]        back the workspace up (default: the backups folder beside it)'],
    options: { out: { type: 'string' } },
    run: async (session) => {
      const out = session.flags.out as string | undefined
      const backup = await session.call('backups.create', out === undefined ? {} : { path: out })
      print(session, backup, () => `OK ${backup.path} (${formatSize(backup.sizeBytes)})`)
    },
  },
  backups: {
    usage: ['backups --db PATH [--json]             list the workspace’s backups, newest first'],
    run: async (session) => {
      const backups = await session.call('backups.list', {})
      print(session, backups, () => (backups.length === 0 ? strings[session.locale].none : describeBackups(backups)))
    },
  },
  restore: {
    usage: ['restore BACKUP --db PATH               check a backup, keep the current file, and restore the backup'],
    runOnFile: async (session) => {
      const [backup] = session.args
      if (!backup) throw new CliFailure(strings[session.locale].needBackup, 2)
      const lines = await restore(session, backup)
      print(session, lines.result, () => lines.human.join('\n'))
    },
  },
}

/**
 * An openable workspace is restored through the API, like in the app; one
 * that is missing or cannot be opened is set aside and replaced by the backup.
 */
async function restore(session: FileSession, backup: string): Promise<{ result: unknown; human: string[] }> {
  const t = strings[session.locale]
  const core = fs.existsSync(session.dbPath)
    ? await openCore({ dbPath: session.dbPath, surface: 'cli', trustAllPaths: true }).catch((err: unknown) => {
        if (isRestorableFailure(err)) return null
        throw err
      })
    : null
  if (!core) {
    const result = await restoreUnopenableWorkspace(session.dbPath, backup, new Date())
    const kept = result.keptAs ? [`${t.setAside}${result.keptAs}`] : []
    return { result, human: [`${t.restored}${describeCheck(result.restored, session.locale)}`, ...kept] }
  }
  try {
    const envelope = await dispatch(core, 'backups.restore', { path: backup }, { locale: session.locale, userId: null })
    const result = valueOf(envelope) as MethodOutput<'backups.restore'>
    return { result, human: [`${t.restored}${describeCheck(result.restored, session.locale)}`, `${t.keptAs}${result.keptAs.path}`] }
  } finally {
    core.close()
  }
}

function describeBackups(backups: BackupInfo[]): string {
  return backups
    .map((b) => `${localTime(b.createdAt)}  ${b.kind.padEnd(13)} ${formatSize(b.sizeBytes).padStart(9)}  ${b.path}`)
    .join('\n')
}

function describeCheck(check: BackupCheck, locale: Locale): string {
  return `${check.path}${check.counts ? strings[locale].opportunities(check.counts.opportunities) : ''}`
}

function restoreCommand(backup: string, dbPath: string): string {
  return `  npm run workbench -- restore ${JSON.stringify(backup)} --db ${JSON.stringify(dbPath)}`
}

/** 2025-03-07 14:05 in the machine's time zone, because a person reads it. */
function localTime(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
