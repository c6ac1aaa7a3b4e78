import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Space, Tabs, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Pipeline } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { useConfigWrite } from '../hooks/useConfigWrite'
import { NamesModal, type Names } from './NamesModal'
import { StagesTable } from './StagesTable'

type Editing = { kind: 'create' } | { kind: 'rename'; pipeline: Pipeline } | null

/** Pipelines (新客户, 续约, 项目 …) as tabs, each with its stages; pipelines are created and renamed here. */
export function PipelinesEditor() {
  const { t } = useTranslation()
  const { pipelines } = useReferenceData()
  const labels = useLabels()
  const write = useConfigWrite()
  const [editing, setEditing] = useState<Editing>(null)
  const [activeKey, setActiveKey] = useState<string>()
  const ordered = pipelines.toSorted((a, b) => a.sortOrder - b.sortOrder)

  const save = async (names: Names) => {
    const current = editing
    const saved = await write.run(() =>
      current?.kind === 'rename'
        ? api.call('pipelines.update', { id: current.pipeline.id, patch: names })
        : api.call('pipelines.create', names),
    )
    if (!saved) return
    setEditing(null)
    setActiveKey(String(saved.id))
  }

  return (
    <>
      <Tabs
        activeKey={activeKey ?? (ordered[0] ? String(ordered[0].id) : undefined)}
        onChange={setActiveKey}
        tabBarExtraContent={
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'create' })}>
            {t('configUi.pipelines.add')}
          </Button>
        }
        items={ordered.map((pipeline) => ({
          key: String(pipeline.id),
          label: labels.bilingual(pipeline.nameZh, pipeline.nameEn),
          children: (
            <Flex vertical gap={12}>
              <Space>
                <Tag>{pipeline.nameZh}</Tag>
                <Tag>{pipeline.nameEn}</Tag>
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ kind: 'rename', pipeline })}>
                  {t('configUi.pipelines.rename')}
                </Button>
              </Space>
              <StagesTable pipelineId={pipeline.id} />
            </Flex>
          ),
        }))}
      />
      <NamesModal
        open={editing !== null}
        title={editing?.kind === 'rename' ? t('configUi.pipelines.rename') : t('configUi.pipelines.add')}
        initial={editing?.kind === 'rename' ? { nameZh: editing.pipeline.nameZh, nameEn: editing.pipeline.nameEn } : null}
        saving={write.busy}
        onCancel={() => setEditing(null)}
        onSave={(names) => void save(names)}
      />
    </>
  )
}
