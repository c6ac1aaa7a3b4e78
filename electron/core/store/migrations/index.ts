import type { Database } from 'better-sqlite3'
import { closedLoopSchema } from './001-closed-loop'
import { seedDefaultConfiguration } from './002-default-configuration'
import { addViewsAndRates } from './003-views-and-rates'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly up: (db: Database) => void
}

/** Numbered steps; each runs once, in order, inside the opening transaction. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'closed-loop schema', up: (db) => db.exec(closedLoopSchema) },
  { version: 2, name: 'default pipelines, stages and picklists', up: seedDefaultConfiguration },
  { version: 3, name: 'saved views and currency rates', up: addViewsAndRates },
]

export const LATEST_VERSION = migrations.at(-1)!.version
