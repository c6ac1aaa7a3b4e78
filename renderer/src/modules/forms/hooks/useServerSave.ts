import { useState } from 'react'
import { isApiCallError, type ApiCallError } from '../../../api/ApiCallError'

/**
 * What a dialog does with the core's refusal besides showing it: mark fields,
 * or return 'handled' when it answers the refusal another way (a duplicate
 * check's own dialog), so the sentence is not shown as an error.
 */
export type OnRefused = (err: ApiCallError) => void | 'handled' | Promise<void>

/**
 * The save of a dialog: `saving` while the call runs, and the core's
 * localized refusal kept as `serverError` for the dialog to show (with
 * `onRefused` to mark fields). Anything but a refusal is a bug and rethrown.
 */
export function useServerSave() {
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string>()
  const save = async (work: () => Promise<void>, onRefused?: OnRefused) => {
    setSaving(true)
    setServerError(undefined)
    try {
      await work()
    } catch (err) {
      if (!isApiCallError(err)) throw err
      const answer = onRefused?.(err)
      if (answer === 'handled') return
      setServerError(err.message)
      await answer
    } finally {
      setSaving(false)
    }
  }
  /** Forgets the last refusal (a dialog closed and opened again starts clean). */
  const clearError = () => setServerError(undefined)
  return { saving, serverError, save, clearError }
}
