import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Switch, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { useStageCustomRequirements } from '../../customFields/hooks/useStageCustomRequirements'
import { StageTag } from '../../reference/components/StageTag'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { useConfigWrite } from '../hooks/useConfigWrite'
import { SortableTable } from './SortableTable'
import { StageFormModal, type StageFormValues } from './StageFormModal'

type Editing = { stage: Stage | null } | null

/** One pipeline's stages: drag to reorder, add, edit every setting, switch a stage off. */
export function StagesTable({ pipelineId }: { pipelineId: number }) {
  const { t } = useTranslation()
  const { stages } = useReferenceData()
  const labels = useLabels()
  const write = useConfigWrite()
  const requirements = useStageCustomRequirements()
  const [editing, setEditing] = useState<Editing>(null)
  const rows = stages.filter((s) => s.pipelineId === pipelineId).toSorted((a, b) => a.sortOrder - b.sortOrder)

  const reorder = (next: Stage[]) =>
    void write.run(() => api.call('stages.reorder', { pipelineId, stageIds: next.map((s) => s.id) }), { silent: true })

  const save = async ({ requiredCustomFields, ...values }: StageFormValues) => {
    const stage = editing?.stage
    const saved = await write.run(async () => {
      const result = stage
        ? await api.call('stages.update', { id: stage.id, patch: values })
        : await api.call('stages.create', { ...values, pipelineId })
      await requirements.save(result.id, requiredCustomFields)
      return result
    })
    if (saved) setEditing(null)
  }

  return (
    <Flex vertical gap={8}>
      <SortableTable<Stage>
        aria-label={t('configUi.stages.title')}
        rows={rows}
        rowKey={(s) => String(s.id)}
        handleLabel={(s) => t('configUi.dragRow', { name: labels.bilingual(s.nameZh, s.nameEn) })}
        onReorder={reorder}
        columns={[
          { key: 'name', title: t('configUi.name'), render: (_, s) => <StageTag stageId={s.id} /> },
          { key: 'nameEn', title: t('configUi.nameEn'), render: (_, s) => s.nameEn },
          { key: 'probability', title: t('configUi.stages.probability'), width: 80, render: (_, s) => `${s.probability}%` },
          { key: 'kind', title: t('configUi.stages.kind'), width: 80, render: (_, s) => labels.enumLabel('stageKind', s.kind) },
          { key: 'rotting', title: t('configUi.stages.rottingDays'), width: 110, render: (_, s) => s.rottingDays ?? t('common.empty') },
          {
            key: 'forecast',
            title: t('configUi.stages.forecastCategory'),
            width: 90,
            render: (_, s) => labels.enumLabel('forecastCategory', s.forecastCategory),
          },
          {
            key: 'required',
            title: t('configUi.stages.requiredFields'),
            render: (_, s) => [
              ...s.requiredFields.map((f) => <Tag key={f}>{t(`opportunityForm.fields.${f}`)}</Tag>),
              ...requirements.labelsFor(s.id).map((label) => (
                <Tag key={`custom-${label}`} color="blue">
                  {label}
                </Tag>
              )),
            ],
          },
          {
            key: 'tasks',
            title: t('configUi.stages.entryTasks'),
            render: (_, s) => (s.entryTasks.length ? s.entryTasks.map((task) => <Tag key={task}>{task}</Tag>) : t('common.empty')),
          },
          {
            key: 'active',
            title: t('configUi.active'),
            width: 70,
            render: (_, s) => (
              <Switch
                size="small"
                checked={s.active}
                aria-label={t('configUi.activeOf', { name: labels.bilingual(s.nameZh, s.nameEn) })}
                onChange={(active) => void write.run(() => api.call('stages.update', { id: s.id, patch: { active } }))}
              />
            ),
          },
          {
            key: 'edit',
            width: 60,
            render: (_, s) => (
              <Button
                size="small"
                type="text"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('configUi.stages.edit', { name: labels.bilingual(s.nameZh, s.nameEn) })}
                onClick={() => setEditing({ stage: s })}
              />
            ),
          },
        ]}
      />
      <Flex>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ stage: null })}>
          {t('configUi.stages.add')}
        </Button>
      </Flex>
      <StageFormModal
        open={editing !== null}
        stage={editing?.stage ?? null}
        customFieldOptions={requirements.options}
        initialCustomFields={requirements.keysFor(editing?.stage?.id ?? 0)}
        saving={write.busy}
        onCancel={() => setEditing(null)}
        onSave={(values) => void save(values)}
      />
    </Flex>
  )
}
