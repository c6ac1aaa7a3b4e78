import { Button, DatePicker, Flex, Input, InputNumber } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { useColumnValueOptions } from '../hooks/useColumnValueOptions'
import { filterKindOf, type ColumnFilter } from '../utils/columnFilters'
import { ValueChecklist } from './ValueChecklist'

interface Props {
  column: ContractColumn
  label: string
  filter: ColumnFilter | undefined
  onApply(filter: ColumnFilter | undefined): void
}

type Bound = string | number | null | undefined
interface Range {
  from?: Bound
  to?: Bound
}

/** Edits one column's filter: text contains, any-of for coded values, between for numbers and dates. */
export function ColumnFilterEditor({ column, label, filter, onApply }: Props) {
  const { t } = useTranslation()
  const kind = filterKindOf(column)
  const [draft, setDraft] = useState<unknown>(filter?.value)
  const valueOptions = useColumnValueOptions()

  const apply = () => onApply(toFilter(kind, draft))

  return (
    <Flex vertical gap={8} style={{ width: 280 }}>
      {kind === 'contains' && (
        <Input
          autoFocus
          aria-label={t('grid.filterColumn', { label })}
          placeholder={t('grid.contains')}
          value={(draft as string | undefined) ?? ''}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={apply}
        />
      )}
      {kind === 'in' && (
        <ValueChecklist
          label={label}
          options={valueOptions(column)}
          value={(draft as (string | number)[] | undefined) ?? []}
          onChange={setDraft}
        />
      )}
      {kind === 'between' && (column.type === 'date' || column.type === 'datetime') && (
        <DatePicker.RangePicker
          aria-label={t('grid.filterColumn', { label })}
          placeholder={[t('grid.from'), t('grid.to')]}
          allowEmpty={[true, true]}
          value={toDayjsRange(draft as Range | undefined)}
          onChange={(dates) => setDraft(fromDayjsRange(dates))}
        />
      )}
      {kind === 'between' && column.type !== 'date' && column.type !== 'datetime' && (
        <Flex gap={8} align="center">
          <InputNumber
            aria-label={`${label} ${t('grid.from')}`}
            placeholder={t('grid.from')}
            value={(draft as Range | undefined)?.from as number | null | undefined}
            onChange={(from) => setDraft({ ...(draft as Range | undefined), from })}
            style={{ flex: 1 }}
          />
          <InputNumber
            aria-label={`${label} ${t('grid.to')}`}
            placeholder={t('grid.to')}
            value={(draft as Range | undefined)?.to as number | null | undefined}
            onChange={(to) => setDraft({ ...(draft as Range | undefined), to })}
            style={{ flex: 1 }}
          />
        </Flex>
      )}
      <Flex justify="end" gap={8}>
        <Button size="small" onClick={() => onApply(undefined)}>
          {t('common.reset')}
        </Button>
        <Button size="small" type="primary" onClick={apply}>
          {t('common.apply')}
        </Button>
      </Flex>
    </Flex>
  )
}

/** An empty draft clears the filter rather than filtering for nothing. */
function toFilter(kind: ReturnType<typeof filterKindOf>, draft: unknown): ColumnFilter | undefined {
  if (kind === 'contains') {
    const text = typeof draft === 'string' ? draft.trim() : ''
    return text ? { op: 'contains', value: text } : undefined
  }
  if (kind === 'in') {
    const values = Array.isArray(draft) ? (draft as (string | number)[]) : []
    return values.length ? { op: 'in', value: values } : undefined
  }
  const range = (draft ?? {}) as Range
  const from = range.from ?? null
  const to = range.to ?? null
  return from === null && to === null ? undefined : { op: 'between', value: { from, to } }
}

function toDayjsRange(range: Range | undefined): [Dayjs | null, Dayjs | null] | null {
  if (!range) return null
  return [range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]
}

/** Calendar days; on a timestamp column the core counts the whole of the last day. */
function fromDayjsRange(dates: [Dayjs | null, Dayjs | null] | null): Range | undefined {
  if (!dates) return undefined
  const [from, to] = dates
  return { from: from?.format('YYYY-MM-DD') ?? null, to: to?.format('YYYY-MM-DD') ?? null }
}
