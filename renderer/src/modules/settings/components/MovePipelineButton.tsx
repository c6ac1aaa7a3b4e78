import { ArrowRightOutlined, SwapOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Form, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Opportunity } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { StageTag } from '../../reference/components/StageTag'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { mappedStage } from '../utils/stageMapping'

/** The record drawer's "move to another pipeline": pick the pipeline, see (and adjust) the stage it maps to. */
export function MovePipelineButton({ deal }: { deal: Opportunity }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { pipelines, stages } = useReferenceData()
  const labels = useLabels()
  const [open, setOpen] = useState(false)
  const [pipelineId, setPipelineId] = useState<number>()
  const [stageId, setStageId] = useState<number>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const current = stages.find((s) => s.id === deal.stageId)
  const others = pipelines.filter((p) => p.id !== deal.pipelineId && p.active).toSorted((a, b) => a.sortOrder - b.sortOrder)

  const choosePipeline = (id: number) => {
    setPipelineId(id)
    setStageId(current ? mappedStage(current, stages, id)?.id : undefined)
  }

  const move = async () => {
    if (!pipelineId) return
    setBusy(true)
    setError(undefined)
    try {
      const result = await api.call('opportunities.movePipeline', { id: deal.id, version: deal.version, pipelineId, ...(stageId ? { stageId } : {}) })
      void message.success(
        t('configUi.move.done', {
          pipeline: labels.pipelineName(pipelineId),
          from: labels.stageName(result.fromStageId),
          to: labels.stageName(result.toStageId),
        }),
      )
      setOpen(false)
    } catch (e) {
      setError(isApiCallError(e) ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button icon={<SwapOutlined aria-hidden />} disabled={others.length === 0} onClick={() => setOpen(true)}>
        {t('configUi.move.action')}
      </Button>
      <Modal
        open={open}
        title={t('configUi.move.title', { name: deal.name })}
        okText={t('configUi.move.confirm')}
        okButtonProps={{ disabled: !pipelineId || !stageId }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void move()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label={t('configUi.move.pipeline')}>
            <Select
              aria-label={t('configUi.move.pipeline')}
              value={pipelineId}
              onChange={choosePipeline}
              options={others.map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))}
            />
          </Form.Item>
          {pipelineId && (
            <Form.Item label={t('configUi.move.mapping')}>
              <Flex align="center" gap={8}>
                <StageTag stageId={deal.stageId} fallback={deal.stageName} />
                <ArrowRightOutlined aria-hidden />
                <Select
                  aria-label={t('configUi.move.stage')}
                  style={{ minWidth: 180 }}
                  value={stageId}
                  onChange={setStageId}
                  options={stages
                    .filter((s) => s.pipelineId === pipelineId && s.active)
                    .toSorted((a, b) => a.sortOrder - b.sortOrder)
                    .map((s) => ({ value: s.id, label: labels.bilingual(s.nameZh, s.nameEn) }))}
                />
              </Flex>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  )
}
