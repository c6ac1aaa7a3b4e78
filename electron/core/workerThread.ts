import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts the worker entry `name` that sits beside the module whose
 * import.meta.url is `besides`. In a build that is the `name`.js the bundler
 * emits beside the main bundle. From source (tests, the CLI and the web host
 * run TypeScript through tsx) it is the .ts file, started by a bootstrap that
 * registers tsx inside the new thread first, where loader flags do not reach.
 */
export function startWorkerBeside(besides: string, name: string, options: WorkerOptions): Worker {
  if (!besides.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, besides), options)
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const entry = JSON.stringify(new URL(`./${name}.ts`, besides).href)
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${entry}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}
