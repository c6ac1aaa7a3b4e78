import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { coerceForColumn, coerceMessage } from '../../../../../shared/coerce'
import type { StageRequirementField } from '../../../../../shared/entities'
import { OpportunityPatch } from '../../../../../shared/entities'
import { useApiQuery } from '../../../api/useApiQuery'
import { RequiredCustomFieldItem } from '../../customFields/components/RequiredCustomFieldItem'
import { issueMessage } from '../../forms/utils/issueMessage'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { customKeyOfNeed, type StageNeed } from '../utils/stageRules'
import type { Patch } from '../utils/undoStack'

export interface MissingFieldsRequest {
  /** Built-in fields, and custom fields as `custom.<key>`. */
  fields: StageNeed[]
  /** The stage being entered, for the title. */
  stageName: string
  /** The deal (or "3 deals") the values go to. */
  subject: string
  /** The deal's account, to offer its contacts for a required contact. */
  accountName?: string | null
}

interface Props {
  request: MissingFieldsRequest | null
  onDone(values: Patch | null): void
}

type FormValues = Partial<Record<StageNeed, unknown>>

/**
 * Asks for exactly the fields a stage still needs (STAGE_REQUIREMENTS' and
 * CUSTOM_FIELD_REQUIRED's `missing`), before a grid edit, a paste or a
 * kanban move enters it. Custom values come back as `custom.<key>` fields.
 */
export function MissingFieldsModal({ request, onDone }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<FormValues>()
  const lossReason = Form.useWatch('lossReason', form) as string | undefined
  // A deal lost to a competitor must name the competitor too.
  const fields =
    request && lossReason === 'competitor' && !request.fields.includes('competitor')
      ? [...request.fields, 'competitor' as const]
      : (request?.fields ?? [])

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values || !request) return
    form.resetFields()
    onDone(toPatch(fields, values))
  }

  return (
    <Modal
      open={request !== null}
      title={request ? t('grid.missing.title', { stage: request.stageName }) : undefined}
      okText={t('grid.missing.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={() => {
        form.resetFields()
        onDone(null)
      }}
      destroyOnHidden
      width={480}
    >
      {request && (
        <>
          <Typography.Paragraph type="secondary">{t('grid.missing.intro', { subject: request.subject })}</Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark preserve={false}>
            {fields.map((field) => {
              const key = customKeyOfNeed(field)
              return key === null ? (
                <MissingField key={field} field={field as StageRequirementField} accountName={request.accountName ?? null} />
              ) : (
                <RequiredCustomFieldItem key={field} name={field} fieldKey={key} />
              )
            })}
          </Form>
        </>
      )}
    </Modal>
  )
}

function MissingField({ field, accountName }: { field: StageRequirementField; accountName: string | null }) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const labels = useLabels()
  const label = t(`opportunityForm.fields.${field}`)
  const required = { required: true, message: t('validation.required') }

  switch (field) {
    case 'amount':
      return (
        <Form.Item
          name={field}
          label={label}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) return
                const coerced = coerceForColumn('currency', value)
                if (!coerced.ok) throw new Error(coerceMessage(coerced.reason, locale))
              },
            },
          ]}
        >
          <Input autoFocus placeholder="120000 / 12万 / ¥1,200,000" />
        </Form.Item>
      )
    case 'expectedCloseDate':
    case 'signedDate':
      return (
        <Form.Item name={field} label={label} rules={[required]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )
    case 'lossReason':
      return (
        <Form.Item name={field} label={label} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={labels
              .picklistItems('loss_reason')
              .filter((i) => i.active)
              .map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) }))}
          />
        </Form.Item>
      )
    case 'contactId':
      return (
        <Form.Item name={field} label={label} rules={[required]}>
          <ContactSelect accountName={accountName} />
        </Form.Item>
      )
    default:
      return (
        <Form.Item
          name={field}
          label={label}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) => {
                const parsed = OpportunityPatch.shape[field].safeParse(value)
                if (!parsed.success && parsed.error.issues[0]) throw new Error(issueMessage(parsed.error.issues[0], t))
              },
            },
          ]}
        >
          <Input maxLength={field === 'nextStep' ? 500 : 200} />
        </Form.Item>
      )
  }
}

function ContactSelect({ accountName, ...props }: { accountName: string | null; value?: number; onChange?(v: number): void }) {
  const contacts = useApiQuery(
    'contacts.list',
    { filters: accountName ? [{ column: 'accountName', op: 'equals', value: accountName }] : [], limit: 100, withTotal: false },
    { reads: ['contact'] },
  )
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={contacts.loading}
      options={(contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
    />
  )
}

function toPatch(fields: readonly StageNeed[], values: FormValues): Patch {
  const patch: Patch = {}
  for (const field of fields) {
    const value = values[field]
    if (customKeyOfNeed(field) !== null) {
      patch[field] = value
    } else if (field === 'amount') {
      const coerced = coerceForColumn('currency', value as string)
      if (coerced.ok) {
        patch.amount = coerced.value
        if (coerced.currency) patch.currency = coerced.currency
      }
    } else if (field === 'expectedCloseDate' || field === 'signedDate') {
      patch[field] = (value as Dayjs).format('YYYY-MM-DD')
    } else if (typeof value === 'string') {
      patch[field] = value.trim()
    } else {
      patch[field] = value
    }
  }
  return patch
}
