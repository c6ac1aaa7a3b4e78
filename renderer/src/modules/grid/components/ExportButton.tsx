import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useEffect, useEffectEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../../../shared/api'
import type { GridEntity } from '../../../../../shared/enums'
import type { ExportFormat } from '../../../../../shared/methods/exports'
import { api } from '../../../api/client'
import { saveGeneratedFile } from '../../../api/files'
import { registerGridExport } from '../../importExport/utils/currentGridExport'
import { errorText } from '../../importExport/utils/errorText'
import { newJobId } from '../../importExport/utils/jobId'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { resolveColumns, toGridQuery, type GridViewState } from '../utils/viewState'

interface Props {
  entity: GridEntity
  /** The grid as shown: its filters, sort, search and visible columns in order. */
  state: GridViewState
  /** The file's name before the date and extension, e.g. the page title. */
  name: string
}

/** Exports the grid as it is shown to .xlsx or .csv, written by the core; the app menu's Export runs it too. */
export function ExportButton({ entity, state, name }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentUserId } = usePreferences()
  const [running, setRunning] = useState(false)

  async function exportAs(format: ExportFormat): Promise<void> {
    const columns = resolveColumns(entity, state.columns, () => 0)
      .filter((c) => !c.hidden)
      .map((c) => c.column.key)
    const query = toGridQuery(state, currentUserId)
    setRunning(true)
    try {
      const written = await saveGeneratedFile(
        { title: t('importExport.export.dialogTitle'), suggestedName: `${name}.${format}`, extensions: [format] },
        (outPath) => api.call('exports.grid', { entity, ...query, columns, format, outPath, jobId: newJobId() } as MethodInput<'exports.grid'>),
      )
      if (written) void message.success(t('importExport.export.done', { rows: written.rows, file: written.fileName }))
    } catch (err) {
      void message.error(errorText(err))
    } finally {
      setRunning(false)
    }
  }

  const runFromMenu = useEffectEvent(() => void exportAs('xlsx'))
  useEffect(() => registerGridExport(() => runFromMenu()), [])

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({ key: format, label: t(`importExport.export.${format}`) })),
        onClick: ({ key }) => void exportAs(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined aria-hidden />} loading={running}>
        {t('importExport.export.button')}
      </Button>
    </Dropdown>
  )
}
