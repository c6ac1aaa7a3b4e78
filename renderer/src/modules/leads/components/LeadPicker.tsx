import { Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lead } from '../../../../../shared/entities'
import { useApiQuery } from '../../../api/useApiQuery'
import { useDebounced } from '../hooks/useDebounced'

interface Props {
  /** The lead the other one will merge with; not offered. */
  excludeId: number
  onPick(id: number): void
  onCancel(): void
}

const leadLabel = (lead: Lead) => [lead.company, lead.contactName, lead.phone ?? lead.email].filter(Boolean).join(' · ')

/** Picks the other lead of a merge by searching the lead list. */
export function LeadPicker({ excludeId, onPick, onCancel }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<number>()
  const query = useDebounced(search.trim(), 250)
  const leads = useApiQuery('leads.list', { search: query || undefined, limit: 20, withTotal: false }, { reads: ['lead'] })
  const options = (leads.data?.rows ?? []).filter((l) => l.id !== excludeId).map((l) => ({ value: l.id, label: leadLabel(l) }))

  return (
    <Modal
      open
      title={t('leads.merge.pickTitle')}
      okText={t('leads.merge.next')}
      okButtonProps={{ disabled: picked === undefined }}
      onOk={() => picked !== undefined && onPick(picked)}
      onCancel={onCancel}
    >
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setSearch }}
        aria-label={t('leads.merge.pickLabel')}
        placeholder={t('leads.merge.pickPlaceholder')}
        style={{ width: '100%' }}
        loading={leads.loading}
        value={picked}
        onChange={setPicked}
        options={options}
      />
    </Modal>
  )
}
