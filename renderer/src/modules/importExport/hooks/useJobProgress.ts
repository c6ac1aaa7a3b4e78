import { useEffect, useState } from 'react'
import type { EventPayload } from '../../../../../shared/events'
import { onEvent } from '../../../api/client'

export type JobProgress = EventPayload<'progress'>

/** The latest progress event of one job, or null before the first arrives. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [latest, setLatest] = useState<JobProgress | null>(null)
  useEffect(() => {
    if (!jobId) return
    const stop = onEvent('progress', (payload) => {
      if (payload.jobId === jobId) setLatest(payload)
    })
    return stop
  }, [jobId])
  return latest?.jobId === jobId ? latest : null
}
