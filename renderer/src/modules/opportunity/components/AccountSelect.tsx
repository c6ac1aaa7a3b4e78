import { Select, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../../shared/api'
import { api } from '../../../api/client'

type Match = MethodOutput<'accounts.lookup'>[number]

interface Props {
  id?: string
  value?: number | null
  onChange?(value: number | null): void
  /** The name of the account already chosen, shown until the person searches. */
  initialName?: string | null
}

const LOOKUP_DELAY_MS = 200
const LOOKUP_LIMIT = 20

/** Account picker that asks the core as the person types: workspaces hold many thousands. */
export function AccountSelect({ id, value, onChange, initialName }: Props) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<{ query: string; rows: Match[] }>()
  // Kept so the chosen name still shows after the person searches for something else.
  const [picked, setPicked] = useState<Match | undefined>(value != null && initialName ? { id: value, name: initialName } : undefined)

  useEffect(() => {
    let stale = false
    const timer = setTimeout(() => {
      api
        .call('accounts.lookup', { query, limit: LOOKUP_LIMIT })
        .then((rows) => {
          if (!stale) setMatches({ query, rows })
        })
        .catch(() => {
          if (!stale) setMatches({ query, rows: [] })
        })
    }, LOOKUP_DELAY_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query])

  const searching = matches?.query !== query
  const rows = matches?.rows ?? []
  const options = picked && !rows.some((row) => row.id === picked.id) ? [picked, ...rows] : rows
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => {
        setPicked(options.find((row) => row.id === next))
        onChange?.(next ?? null)
      }}
      allowClear
      placeholder={t('opportunityForm.placeholders.accountId')}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={searching ? <Spin size="small" /> : undefined}
      options={options.map((row) => ({ value: row.id, label: row.name }))}
    />
  )
}
