import { useContext } from 'react'
import { ReferenceDataContext, type ReferenceData } from '../states/referenceDataContext'

export function useReferenceData(): ReferenceData {
  const data = useContext(ReferenceDataContext)
  if (!data) throw new Error('useReferenceData must be used inside <ReferenceDataProvider>')
  return data
}
