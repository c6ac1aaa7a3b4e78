import { Alert, App, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select } from 'antd'
import type { Rule } from 'antd/es/form'
import { useTranslation } from 'react-i18next'
import { OpportunityInput, type StageRequirementField } from '../../../../../shared/entities'
import { Currency } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { FormDrawerFooter } from '../../forms/components/FormDrawerFooter'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { issueField, issueMessage } from '../../forms/utils/issueMessage'
import { markFieldErrors } from '../../forms/utils/markFieldErrors'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { useStageOptions } from '../hooks/useStageOptions'
import { toOpportunityInput, type OpportunityFormValues } from '../utils/opportunityFormValues'
import { AccountSelect } from './AccountSelect'
import { CustomFieldsSection } from '../../customFields/components/CustomFieldsSection'
import { customInput } from '../../customFields/utils/customFormValues'

type FieldName = keyof OpportunityFormValues

/** Fields the form shows only when the chosen stage requires them (won and lost stages). */
const stageOnlyFields: StageRequirementField[] = ['signedDate', 'lossReason', 'competitor']

interface Props {
  open: boolean
  onClose(): void
}

export function OpportunityFormDrawer({ open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<OpportunityFormValues>()
  const { currentUserId, baseCurrency } = usePreferences()
  const { users } = useReferenceData()
  const labels = useLabels()
  const stageOptions = useStageOptions()
  const { saving, serverError, save, clearError } = useServerSave()

  const stageId = Form.useWatch('stageId', form)
  const required = new Set<string>(stageOptions.stageById(stageId)?.requiredFields ?? [])

  // Every field is checked against the contract's schema as the person types.
  const schemaRule =
    (name: FieldName): Rule =>
    ({ getFieldsValue }) => ({
      validator: async () => {
        const parsed = OpportunityInput.safeParse(toOpportunityInput(getFieldsValue(true) as OpportunityFormValues))
        const issue = parsed.success ? undefined : parsed.error.issues.find((i) => issueField(i) === name)
        if (issue) throw new Error(issueMessage(issue, t))
      },
    })
  const stageRule = (name: FieldName): Rule => ({
    required: required.has(name),
    message: t('opportunityForm.requiredForStage'),
  })
  const rulesFor = (name: FieldName): Rule[] => [stageRule(name), schemaRule(name)]

  const item = (name: FieldName) => ({
    name,
    label: t(`opportunityForm.fields.${name}`),
    rules: rulesFor(name),
    required: name === 'name' || name === 'stageId' || required.has(name),
  })

  const picklist = (listKey: string) =>
    labels.picklistItems(listKey).filter((i) => i.active).map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) }))

  const close = () => {
    form.resetFields()
    clearError()
    onClose()
  }

  const submit = async () => {
    clearError()
    const valid = await form.validateFields().then(() => true, () => false)
    if (!valid) return
    await save(
      async () => {
        const input = OpportunityInput.parse({ ...toOpportunityInput(form.getFieldsValue(true) as OpportunityFormValues), custom: customInput(form.getFieldValue('custom')) })
        const created = await api.call('opportunities.create', input)
        void message.success(t('opportunityForm.created', { name: created.name }))
        close()
      },
      (err) => markFieldErrors(form, err, t, t('opportunityForm.requiredForStage')),
    )
  }

  const defaultCurrency = Currency.safeParse(baseCurrency).data ?? 'CNY'
  const initialValues: OpportunityFormValues = {
    stageId: stageOptions.defaultStage?.id,
    probability: stageOptions.defaultStage?.probability,
    currency: defaultCurrency,
    ownerId: currentUserId ?? undefined,
  }

  return (
    <Drawer
      title={t('opportunityForm.title')}
      open={open}
      onClose={close}
      size={680}
      destroyOnHidden
      footer={<FormDrawerFooter saving={saving} submitLabel={t('opportunityForm.submit')} onCancel={close} onSubmit={() => void submit()} />}
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<OpportunityFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        requiredMark
        onValuesChange={(changed: OpportunityFormValues) => {
          // A new stage suggests its own win probability.
          const stage = stageOptions.stageById(changed.stageId)
          if (stage) form.setFieldValue('probability', stage.probability)
        }}
        onFinish={submit}
      >
        <Form.Item {...item('name')}>
          <Input autoFocus placeholder={t('opportunityForm.placeholders.name')} maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item {...item('accountId')}>
              <AccountSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('stageId')}>
              <Select options={stageOptions.groups} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('amount')}>
              <InputNumber<number> min={0} style={{ width: '100%' }} formatter={groupThousands} parser={stripGrouping} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('currency')}>
              <Select options={Currency.options.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('probability')}>
              <InputNumber<number> min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('expectedCloseDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('ownerId')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('source')}>
              <Select allowClear options={picklist('source')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('productLine')}>
              <Select allowClear options={picklist('product_line')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('nextFollowUpDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item {...item('nextStep')}>
          <Input placeholder={t('opportunityForm.placeholders.nextStep')} maxLength={500} />
        </Form.Item>
        {stageOnlyFields.some((f) => required.has(f)) && (
          <Row gutter={16}>
            {required.has('signedDate') && (
              <Col span={12}>
                <Form.Item {...item('signedDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            {required.has('lossReason') && (
              <Col span={12}>
                <Form.Item {...item('lossReason')}>
                  <Select allowClear options={picklist('loss_reason')} />
                </Form.Item>
              </Col>
            )}
            {required.has('lossReason') && (
              <Col span={12}>
                <Form.Item {...item('competitor')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        <CustomFieldsSection entity="opportunity" stageId={stageId} applyDefaults />
      </Form>
    </Drawer>
  )
}

/** 1234567.5 → "1,234,567.5": grouping only the whole part, as Excel shows amounts. */
function groupThousands(value: number | string | undefined): string {
  if (value === undefined || value === '') return ''
  const [whole = '', fraction] = String(value).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}
// InputNumber parses the returned text itself, so an emptied field stays empty rather than 0.
const stripGrouping = (text: string | undefined) => (text ?? '').replace(/,/g, '') as unknown as number
