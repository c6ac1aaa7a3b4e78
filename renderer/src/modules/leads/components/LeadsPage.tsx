import { PlusOutlined } from '@ant-design/icons'
import { Button, Segmented, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SpreadsheetGrid } from '../../grid/components/SpreadsheetGrid'
import { RecordDrawer, type OpenRecord } from '../../search/components/RecordDrawer'
import { useGridView } from '../../views/hooks/useGridView'
import { isMine, withMine } from '../utils/mineFilter'
import { LeadCaptureDrawer } from './LeadCaptureDrawer'
import { LeadPoolTable } from './LeadPoolTable'
import '../styles/leads.css'

/** 线索: every lead in a spreadsheet, the pool (公海) to claim from, and the entry form. */
export function LeadsPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState('all')
  const [capturing, setCapturing] = useState(false)
  const [opened, setOpened] = useState<OpenRecord | null>(null)
  const view = useGridView('lead')
  const mine = isMine(view.state)
  const openLead = (id: number) => setOpened({ entityType: 'lead', id })
  const newButton = (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCapturing(true)}>
      {t('leads.newLead')}
    </Button>
  )

  return (
    <section className="wb-page wb-page-fill wb-leads-page" aria-label={t('nav.leads')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={tab === 'pool' ? newButton : undefined}
        items={[
          {
            key: 'all',
            label: t('leads.tabs.list'),
            children: (
              <SpreadsheetGrid
                entity="lead"
                label={t('nav.leads')}
                state={view.state}
                onStateChange={view.setState}
                toolbarStart={
                  <>
                    <Segmented<'mine' | 'all'>
                      aria-label={t('leads.whose')}
                      value={mine ? 'mine' : 'all'}
                      onChange={(next) => view.setState(withMine(view.state, next === 'mine'))}
                      options={[
                        { value: 'mine', label: t('leads.mine') },
                        { value: 'all', label: t('leads.all') },
                      ]}
                    />
                    {view.menu}
                  </>
                }
                toolbarExtra={newButton}
                onOpenRow={openLead}
              />
            ),
          },
          { key: 'pool', label: t('leads.tabs.pool'), children: <LeadPoolTable onOpen={openLead} /> },
        ]}
      />
      {capturing && <LeadCaptureDrawer onClose={() => setCapturing(false)} onOpenRecord={setOpened} />}
      {opened && <RecordDrawer key={`${opened.entityType}:${opened.id}`} record={opened} onClose={() => setOpened(null)} />}
    </section>
  )
}
