import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecordType } from '../../../../../shared/methods/loop'
import { AnyRecordDrawer } from './AnyRecordDrawer'
import '../styles/records.css'

interface Props {
  entityType: RecordType
  entityId: number
  name: string
}

/** A record's name that opens its drawer over the one showing it. */
export function RecordLink({ entityType, entityId, name }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button type="link" className="wb-record-link" onClick={() => setOpen(true)} aria-label={t('records.actions.open', { name })}>
        {name}
      </Button>
      {open && <AnyRecordDrawer entityType={entityType} entityId={entityId} onClose={() => setOpen(false)} />}
    </>
  )
}
