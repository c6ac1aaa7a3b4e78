import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Currency } from '../../../../shared/enums'
import type { CurrencyRates, SalesTarget } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { listRates, putRate } from '../../store/analytics/rates'
import { listTargets, putTarget } from '../../store/analytics/targets'
import { inTransaction, writeContext } from '../context'
import { requireUser } from '../references'
import { getSettings } from '../settings'

/** The analytics' own settings: monthly targets and currency rates. */

export function targets(core: Core, input: ParsedInput<'targets.list'>): SalesTarget[] {
  return listTargets(core.db, input.from ?? null, input.to ?? null)
}

/** Sets or clears targets in one transaction; answers with every target of the months touched. */
export function setTargets(core: Core, input: ParsedInput<'targets.set'>, meta: CallMeta): SalesTarget[] {
  const now = writeContext(core, meta).now
  inTransaction(core, () => {
    for (const row of input.rows) {
      requireUser(core, 'ownerId', row.ownerId)
      putTarget(core.db, row, now)
    }
  })
  core.events.emit('data-changed', { entities: [], reason: 'targets' })
  const months = input.rows.map((r) => r.month).sort()
  return listTargets(core.db, months[0]!, months.at(-1)!).filter((t) => months.includes(t.month))
}

export function currencyRates(core: Core): CurrencyRates {
  return {
    baseCurrency: getSettings(core).baseCurrency,
    rates: listRates(core.db) as CurrencyRates['rates'],
  }
}

/**
 * Sets rates (units of the base currency per unit). The base currency's own
 * rate stays 1, so that the grid's subtotals and the charts agree.
 */
export function updateCurrencyRates(core: Core, input: ParsedInput<'currencyRates.update'>): CurrencyRates {
  const base = getSettings(core).baseCurrency as Currency
  const wrong = input.rates.findIndex((r) => r.currency === base && r.rate !== 1)
  if (wrong >= 0) {
    throw new AppError('VALIDATION', {
      issues: [{ path: ['rates', wrong, 'rate'], code: 'custom', message: `The base currency ${base} is worth 1` }],
    })
  }
  inTransaction(core, () => {
    for (const { currency, rate } of input.rates) putRate(core.db, currency, rate)
  })
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'rates' })
  return currencyRates(core)
}
