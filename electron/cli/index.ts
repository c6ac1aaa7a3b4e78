import { parseArgs } from 'node:util'
import type { MethodInput, MethodName, MethodOutput } from '../../shared'
import { dispatch, openCore } from '../core'
import { resolveWorkspacePath } from '../core/location'
import type { Command, OptionSpec } from './command'
import { workspaceCommands } from './commands/workspace'
import { importExportCommands } from './commands/importExport'
import { analyticsCommands } from './commands/analytics'
import { backupsCommands, explainOpenFailure } from './commands/backups'
import { loopCommands } from './commands/loop'
import { configCommands } from './commands/config'
import { CliFailure, cliLocale, describeFailure, valueOf } from './output'

/** Every command, one group per domain. */
const commands: Record<string, Command> = {
  ...workspaceCommands,
  ...importExportCommands,
  ...analyticsCommands,
  ...backupsCommands,
  ...loopCommands,
  ...configCommands,
}

const commonOptions: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
}

const usage = `商机工作台 CLI / Opportunity Workbench CLI

Usage: npm run workbench -- <command> [options]

Commands:
${Object.values(commands)
  .flatMap((command) => command.usage)
  .map((line) => `  ${line}`)
  .join('\n')}

Options:
  --db PATH        workspace file (default: WORKBENCH_DB, then the app's user-data folder)
  --json           machine-readable output
  --lang zh-CN|en  language of messages (default: system locale)
`

async function main(argv: string[]): Promise<number> {
  const options = Object.assign({}, commonOptions, ...Object.values(commands).map((c) => c.options ?? {})) as OptionSpec
  const { values: flags, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  const locale = cliLocale(flags.lang as string | undefined)
  const [name, ...args] = positionals
  if (flags.help || !name) {
    console.log(usage)
    return name || flags.help ? 0 : 2
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) throw new CliFailure(`Unknown command: ${name}\n\n${usage}`, 2)

  const dbPath = resolveWorkspacePath(flags.db as string | undefined)
  if ('runOnFile' in command) {
    await command.runOnFile({ dbPath, locale, args, flags })
    return 0
  }
  const core = await openCore({ dbPath, surface: 'cli', trustAllPaths: true }).catch((err: unknown) => {
    throw explainOpenFailure(err, dbPath, locale)
  })
  try {
    const meta = { locale, userId: null }
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
      valueOf(await dispatch(core, method, input, meta)) as MethodOutput<M>
    await command.run({ core, dbPath: core.dbPath, locale, args, flags, call })
    return 0
  } finally {
    core.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(describeFailure(err, cliLocale(undefined)))
    process.exit(err instanceof CliFailure ? err.exitCode : 1)
  },
)
