import { Form, Input, InputNumber, Modal, Select } from 'antd'
import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { StageRequirementField, type Stage } from '../../../../../shared/entities'
import { ForecastCategory } from '../../../../../shared/enums'
import { useLabels } from '../../reference/hooks/useLabels'

export interface StageFormValues {
  nameZh: string
  nameEn: string
  probability: number
  rottingDays: number | null
  forecastCategory: ForecastCategory
  requiredFields: StageRequirementField[]
  /** Keys of the custom fields that must be filled before a deal enters the stage. */
  requiredCustomFields: string[]
  entryTasks: string[]
}

interface Props {
  /** The stage being edited, or null to add one. */
  stage: Stage | null
  open: boolean
  customFieldOptions: { value: string; label: string }[]
  initialCustomFields: string[]
  saving: boolean
  onCancel(): void
  onSave(values: StageFormValues): void
}

/** A stage's settings: names, probability, rotting days, forecast category, entry requirements and tasks. */
export function StageFormModal({ stage, open, customFieldOptions, initialCustomFields, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  // Several of these dialogs can be mounted at once: each form's field ids must be its own.
  const formName = useId()
  const [form] = Form.useForm<StageFormValues>()

  useEffect(() => {
    if (!open) return
    form.setFieldsValue({
      nameZh: stage?.nameZh ?? '',
      nameEn: stage?.nameEn ?? '',
      probability: stage?.probability ?? 10,
      rottingDays: stage?.rottingDays ?? null,
      forecastCategory: stage?.forecastCategory ?? 'pipeline',
      requiredFields: stage?.requiredFields ?? [],
      requiredCustomFields: initialCustomFields,
      entryTasks: stage?.entryTasks ?? [],
    })
  }, [open, stage, initialCustomFields, form])

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (values) onSave(values)
  }

  return (
    <Modal
      open={open}
      title={stage ? t('configUi.stages.edit', { name: labels.bilingual(stage.nameZh, stage.nameEn) }) : t('configUi.stages.add')}
      okText={t('configUi.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name={formName}>
        <Form.Item name="nameZh" label={t('configUi.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('configUi.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="probability" label={t('configUi.stages.probability')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="rottingDays" label={t('configUi.stages.rottingDays')} extra={t('configUi.stages.rottingHelp')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="forecastCategory" label={t('configUi.stages.forecastCategory')}>
          <Select options={ForecastCategory.options.map((value) => ({ value, label: labels.enumLabel('forecastCategory', value) }))} />
        </Form.Item>
        <Form.Item name="requiredFields" label={t('configUi.stages.requiredFields')}>
          <Select
            mode="multiple"
            allowClear
            options={StageRequirementField.options.map((value) => ({ value, label: t(`opportunityForm.fields.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="requiredCustomFields" label={t('configUi.stages.requiredCustomFields')}>
          <Select mode="multiple" allowClear options={customFieldOptions} notFoundContent={t('configUi.stages.noCustomFields')} />
        </Form.Item>
        <Form.Item name="entryTasks" label={t('configUi.stages.entryTasks')} extra={t('configUi.stages.entryTasksHelp')}>
          <Select mode="tags" open={false} tokenSeparators={['\n']} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
