import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Divider, Flex, Form, InputNumber, Row, Select, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LeadGrade } from '../../../../../shared/enums'
import { LeadFormField, type GradeRule, type LoopConfig } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { bantKeys } from '../utils/ratingReasons'
import { fieldEqualsFields, filledFields, toScoreRule, type ScoreRuleDraft } from '../utils/scoreRuleDraft'
import '../styles/leads.css'

interface Values {
  leadRequiredFields: LoopConfig['leadRequiredFields']
  claimLimit: number
  returnDays: number
  grades: GradeRule[]
  fallbackGrade: LoopConfig['leadRating']['fallbackGrade']
  scoring: ScoreRuleDraft[]
}

const toValues = (config: LoopConfig): Values => ({
  leadRequiredFields: config.leadRequiredFields,
  claimLimit: config.pool.claimLimit,
  returnDays: config.pool.returnDays,
  grades: config.leadRating.grades,
  fallbackGrade: config.leadRating.fallbackGrade,
  scoring: config.leadRating.scoring,
})

/** 线索设置: what the entry form requires, the pool's limits, and how leads are graded and scored. */
export function LeadRulesCard() {
  const config = useApiQuery('loopConfig.get', {}, { reads: [] })
  if (config.error) return <Alert type="error" showIcon title={config.error.message} />
  if (!config.data) return <Skeleton active />
  // Keyed by the saved config so a save (or another window's) shows fresh values.
  return <LeadRulesForm key={JSON.stringify(config.data)} config={config.data} onSaved={config.refetch} />
}

function LeadRulesForm({ config, onSaved }: { config: LoopConfig; onSaved(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const gradeOptions = LeadGrade.options.map((g) => ({ value: g, label: g }))
  const bantOptions = bantKeys.map((k) => ({ value: k, label: t(`leads.bant.${k}`) }))
  const picklist = usePicklistOptions()
  const fieldOptions = (fields: readonly string[]) => fields.map((f) => ({ value: f, label: t(`leads.fields.${f}`) }))

  const save = async (values: Values) => {
    setSaving(true)
    setError(undefined)
    try {
      await api.call('loopConfig.update', {
        leadRequiredFields: values.leadRequiredFields,
        pool: { claimLimit: values.claimLimit, returnDays: values.returnDays },
        leadRating: { grades: values.grades, fallbackGrade: values.fallbackGrade, scoring: values.scoring.map(toScoreRule) },
      })
      void message.success(t('leads.settings.saved'))
      onSaved()
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setError(err.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card title={t('leads.settings.title')}>
      {error && <Alert type="error" showIcon title={error} className="wb-form-alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={toValues(config)} onFinish={(v) => void save(v)}>
        <Form.Item name="leadRequiredFields" label={t('leads.settings.required')} extra={t('leads.settings.requiredHint')}>
          <Checkbox.Group options={LeadFormField.options.filter((f) => f !== 'company').map((f) => ({ value: f, label: t(`leads.settings.formFields.${f}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="claimLimit" label={t('leads.settings.claimLimit')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber<number> min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="returnDays" label={t('leads.settings.returnDays')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber<number> min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('leads.settings.grades')}</Divider>
        <Typography.Paragraph type="secondary">{t('leads.settings.gradesHint')}</Typography.Paragraph>
        <Form.List name="grades">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'grade']} label={t('leads.fields.grade')}>
                    <Select options={gradeOptions} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minBant']} label={t('leads.settings.minBant')}>
                    <InputNumber<number> min={0} max={4} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'requiredBant']} label={t('leads.settings.requiredBant')}>
                    <Select mode="multiple" options={bantOptions} style={{ minWidth: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minScore']} label={t('leads.settings.minScore')}>
                    <InputNumber<number> min={0} max={100} precision={0} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('leads.settings.removeRule')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ grade: 'B', minBant: 0, requiredBant: [], minScore: 0 })}>
                {t('leads.settings.addGrade')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="fallbackGrade" label={t('leads.settings.fallbackGrade')} className="wb-lead-settings-fallback">
          <Select options={gradeOptions} style={{ width: 70 }} />
        </Form.Item>
        <Divider titlePlacement="start">{t('leads.settings.scoring')}</Divider>
        <Form.List name="scoring">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']}>
                    <Select
                      aria-label={t('leads.settings.kind')}
                      style={{ width: 150 }}
                      options={(['fieldEquals', 'filled', 'bant', 'recentActivity'] as const).map((k) => ({ value: k, label: t(`leads.settings.kinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['scoring', field.name, 'kind']) as ScoreRuleDraft['kind']
                      if (kind === 'fieldEquals') {
                        const ruleField = form.getFieldValue(['scoring', field.name, 'field']) as string | undefined
                        const listKey = ruleField === 'productInterest' ? 'product_line' : ruleField
                        return (
                          <>
                            <Form.Item name={[field.name, 'field']} rules={[{ required: true, message: t('validation.required') }]}>
                              <Select aria-label={t('leads.settings.field')} style={{ width: 120 }} options={fieldOptions(fieldEqualsFields)} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'value']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                              <AutoComplete aria-label={t('leads.settings.value')} style={{ width: 160 }} maxLength={100} options={listKey ? picklist(listKey) : []} />
                            </Form.Item>
                          </>
                        )
                      }
                      if (kind === 'filled') {
                        return (
                          <Form.Item name={[field.name, 'field']} rules={[{ required: true, message: t('validation.required') }]}>
                            <Select aria-label={t('leads.settings.field')} style={{ width: 120 }} options={fieldOptions(filledFields)} />
                          </Form.Item>
                        )
                      }
                      if (kind === 'bant') {
                        return (
                          <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: t('validation.required') }]}>
                            <Select aria-label={t('leads.settings.bantKey')} style={{ width: 120 }} options={bantOptions} />
                          </Form.Item>
                        )
                      }
                      return (
                        <Form.Item name={[field.name, 'withinDays']} rules={[{ required: true, message: t('validation.required') }]}>
                          <InputNumber<number> aria-label={t('leads.settings.withinDays')} min={1} max={365} precision={0} suffix={t('leads.settings.days')} />
                        </Form.Item>
                      )
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'points']} rules={[{ required: true, message: t('validation.required') }]}>
                    <InputNumber<number> aria-label={t('leads.settings.points')} min={-100} max={100} precision={0} suffix={t('leads.settings.pointsUnit')} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('leads.settings.removeRule')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'filled', field: 'phone', points: 5 })}>
                {t('leads.settings.addScore')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('leads.settings.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  )
}
