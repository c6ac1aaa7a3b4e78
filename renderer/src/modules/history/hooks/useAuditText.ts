import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../../shared/entities'
import type { EntityType } from '../../../../../shared/enums'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { extraFields, fieldKey, gridColumnOf, valueKindOf } from '../utils/auditFields'

const extra: ReadonlySet<string> = new Set(extraFields)

/** An audited JSON value, or null when it is not JSON. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

export interface AuditText {
  /** The label of a field (camelCase key) of this kind of record. */
  field(entityType: EntityType, key: string): string
  /** A stored value as a reader knows it: names for ids, labels for codes. */
  value(entityType: EntityType, key: string, value: string | number | null): string
  /** One audit row as a sentence. */
  change(entry: AuditEntry): string
}

/** Turns audit rows and field values into words in the current language. */
export function useAuditText(): AuditText {
  const { t } = useTranslation()
  const labels = useLabels()
  const format = useFormatters()

  return useMemo(() => {
    const field = (entityType: EntityType, key: string) => {
      if (extra.has(key)) return t(`history.fields.${key}`)
      const column = gridColumnOf(entityType, key)
      return column ? labels.bilingual(column.labelZh, column.labelEn) : key
    }

    const value = (entityType: EntityType, key: string, raw: string | number | null) => {
      if (raw === null || raw === '') return t('common.empty')
      const text = String(raw)
      const kind = valueKindOf(entityType, key)
      switch (kind.kind) {
        case 'user':
          return labels.userName(Number(raw)) ?? text
        case 'stage':
          return labels.stageName(Number(raw)) ?? text
        case 'enum':
          return labels.enumLabel(kind.options, text) ?? text
        case 'picklist':
          return labels.picklistLabel(kind.options, text) ?? text
        case 'datetime':
          return format.dateTime(text) ?? text
        case 'date':
          return format.date(text) ?? text
        case 'amount':
          return format.number(Number(raw)) ?? text
        case 'payment': {
          const payment = parsedJson(text) as { amount?: number; receivedDate?: string } | null
          if (!payment || typeof payment.amount !== 'number') return text
          return t('history.paymentText', { amount: format.number(payment.amount), date: format.date(payment.receivedDate) ?? '' })
        }
        case 'plan': {
          const plan = parsedJson(text)
          if (!Array.isArray(plan)) return text
          if (plan.length === 0) return t('common.empty')
          const total = (plan as { amount?: number }[]).reduce((sum, item) => sum + (item.amount ?? 0), 0)
          return t('history.planText', { count: plan.length, total: format.number(total) })
        }
        case 'record':
          return `#${text}`
        case 'text':
          return text
      }
    }

    return {
      field,
      value,
      change(entry) {
        if (entry.field === null) return t(`history.whole.${entry.action}`)
        const key = fieldKey(entry.field)
        return t('history.change', {
          field: field(entry.entityType, key),
          from: value(entry.entityType, key, entry.oldValue),
          to: value(entry.entityType, key, entry.newValue),
        })
      },
    }
  }, [t, labels, format])
}
