import { useState } from 'react'
import { isApiCallError, type ApiCallError } from '../../../api/ApiCallError'

/**
 * The save of a dialog: `saving` while the call runs, and the core's
 * localized refusal kept as `serverError` for the dialog to show (with
 * `onRefused` to mark fields). Anything but a refusal is a bug and rethrown.
 */
export function useServerSave() {
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string>()
  const save = async (work: () => Promise<void>, onRefused?: (err: ApiCallError) => void) => {
    setSaving(true)
    setServerError(undefined)
    try {
      await work()
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setServerError(err.message)
      onRefused?.(err)
    } finally {
      setSaving(false)
    }
  }
  return { saving, serverError, save }
}
