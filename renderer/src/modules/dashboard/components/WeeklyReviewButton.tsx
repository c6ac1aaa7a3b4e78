import { FileExcelOutlined } from '@ant-design/icons'
import { App, Button, DatePicker, Form, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import isoWeek from 'dayjs/plugin/isoWeek'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { saveGeneratedFile } from '../../../api/files'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

dayjs.extend(isoWeek)

/** '2026-W47': the ISO week (Monday to Sunday) the picked day falls in. */
const isoWeekOf = (day: Dayjs) => `${day.isoWeekYear()}-W${String(day.isoWeek()).padStart(2, '0')}`

/** Writes the weekly review workbook for a week and, optionally, one rep. */
export function WeeklyReviewButton() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { users } = useReferenceData()
  const labels = useLabels()
  const [open, setOpen] = useState(false)
  const [week, setWeek] = useState<Dayjs>(() => dayjs())
  const [ownerId, setOwnerId] = useState<number | undefined>()
  const [busy, setBusy] = useState(false)

  const exportReview = async () => {
    const isoWeekText = isoWeekOf(week)
    setBusy(true)
    try {
      const written = await saveGeneratedFile(
        { title: t('dashboard.weekly.fileTitle'), suggestedName: `weekly-review-${isoWeekText}.xlsx`, extensions: ['xlsx'] },
        async (outPath) => {
          const input = { week: isoWeekText, ...(ownerId ? { ownerId } : {}) }
          const result = await api.call('analytics.weeklyReview', outPath ? { ...input, file: outPath } : { ...input, toExportsFolder: true })
          const path = result.file ?? ''
          return { path, fileName: path.split(/[\\/]/).pop() ?? path, rows: result.sheets.reduce((n, s) => n + s.rows, 0) }
        },
      )
      if (written) {
        message.success(t('dashboard.weekly.done', { file: written.fileName }))
        setOpen(false)
      }
    } catch (error) {
      message.error((error as ApiCallError).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)}>
        {t('dashboard.weekly.button')}
      </Button>
      {open && (
        <Modal
          open
          title={t('dashboard.weekly.title')}
          okText={t('dashboard.weekly.export')}
          confirmLoading={busy}
          onOk={() => void exportReview()}
          onCancel={() => setOpen(false)}
        >
          <Form layout="vertical">
            <Form.Item label={t('dashboard.weekly.week')} htmlFor="weekly-review-week">
              <DatePicker id="weekly-review-week" picker="week" allowClear={false} value={week} onChange={(day) => day && setWeek(day)} />
            </Form.Item>
            <Form.Item label={t('dashboard.weekly.owner')} htmlFor="weekly-review-owner">
              <Select
                id="weekly-review-owner"
                allowClear
                placeholder={t('dashboard.weekly.allOwners')}
                value={ownerId}
                onChange={setOwnerId}
                options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) ?? u.name }))}
              />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  )
}
