import { holdsCellError, isBlank, type RawValue } from './cell'
import { fail, ok, type Coerced } from './result'
import { matchKey } from './text'

const yes = new Set(['是', '对', '有', 'true', 't', 'yes', 'y', '1', '√', '✓', '✔', '☑'])
const no = new Set(['否', '错', '无', 'false', 'f', 'no', 'n', '0', '×', '✗', '✘', '☐'])

export function coerceBoolean(raw: RawValue): Coerced<boolean | null> {
  if (holdsCellError(raw)) return fail('CELL_ERROR')
  if (isBlank(raw)) return ok(null)
  if (typeof raw === 'boolean') return ok(raw)
  if (typeof raw === 'number') return raw === 1 || raw === 0 ? ok(raw === 1) : fail('BOOLEAN_UNRECOGNISED')
  if (typeof raw !== 'string') return fail('WRONG_KIND')
  const key = matchKey(raw)
  if (yes.has(key)) return ok(true)
  if (no.has(key)) return ok(false)
  return fail('BOOLEAN_UNRECOGNISED')
}
