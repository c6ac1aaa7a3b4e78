import type { ConfigImportReport } from '../../../shared/methods/config'
import { print, type Command, type Session } from '../command'
import { CliFailure } from '../output'

const strings = {
  'zh-CN': {
    needAction: '用法：config export --db PATH [--out FILE] 或 config import FILE --db PATH [--dry-run]',
    needFile: '请指定要导入的配置文件：config import FILE --db PATH',
    exported: (n: number) => `已导出配置（${n} 项）：`,
    dryRun: '预览（未做任何更改）：',
    applied: '已导入配置：',
    counts: (c: ConfigImportReport['counts']) => `新建 ${c.create}，更新 ${c.update}，不变 ${c.unchanged}，跳过 ${c.skip}`,
  },
  en: {
    needAction: 'Usage: config export --db PATH [--out FILE] or config import FILE --db PATH [--dry-run]',
    needFile: 'Name the configuration file to import: config import FILE --db PATH',
    exported: (n: number) => `Exported the configuration (${n} parts): `,
    dryRun: 'Preview (nothing was changed):',
    applied: 'Imported the configuration:',
    counts: (c: ConfigImportReport['counts']) => `${c.create} created, ${c.update} updated, ${c.unchanged} unchanged, ${c.skip} skipped`,
  },
} as const

function describeReport(session: Session, report: ConfigImportReport): string {
  const t = strings[session.locale]
  const lines = report.changes
    .filter((c) => c.action !== 'unchanged')
    .map((c) => `  ${c.action.padEnd(7)} ${c.part.padEnd(14)} ${c.key}${c.note ? `  (${c.note})` : ''}`)
  return [report.applied ? t.applied : t.dryRun, ...lines, t.counts(report.counts)].join('\n')
}

async function exportConfig(session: Session): Promise<void> {
  const out = session.flags.out as string | undefined
  const file = await session.call('config.export', out === undefined ? {} : { outPath: out })
  print(session, file, () => `${strings[session.locale].exported(file.rows)}${file.path}`)
}

async function importConfig(session: Session): Promise<void> {
  const file = session.args[1]
  if (!file) throw new CliFailure(strings[session.locale].needFile, 2)
  const report = await session.call('config.import', { path: file, dryRun: session.flags['dry-run'] === true })
  print(session, report, () => describeReport(session, report))
}

/** Configuration as a file: fields, picklists, pipelines and stages, rules, layouts, templates. */
export const configCommands: Record<string, Command> = {
  config: {
    usage: [
      'config export --db PATH [--out FILE]          write the workspace configuration as a JSON file',
      'config import FILE --db PATH [--dry-run]      apply a configuration file (--dry-run: only report)',
    ],
    options: { out: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    run: async (session) => {
      const action = session.args[0]
      if (action === 'export') return exportConfig(session)
      if (action === 'import') return importConfig(session)
      throw new CliFailure(strings[session.locale].needAction, 2)
    },
  },
}
