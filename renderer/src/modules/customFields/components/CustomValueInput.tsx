import { Checkbox, DatePicker, Input, InputNumber, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { CustomFieldType, CustomValue } from '../../../../../shared/entities'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

interface Props {
  type: CustomFieldType
  picklistKey: string | null
  value?: CustomValue | null
  onChange?(value: CustomValue | null): void
  id?: string
  'aria-label'?: string
}

const DATE = 'YYYY-MM-DD'

/** The input for one custom value, by the field's type; fits in an antd Form.Item. */
export function CustomValueInput({ type, picklistKey, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const { users } = useReferenceData()
  const set = (next: CustomValue | null | undefined) => onChange?.(next === undefined || next === '' ? null : next)
  const common = { id, 'aria-label': rest['aria-label'] }
  const options = () =>
    labels
      .picklistItems(picklistKey ?? '')
      .filter((i) => i.active)
      .toSorted((a, b) => a.sortOrder - b.sortOrder)
      .map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) }))

  switch (type) {
    case 'longText':
      return <Input.TextArea {...common} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)} />
    case 'number':
    case 'currency':
    case 'percent':
      return (
        <InputNumber
          {...common}
          style={{ width: '100%' }}
          suffix={type === 'percent' ? '%' : undefined}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => set(n)}
        />
      )
    case 'date':
      return (
        <DatePicker
          {...common}
          style={{ width: '100%' }}
          value={typeof value === 'string' && value ? dayjs(value, DATE) : null}
          onChange={(d) => set(d ? d.format(DATE) : null)}
        />
      )
    case 'datetime':
      return (
        <DatePicker
          {...common}
          showTime={{ format: 'HH:mm' }}
          format={t('format.dateTime')}
          style={{ width: '100%' }}
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => set(d ? d.toISOString() : null)}
        />
      )
    case 'picklist':
      return <Select {...common} allowClear options={options()} value={typeof value === 'string' ? value : null} onChange={(v) => set(v ?? null)} />
    case 'multiPicklist':
      return (
        <Select
          {...common}
          mode="multiple"
          allowClear
          options={options()}
          value={Array.isArray(value) ? value : []}
          onChange={(v: string[]) => set(v.length ? v : null)}
        />
      )
    case 'user':
      return (
        <Select
          {...common}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) }))}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => set(v ?? null)}
        />
      )
    case 'checkbox':
      return <Checkbox {...common} checked={value === true} onChange={(e) => set(e.target.checked)} />
    default:
      return (
        <Input
          {...common}
          type={type === 'email' ? 'email' : type === 'url' ? 'url' : type === 'phone' ? 'tel' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
        />
      )
  }
}
