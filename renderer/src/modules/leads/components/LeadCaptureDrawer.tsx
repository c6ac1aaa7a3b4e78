import { Alert, App, AutoComplete, Button, Col, Drawer, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd'
import type { Rule } from 'antd/es/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LeadInput, type Lead } from '../../../../../shared/entities'
import { DuplicateMatch } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { CustomFieldsSection } from '../../customFields/components/CustomFieldsSection'
import { FormDrawerFooter } from '../../forms/components/FormDrawerFooter'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { issueField, issueMessage } from '../../forms/utils/issueMessage'
import { markFieldErrors } from '../../forms/utils/markFieldErrors'
import { MergeDialog } from '../../merge/components/MergeDialog'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { useDebounced } from '../hooks/useDebounced'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { duplicateProbe, isRequired, toCaptureInput, type CaptureValues } from '../utils/captureInput'
import { DuplicateList, type RecordRef } from './DuplicateList'

type FieldName = keyof CaptureValues

/** Typing pauses this long before the duplicate check asks the core. */
const CHECK_DELAY_MS = 350

interface Props {
  onClose(): void
  /** Opens an existing record the person would rather work on. */
  onOpenRecord(record: RecordRef): void
}

/**
 * 发现: the lead entry form. Required fields follow the workspace's lead
 * rules; while the person types, look-alike leads, contacts and accounts
 * show up, and saving a likely duplicate needs an explicit choice.
 */
export function LeadCaptureDrawer({ onClose, onOpenRecord }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CaptureValues>()
  const { users } = useReferenceData()
  const labels = useLabels()
  const picklist = usePicklistOptions()
  const config = useApiQuery('loopConfig.get', {}, { reads: [] })
  const required = config.data?.leadRequiredFields ?? []
  const values = (Form.useWatch([], { form, preserve: true }) ?? {}) as CaptureValues
  // Debounced as text: a fresh object each render would never settle.
  const probeText = useDebounced(JSON.stringify(duplicateProbe(values)), CHECK_DELAY_MS)
  const probe = JSON.parse(probeText) as ReturnType<typeof duplicateProbe>
  const duplicates = useApiQuery('duplicates.find', probe ?? {}, { reads: ['lead', 'contact', 'account'], enabled: probe !== null })
  const { saving, serverError, save: saveWith, clearError } = useServerSave()
  const [conflict, setConflict] = useState<DuplicateMatch[] | null>(null)
  const [merging, setMerging] = useState<readonly [number, number] | null>(null)

  const schemaRule =
    (name: FieldName): Rule =>
    ({ getFieldsValue }) => ({
      validator: async () => {
        const { duplicateAction: _action, ...input } = toCaptureInput(getFieldsValue(true) as CaptureValues, 'check')
        const parsed = LeadInput.safeParse(input)
        const issue = parsed.success ? undefined : parsed.error.issues.find((i) => issueField(i) === name)
        if (issue) throw new Error(issueMessage(issue, t))
      },
    })
  const requiredRule =
    (name: FieldName): Rule =>
    ({ getFieldsValue }) => ({
      validator: async (_, value: unknown) => {
        const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
        if (blank && isRequired(required, name, getFieldsValue(true) as CaptureValues)) {
          throw new Error(name === 'phone' || name === 'email' ? t('leads.capture.phoneOrEmail') : t('validation.required'))
        }
      },
    })
  const item = (name: FieldName) => ({
    name,
    label: t(`leads.fields.${name}`),
    rules: [requiredRule(name), schemaRule(name)],
    required: isRequired(required, name, values),
    // Phone and email depend on each other when either one will do.
    dependencies: name === 'phone' ? ['email'] : name === 'email' ? ['phone'] : undefined,
  })

  const save = async (duplicateAction: 'check' | 'save'): Promise<Lead | null> => {
    clearError()
    const valid = await form.validateFields().then(() => true, () => false)
    if (!valid) return null
    let saved: Lead | null = null
    await saveWith(
      async () => {
        saved = await api.call('leads.capture', toCaptureInput(form.getFieldsValue(true) as CaptureValues, duplicateAction))
        void message.success(t('leads.capture.saved', { company: saved.company }))
      },
      (err) => {
        if (err.code === 'DUPLICATE_FOUND') {
          const matches = DuplicateMatch.array().safeParse((err.details as { matches?: unknown } | undefined)?.matches)
          setConflict(matches.success ? matches.data : [])
          return 'handled'
        }
        return markFieldErrors(form, err, t)
      },
    )
    return saved
  }

  const submit = async (duplicateAction: 'check' | 'save') => {
    const lead = await save(duplicateAction)
    if (lead) onClose()
  }

  const open = (record: RecordRef) => {
    onOpenRecord(record)
    onClose()
  }

  /** Saves the new lead, then folds it into the existing one with a per-field choice. */
  const mergeInto = async (match: DuplicateMatch) => {
    setConflict(null)
    const lead = await save('save')
    if (lead) setMerging([match.id, lead.id])
  }

  const matches = probe !== null ? (duplicates.data ?? []) : []

  return (
    <Drawer
      title={t('leads.capture.title')}
      open
      onClose={onClose}
      size={640}
      destroyOnHidden
      footer={<FormDrawerFooter saving={saving} submitLabel={t('leads.capture.submit')} onCancel={onClose} onSubmit={() => void submit('check')} />}
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      {config.error && <Alert type="error" showIcon title={config.error.message} className="wb-form-alert" />}
      <Form<CaptureValues> form={form} layout="vertical" requiredMark onFinish={() => void submit('check')}>
        <Form.Item {...item('company')}>
          <Input autoFocus maxLength={200} placeholder={t('leads.capture.companyPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item {...item('contactName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('phone')}>
              <Input maxLength={60} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('email')}>
              <Input maxLength={320} inputMode="email" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('source')}>
              <Select allowClear options={picklist('source')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('region')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={picklist('region')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('industry')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={picklist('industry')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('productInterest')}>
              <AutoComplete allowClear options={picklist('product_line')} maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('ownerId')} extra={t('leads.capture.ownerHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item {...item('notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <CustomFieldsSection entity="lead" applyDefaults />
      </Form>
      {matches.length > 0 && (
        <section aria-label={t('leads.duplicates.title')}>
          <Alert
            type={matches.some((m) => m.exact) ? 'warning' : 'info'}
            showIcon
            title={t('leads.duplicates.title')}
            description={<DuplicateList matches={matches} onOpen={open} onMerge={(m) => void mergeInto(m)} />}
          />
        </section>
      )}
      {conflict && (
        <Modal
          open
          title={t('leads.duplicates.confirmTitle')}
          onCancel={() => setConflict(null)}
          footer={
            <Flex justify="end" gap={8}>
              <Button onClick={() => setConflict(null)}>{t('leads.duplicates.back')}</Button>
              <Button
                type="primary"
                loading={saving}
                onClick={() => {
                  setConflict(null)
                  void submit('save')
                }}
              >
                {t('leads.duplicates.saveAnyway')}
              </Button>
            </Flex>
          }
        >
          <Typography.Paragraph>{t('leads.duplicates.confirmBody')}</Typography.Paragraph>
          <DuplicateList matches={conflict} onOpen={open} onMerge={(m) => void mergeInto(m)} />
        </Modal>
      )}
      {merging && <MergeDialog entityType="lead" ids={merging} onClose={onClose} />}
    </Drawer>
  )
}
