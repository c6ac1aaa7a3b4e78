import { Select, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecordType, SearchGroup } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'

export interface RecordRef {
  entityType: RecordType
  entityId: number
}

interface Props {
  id?: string
  value?: RecordRef | null
  onChange?(value: RecordRef | null): void
}

const SEARCH_DELAY_MS = 250
const keyOf = (ref: RecordRef) => `${ref.entityType}:${ref.entityId}`

/** Picks a lead, account, contact or deal by what the person types, through the global search. */
export function RecordPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ query: string; groups: SearchGroup[] }>({ query: '', groups: [] })

  useEffect(() => {
    if (!query.trim()) return
    let stale = false
    const timer = setTimeout(() => {
      api
        .call('search.global', { query, limit: 8 })
        .then((result) => !stale && setFound({ query, groups: result.groups }))
        .catch(() => !stale && setFound({ query, groups: [] }))
    }, SEARCH_DELAY_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query])

  const options = found.groups
    .filter((group) => group.items.length > 0)
    .map((group) => ({
      label: t(`followUps.recordType.${group.entityType}`),
      options: group.items.map((hit) => ({
        value: keyOf({ entityType: hit.entityType, entityId: hit.id }),
        label: hit.subtitle ? `${hit.title} · ${hit.subtitle}` : hit.title,
      })),
    }))

  return (
    <Select<string>
      id={id}
      value={value ? keyOf(value) : undefined}
      allowClear
      placeholder={t('followUps.placeholders.record')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={query.trim() && found.query !== query ? <Spin size="small" /> : undefined}
      options={options}
      labelRender={({ label, value: key }) => label ?? key}
      onChange={(key) => {
        if (!key) return onChange?.(null)
        const [entityType, entityId] = key.split(':')
        onChange?.({ entityType: entityType as RecordType, entityId: Number(entityId) })
      }}
    />
  )
}
