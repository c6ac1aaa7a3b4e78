import { Table, Tabs, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../../../shared/entities'
import { StageTag } from '../../reference/components/StageTag'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

/** Read-only: stages are configured elsewhere; this shows what the workspace uses. */
export function PipelineStageTables() {
  const { t } = useTranslation()
  const { pipelines, stages } = useReferenceData()
  const labels = useLabels()

  return (
    <Tabs
      items={[...pipelines]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((pipeline) => ({
          key: String(pipeline.id),
          label: labels.bilingual(pipeline.nameZh, pipeline.nameEn),
          children: (
            <Table<Stage>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={stages.filter((s) => s.pipelineId === pipeline.id).sort((a, b) => a.sortOrder - b.sortOrder)}
              columns={[
                { key: 'order', title: t('settings.columns.order'), width: 70, render: (_, s) => s.sortOrder },
                { key: 'name', title: t('settings.columns.name'), render: (_, s) => <StageTag stageId={s.id} /> },
                { key: 'probability', title: t('settings.columns.probability'), width: 90, render: (_, s) => `${s.probability}%` },
                { key: 'kind', title: t('settings.columns.kind'), width: 90, render: (_, s) => labels.enumLabel('stageKind', s.kind) },
                {
                  key: 'rotting',
                  title: t('settings.columns.rottingDays'),
                  width: 130,
                  render: (_, s) => s.rottingDays ?? t('common.empty'),
                },
                {
                  key: 'required',
                  title: t('settings.columns.requiredFields'),
                  render: (_, s) =>
                    s.requiredFields.length
                      ? s.requiredFields.map((f) => <Tag key={f}>{t(`opportunityForm.fields.${f}`)}</Tag>)
                      : t('common.empty'),
                },
                {
                  key: 'active',
                  title: t('settings.columns.active'),
                  width: 80,
                  render: (_, s) => (s.active ? t('common.yes') : t('common.no')),
                },
              ]}
            />
          ),
        }))}
    />
  )
}
