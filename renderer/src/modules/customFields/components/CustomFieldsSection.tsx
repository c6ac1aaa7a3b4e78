import { Col, Divider, Form, Row } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomFieldEntity } from '../../../../../shared/entities'
import { useLabels } from '../../reference/hooks/useLabels'
import { useCustomSections } from '../hooks/useCustomSections'
import { customDefaults, isBlankValue, isRequired } from '../utils/customFormValues'
import { CustomValueInput } from './CustomValueInput'

interface Props {
  entity: CustomFieldEntity
  /** The stage the record is in (or entering): stage requirements apply to it. */
  stageId?: number | null
  /** A create form fills in each field's default value. */
  applyDefaults?: boolean
}

/**
 * The entity's custom fields inside an antd Form, as `custom.<key>` form
 * values, in the sections of its form layout; required (always or for the
 * stage), with defaults and help text.
 */
export function CustomFieldsSection({ entity, stageId, applyDefaults = false }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const form = Form.useFormInstance()
  const { sections, fields } = useCustomSections(entity)

  useEffect(() => {
    if (!applyDefaults) return
    for (const [key, value] of Object.entries(customDefaults(fields))) {
      if (form.getFieldValue(['custom', key]) === undefined) form.setFieldValue(['custom', key], value)
    }
  }, [applyDefaults, fields, form])

  if (fields.length === 0) return null
  return (
    <div data-testid={`custom-fields-${entity}`}>
      {sections.map((section) => (
        <div key={section.key}>
          <Divider titlePlacement="start" plain>
            {section.title || t('customFields.sectionTitle')}
          </Divider>
          <Row gutter={16}>
            {section.fields.map((field) => {
              const label = labels.bilingual(field.labelZh, field.labelEn)
              const required = isRequired(field, stageId)
              return (
                <Col span={field.type === 'longText' ? 24 : 12} key={field.key}>
                  <Form.Item
                    name={['custom', field.key]}
                    label={label}
                    tooltip={field.helpText ?? undefined}
                    required={required}
                    valuePropName="value"
                    rules={[
                      {
                        validator: async (_, value: unknown) => {
                          if (required && isBlankValue(value)) throw new Error(t('customFields.requiredMessage', { name: label }))
                        },
                      },
                    ]}
                  >
                    <CustomValueInput type={field.type} picklistKey={field.picklistKey} aria-label={label} />
                  </Form.Item>
                </Col>
              )
            })}
          </Row>
        </div>
      ))}
    </div>
  )
}
