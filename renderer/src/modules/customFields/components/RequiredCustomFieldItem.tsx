import { Form, type FormItemProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLabels } from '../../reference/hooks/useLabels'
import { useCustomFields } from '../hooks/useCustomFields'
import { isBlankValue } from '../utils/customFormValues'
import { CustomValueInput } from './CustomValueInput'

/** An opportunity custom field a stage requires, as a required form item with the input its type has everywhere else. */
export function RequiredCustomFieldItem({ name, fieldKey }: { name: FormItemProps['name']; fieldKey: string }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const field = useCustomFields('opportunity').find((f) => f.key === fieldKey)
  const label = field ? labels.bilingual(field.labelZh, field.labelEn) : fieldKey
  return (
    <Form.Item
      name={name}
      label={label}
      tooltip={field?.helpText ?? undefined}
      required
      rules={[
        {
          validator: async (_rule, value: unknown) => {
            if (isBlankValue(value)) throw new Error(t('validation.required'))
          },
        },
      ]}
    >
      <CustomValueInput type={field?.type ?? 'text'} picklistKey={field?.picklistKey ?? null} aria-label={label} />
    </Form.Item>
  )
}
