import type { Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import type { Bridge } from '../../shared/client'
import { SKIP_REASON, findElectronBinary } from './electronBinary'
import { expect, test } from './fixtures'

test.skip(findElectronBinary() === null, SKIP_REASON)

interface PageGlobals {
  workbench?: Bridge
}

/** Calls the core through the window's bridge, as the renderer does, and unwraps the envelope. */
async function call<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await page.evaluate(
    ([m, i]) => (globalThis as unknown as PageGlobals).workbench!.invoke(m as string, i, { locale: 'zh-CN' }),
    [method, input] as const,
  )
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope)}`)
  return envelope.value as MethodOutput<M>
}

test('clicking a reminder’s desktop notification opens its record in the window', async ({ app, page }) => {
  // The main process waits 20 s before its first check for due reminders.
  test.setTimeout(150_000)
  // Stand in for the OS: every notification shown is clicked at once.
  await app.evaluate(({ Notification }) => {
    Notification.isSupported = () => true
    Notification.prototype.show = function show(this: InstanceType<typeof Notification>) {
      this.emit('click')
    }
  })
  await call(page, 'workspace.loadDemo', { scale: 50 })
  const users = await call(page, 'users.list', {})
  const me = users.find((u) => u.active && u.role === 'rep')!
  await call(page, 'settings.update', { currentUserId: me.id })
  const stages = await call(page, 'stages.list', {})
  const deal = await call(page, 'opportunities.create', {
    name: '通知点击测试商机',
    stageId: stages.find((s) => s.kind === 'open')!.id,
    ownerId: me.id,
  })
  const today = new Date().toISOString().slice(0, 10)
  await call(page, 'activities.create', { entityType: 'opportunity', entityId: deal.id, type: 'call', content: '电话沟通', nextDate: today })
  await call(page, 'automations.run', {})

  // Main shows the reminder on its next check; the click brings the deal's drawer up.
  await expect(page.getByRole('dialog', { name: deal.name })).toBeVisible({ timeout: 120_000 })
})
