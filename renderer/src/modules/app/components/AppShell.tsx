import {
  AimOutlined,
  CalendarOutlined,
  ProjectOutlined,
  BankOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FunnelPlotOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SwapOutlined,
} from '@ant-design/icons'
import { Flex, Layout, Menu, Spin, Typography } from 'antd'
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FollowUpEntryHost } from '../../followUps/components/FollowUpEntryHost'
import { FollowUpsPage } from '../../followUps/components/FollowUpsPage'
import { GridPage } from '../../grid/components/GridPage'
import { LeadsPage } from '../../leads/components/LeadsPage'
import { MyDayPage } from '../../myDay/components/MyDayPage'
import { NotificationBell } from '../../notifications/components/NotificationBell'
import { RecordDrawerHost } from '../../opportunity/components/RecordDrawerHost'
import { openRecord } from '../../opportunity/states/recordOpener'
import { GlobalSearch } from '../../search/components/GlobalSearch'
import { PipelinePage } from '../../pipeline/components/PipelinePage'
import { useHashRoute } from '../hooks/useHashRoute'
import { useMenuCommands } from '../hooks/useMenuCommands'
import type { Route } from '../utils/routes'
import { CurrentUserPicker } from './CurrentUserPicker'
import { LanguageSwitch } from './LanguageSwitch'

/** A page whose code loads when it is first opened. */
const lazyPage = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }))

// The dashboard carries ECharts, and Settings and Import/Export are visited rarely: they load when first
// opened, so the grids a rep works in all day start sooner.
const DashboardPage = lazyPage(() => import('../../dashboard/components/DashboardPage').then((m) => m.DashboardPage))
const ImportExportPage = lazyPage(() => import('../../importExport/components/ImportExportPage').then((m) => m.ImportExportPage))
const SettingsPage = lazyPage(() => import('../../settings/components/SettingsPage').then((m) => m.SettingsPage))

// Icons are decoration: the menu items are named by their text alone.
const menu: { route: Route; labelKey: string; icon: ReactNode }[] = [
  { route: 'my-day', labelKey: 'myDay.nav', icon: <CalendarOutlined aria-hidden /> },
  { route: 'pipeline', labelKey: 'nav.pipeline', icon: <FunnelPlotOutlined aria-hidden /> },
  { route: 'kanban', labelKey: 'nav.kanban', icon: <ProjectOutlined aria-hidden /> },
  { route: 'leads', labelKey: 'nav.leads', icon: <AimOutlined aria-hidden /> },
  { route: 'accounts', labelKey: 'nav.accounts', icon: <BankOutlined aria-hidden /> },
  { route: 'contacts', labelKey: 'nav.contacts', icon: <ContactsOutlined aria-hidden /> },
  { route: 'follow-ups', labelKey: 'nav.followUps', icon: <ScheduleOutlined aria-hidden /> },
  { route: 'dashboard', labelKey: 'nav.dashboard', icon: <DashboardOutlined aria-hidden /> },
  { route: 'import-export', labelKey: 'nav.importExport', icon: <SwapOutlined aria-hidden /> },
  { route: 'settings', labelKey: 'nav.settings', icon: <SettingOutlined aria-hidden /> },
]

function Screen({ route, navigate }: { route: Route; navigate(route: Route): void }) {
  const { t } = useTranslation()
  switch (route) {
    case 'my-day':
      return <MyDayPage />
    // One element type in one place for both: switching keeps the page (its view and filters).
    case 'pipeline':
    case 'kanban':
      return (
        <PipelinePage
          mode={route === 'kanban' ? 'board' : 'grid'}
          onModeChange={(mode) => navigate(mode === 'board' ? 'kanban' : 'pipeline')}
        />
      )
    case 'leads':
      return <LeadsPage />
    case 'accounts':
      return <GridPage entity="account" title={t('nav.accounts')} onOpenRow={(id) => openRecord({ entityType: 'account', entityId: id })} />
    case 'contacts':
      return <GridPage entity="contact" title={t('nav.contacts')} onOpenRow={(id) => openRecord({ entityType: 'contact', entityId: id })} />
    case 'follow-ups':
      return <FollowUpsPage />
    case 'dashboard':
      return <DashboardPage />
    case 'import-export':
      return <ImportExportPage />
    case 'settings':
      return <SettingsPage />
  }
}

export function AppShell() {
  const { t } = useTranslation()
  const [route, navigate] = useHashRoute()
  useMenuCommands(navigate)

  return (
    <Layout className="wb-shell">
      <Layout.Sider width={208} theme="light" className="wb-sider">
        <div className="wb-brand">
          <FunnelPlotOutlined className="wb-brand-icon" aria-hidden />
          <span>{t('app.title')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          <Menu
            mode="inline"
            selectedKeys={[route]}
            onClick={({ key }) => navigate(key as Route)}
            items={menu.map((item) => ({ key: item.route, icon: item.icon, label: t(item.labelKey) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="wb-header">
          <Typography.Title level={4} className="wb-header-title">
            {t(menu.find((item) => item.route === route)?.labelKey ?? 'nav.pipeline')}
          </Typography.Title>
          <Flex gap={12} align="center">
            <GlobalSearch />
            <NotificationBell />
            <LanguageSwitch />
            <CurrentUserPicker />
          </Flex>
        </Layout.Header>
        <Layout.Content className="wb-content">
          <Suspense fallback={<Spin className="wb-page-loading" />}>
            <Screen route={route} navigate={navigate} />
          </Suspense>
          <FollowUpEntryHost />
          <RecordDrawerHost />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
