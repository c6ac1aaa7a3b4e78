import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** tsx's entry, run by this Node (24) rather than through its shebang, which would pick an older system Node. */
export const TSX = path.resolve('node_modules/tsx/dist/cli.mjs')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI exactly as `npm run workbench -- …` does, and never throws on a non-zero exit. */
export async function workbench(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, 'electron/cli/index.ts', ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as CliResult
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
